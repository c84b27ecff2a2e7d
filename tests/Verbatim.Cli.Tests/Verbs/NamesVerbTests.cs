using System.Text.Json;

namespace Verbatim.Cli.Tests.Verbs;

/// <summary>`verbatim names` as a user runs it: the index as JSON, and the variants file set, refused and shown.</summary>
public sealed class NamesVerbTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"verbatim-names-cli-{Guid.NewGuid():N}");

    private string Archive => Path.Combine(_folder, "archive");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    private CliRun Run(params string[] args) => CliRun.Of([.. args, "--archive", Archive]);

    private string Input(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        Directory.CreateDirectory(_folder);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Names_json_lists_entities_with_variants_and_documents_by_role()
    {
        Assert.Equal(0, Run("init").ExitCode);
        Assert.Equal(0, Run("ingest", CliRun.Seed("000"), CliRun.Seed("001"), CliRun.Seed("002")).ExitCode);

        var run = Run("names", "--json", "--kind", "person");

        Assert.Equal(0, run.ExitCode);
        var entities = JsonDocument.Parse(run.Output).RootElement.EnumerateArray().ToList();
        Assert.All(entities, e => Assert.Equal("person", e.GetProperty("kind").GetString()));
        var stalin = Assert.Single(entities, e => e.GetProperty("documents").EnumerateArray()
            .Any(d => d.GetProperty("id").GetString() == "lenin-1921-10-20-to-stalin" && d.GetProperty("roles").EnumerateArray().Any(r => r.GetString() == "addressee")));
        Assert.Contains("Stalin", stalin.GetProperty("name").GetString());
    }

    [Fact]
    public void A_bad_variants_file_is_refused_with_file_and_line_and_a_good_one_is_stored_and_shown()
    {
        Assert.Equal(0, Run("init").ExitCode);
        Assert.Equal(0, Run("ingest", CliRun.Seed("001")).ExitCode);
        var bad = Input("bad.txt", "Zalutsky = P. A. Zalutsky\njust words\n");

        var refused = Run("names", "--set-variants", bad);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains($"{bad}:2:", refused.Error);
        Assert.Equal("", Run("names", "--show-variants").Output);

        var good = Input("good.txt", "P. A. Zalutsky = Zalutsky\n");
        var stored = Run("names", "--set-variants", good, "-m", "Zalutsky's initials");
        Assert.Equal(0, stored.ExitCode);
        Assert.Equal(File.ReadAllText(good), Run("names", "--show-variants").Output);
        Assert.Contains("P. A. Zalutsky", Run("names").Output);
    }
}
