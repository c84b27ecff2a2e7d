using System.Text.Json;

namespace Verbatim.Cli.Tests.Verbs;

/// <summary>`verbatim init --catalog` and `verbatim catalog show|migrate`, as an archivist moving to a shared PostgreSQL runs them.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CatalogVerbTests(PostgresCluster cluster) : IDisposable
{
    private readonly string _archive = Path.Combine(Path.GetTempPath(), $"verbatim-cli-catalog-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_archive))
            Directory.Delete(_archive, recursive: true);
    }

    private CliRun Run(params string[] args) => CliRun.Of([.. args, "--archive", _archive]);

    private JsonElement Shown()
    {
        var shown = Run("catalog", "show", "--json");
        Assert.True(shown.ExitCode == 0, shown.Error);
        return JsonDocument.Parse(shown.Output).RootElement.Clone();
    }

    [Fact]
    public void An_archive_made_on_postgresql_is_searched_by_every_verb_without_naming_it_again()
    {
        var address = cluster.NewDatabaseAddress();
        var made = Run("init", "--catalog", address);
        Assert.True(made.ExitCode == 0, made.Error);
        Assert.Contains("its catalog: PostgreSQL database", made.Output, StringComparison.Ordinal);
        Assert.Equal(0, Run("ingest", CliRun.Seed("000"), CliRun.Seed("001")).ExitCode);

        var search = Run("search", "Stalin");
        var audit = Run("audit");

        Assert.Contains("lenin-1921-10-20-to-stalin", search.Output, StringComparison.Ordinal);
        Assert.True(audit.ExitCode == 0, audit.Output + audit.Error);
        Assert.Equal(("postgresql", 2), (Shown().GetProperty("backend").GetString(), Shown().GetProperty("documents").GetInt32()));
        Assert.False(File.Exists(Path.Combine(_archive, "catalog.sqlite")));
    }

    [Fact]
    public void Migrate_moves_an_archive_to_postgresql_and_back_and_search_finds_the_same()
    {
        Assert.Equal(0, Run("init").ExitCode);
        Assert.Equal(0, Run("ingest", CliRun.Seed("000"), CliRun.Seed("001"), CliRun.Seed("002")).ExitCode);
        var before = Run("search", "comrade*", "--json").Output;

        var there = Run("catalog", "migrate", "--to", cluster.NewDatabaseAddress());
        var onPostgres = Run("search", "comrade*", "--json").Output;
        var back = Run("catalog", "migrate", "--to", "sqlite");

        Assert.True(there.ExitCode == 0, there.Error);
        Assert.Contains("3 documents catalogued in PostgreSQL database", there.Output, StringComparison.Ordinal);
        Assert.Equal(Ids(before), Ids(onPostgres));
        Assert.True(back.ExitCode == 0, back.Error);
        Assert.Contains("note: the tables of the catalog in PostgreSQL database", back.Output, StringComparison.Ordinal);
        Assert.Equal(("sqlite", 3), (Shown().GetProperty("backend").GetString(), Shown().GetProperty("documents").GetInt32()));
    }

    [Fact]
    public void Migrating_to_the_catalog_in_use_or_an_unknown_one_is_refused_with_exit_2()
    {
        Assert.Equal(0, Run("init").ExitCode);

        var same = Run("catalog", "migrate", "--to", "sqlite");
        var unknown = Run("catalog", "migrate", "--to", "mongodb://x");

        Assert.Equal((2, 2), (same.ExitCode, unknown.ExitCode));
        Assert.Contains("is ", same.Error, StringComparison.Ordinal);
        Assert.Contains("already", same.Error, StringComparison.Ordinal);
        Assert.Contains("the catalog to move to: neither \"sqlite\"", unknown.Error, StringComparison.Ordinal);
    }

    private static List<string> Ids(string json) => [.. JsonDocument.Parse(json).RootElement.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()!).Order(StringComparer.Ordinal)];
}
