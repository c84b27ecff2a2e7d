using System.Text.RegularExpressions;

namespace Verbatim.Cli.Tests.Verbs;

/// <summary>`verbatim demo --catalog` on PostgreSQL (what scripts/demo-postgres runs) says what the demo on SQLite says.</summary>
[Collection(PostgresCollection.Name)]
public sealed partial class DemoOnPostgresTests(PostgresCluster cluster) : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"verbatim-demo-pg-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    private CliRun Demo(string archive, params string[] more) =>
        CliRun.Of(["demo", "--samples", Path.Combine(CliRun.RepositoryRoot, "samples"), "--archive", Path.Combine(_folder, archive), "--no-serve", .. more]);

    // What differs between two demo archives whatever their catalogs: where they are, and the passwords made for each.
    [GeneratedRegex("Demo archive at .*|/[^ ]*verbatim-demo-pg-[0-9a-f]+/\\w+|password [0-9a-f]{16}")]
    private static partial Regex PlaceAndPasswords();

    [Fact]
    public void The_demo_on_postgresql_lists_finds_checks_and_closes_what_the_demo_on_sqlite_does()
    {
        var onSqlite = Demo("sqlite");
        var onPostgres = Demo("postgres", "--catalog", cluster.NewDatabaseAddress());
        var again = Demo("postgres");

        Assert.True(onPostgres.ExitCode == 0, onPostgres.Error);
        Assert.Contains("its catalog: PostgreSQL database", onPostgres.Output, StringComparison.Ordinal);
        Assert.Equal(PlaceAndPasswords().Replace(onSqlite.Output, ""), PlaceAndPasswords().Replace(onPostgres.Output, ""));
        Assert.Contains("0 new, 0 updated, 9 unchanged", again.Output, StringComparison.Ordinal);
        Assert.Contains("its catalog: PostgreSQL database", again.Output, StringComparison.Ordinal);
    }
}
