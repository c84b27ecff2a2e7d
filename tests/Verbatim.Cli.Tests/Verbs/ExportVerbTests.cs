using System.Xml.Linq;

namespace Verbatim.Cli.Tests.Verbs;

/// <summary>`verbatim export cmif` over the seeds, shared TEI letters and CMIF files, judged by Debian's jing.</summary>
public sealed class ExportVerbTests : IDisposable
{
    private static readonly XNamespace Tei = "http://www.tei-c.org/ns/1.0";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"verbatim-export-{Guid.NewGuid():N}");

    private string Archive => Path.Combine(_folder, "archive");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    private CliRun Run(params string[] args) => CliRun.Of([.. args, "--archive", Archive]);

    private static string[] TeiLetters(int count)
        => [.. Directory.GetFiles(RepositoryPaths.Shared("corpus", "schnitzler-tei"), "*.xml").Order(StringComparer.Ordinal).Take(count)];

    private static string[] CmifFiles() => Directory.GetFiles(RepositoryPaths.Shared("corpus", "cmif", "schnitzler"), "*.xml");

    [Fact]
    public void A_bag_of_a_search_validates_and_goes_into_another_archive_with_ingest()
    {
        Assert.Equal(0, Run("init").ExitCode);
        Assert.Equal(0, Run("ingest", CliRun.Seed("000"), CliRun.Seed("001"), CliRun.Seed("002")).ExitCode);
        var bag = Path.Combine(_folder, "bag");

        var export = Run("export", "bag", bag, "--query", "Stalin", "--organization", "Test Archive");
        var validation = CliRun.Of("validate-bag", bag);
        Assert.Equal(0, CliRun.Of("init", "--archive", Path.Combine(_folder, "received")).ExitCode);
        var received = CliRun.Of("ingest", bag, "--archive", Path.Combine(_folder, "received"), "--json");
        var again = Run("export", "bag", bag);

        Assert.True(export.ExitCode == 0, export.Error);
        Assert.Contains("written as a bag to", export.Output, StringComparison.Ordinal);
        Assert.Equal(0, validation.ExitCode);
        Assert.True(received.ExitCode == 0, received.Error);
        Assert.Contains("lenin-1921-10-20-to-stalin", received.Output, StringComparison.Ordinal);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("already exists and is not an empty folder", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_tei_writes_a_valid_file_a_document_and_show_gives_the_same()
    {
        Assert.Equal(0, Run("init").ExitCode);
        Assert.Equal(0, Run(["ingest", CliRun.Seed("000"), CliRun.Seed("001"), .. TeiLetters(3)]).ExitCode);
        Assert.Equal(0, Run("access", "lenin-1921-12-20-to-zalutsky-and-solts", "restricted:family", "--reason", "a family matter").ExitCode);
        var folder = Path.Combine(_folder, "tei");

        var export = Run("export", "tei", folder);
        var shown = Run("show", "lenin-1921-10-20-to-stalin", "--format", "tei");

        Assert.True(export.ExitCode == 0, export.Error);
        Assert.Contains("4 documents written as TEI", export.Output, StringComparison.Ordinal);
        Assert.Contains("1 document not open to everyone left out", export.Output, StringComparison.Ordinal);
        var files = Directory.GetFiles(folder).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(4, files.Count);
        foreach (var file in files)
        {
            var validation = SchemaTools.Jing(RepositoryPaths.Shared("standards", "tei", "tei_all.rng"), file);
            Assert.True(validation.ExitCode == 0, validation.Output);
        }
        Assert.Equal(File.ReadAllText(Path.Combine(folder, "lenin-1921-10-20-to-stalin.xml")).Trim(), shown.Output.Trim());
    }

    [Fact]
    public void The_export_is_valid_CMIF_by_the_RELAX_NG_schema_and_the_Schematron_rules()
    {
        Assert.Equal(0, Run("init").ExitCode);
        var ingest = Run(["ingest", CliRun.Seed("000"), CliRun.Seed("001"), CliRun.Seed("002"), CliRun.Seed("004"), .. TeiLetters(30), .. CmifFiles()]);
        Assert.Equal(0, ingest.ExitCode);
        var output = Path.Combine(_folder, "letters.xml");

        var export = Run("export", "cmif", "--output", output, "--editor", "A. Tester", "--email", "tester@example.org");

        Assert.Equal(0, export.ExitCode);
        var schema = RepositoryPaths.Shared("corpus", "cmif", "schema");
        var relaxNg = SchemaTools.Jing(Path.Combine(schema, "cmi-customization.rng"), output);
        Assert.True(relaxNg.ExitCode == 0, relaxNg.Output);
        var schematron = SchemaTools.Jing(Path.Combine(schema, "cmif.sch"), output);
        Assert.True(schematron.ExitCode == 0, schematron.Output);

        // Every letter of the CMIF files and every seed letter with an addressee is in the export, once.
        var exported = XDocument.Load(output).Descendants(Tei + "correspDesc").Select(c => (string)c.Attribute("n")!).ToList();
        Assert.Equal(exported.Count, exported.Distinct().Count());
        var cmifLetters = CmifFiles().Sum(f => XDocument.Load(f).Descendants(Tei + "correspDesc").Count());
        Assert.True(exported.Count >= cmifLetters + 30, $"{exported.Count} letters exported");
        Assert.Contains("lenin-1921-10-20-to-stalin", exported);

        // L00036 is dated "[22.? 8. 1891]": its date is exported as doubtful; L00001's "2. 8. 1889" is not.
        string? CertOf(string letter) => XDocument.Load(output).Descendants(Tei + "correspDesc")
            .Single(c => ((string)c.Attribute("n")!).EndsWith(letter, StringComparison.Ordinal)).Descendants(Tei + "date").Single().Attribute("cert")?.Value;
        Assert.Equal("low", CertOf("-l00036"));
        Assert.Null(CertOf("-l00001"));
        Assert.Contains($"{exported.Count} letters written as CMIF", export.Error);
    }

    [Fact]
    public void A_schematron_violation_is_caught_by_the_same_check()
    {
        // The check is only worth its pass if it fails a file that breaks a rule (E0002: a letter without addressee).
        Directory.CreateDirectory(_folder);
        var broken = Path.Combine(_folder, "broken.xml");
        var example = XDocument.Load(RepositoryPaths.Shared("corpus", "cmif", "examples", "example01_basic.xml"));
        example.Descendants(Tei + "correspAction").First(a => (string?)a.Attribute("type") == "received").Remove();
        example.Save(broken);
        var schematron = SchemaTools.Jing(RepositoryPaths.Shared("corpus", "cmif", "schema", "cmif.sch"), broken);
        Assert.NotEqual(0, schematron.ExitCode);
        Assert.Contains("E0002", schematron.Output);
    }

    [Fact]
    public void A_malformed_CMIF_file_fails_alone_and_the_rest_of_the_batch_is_stored()
    {
        Assert.Equal(0, Run("init").ExitCode);
        var bad = Path.Combine(_folder, "bad-cmif.xml");
        var text = File.ReadAllText(CmifFiles().Single(f => f.EndsWith("1958_Rilke_Schnitzler.xml", StringComparison.Ordinal)));
        File.WriteAllText(bad, text[..(text.Length / 2)]);

        var ingest = Run("ingest", bad, CmifFiles().Single(f => f.EndsWith("1992_Schnitzler_an_Freud.xml", StringComparison.Ordinal)), "--json");

        Assert.Equal(1, ingest.ExitCode);
        Assert.Contains("bad-cmif.xml", ingest.Output);
        Assert.Contains("malformed XML", ingest.Output);
        var list = Run("list", "--json");
        Assert.Contains("schnitzler-1906-05-06-to-freud", list.Output);
    }

    [Fact]
    public void Letters_not_open_to_everyone_are_left_out_unless_asked_for()
    {
        Assert.Equal(0, Run("init").ExitCode);
        Assert.Equal(0, Run(["ingest", .. TeiLetters(3)]).ExitCode);
        Assert.Equal(0, Run(["ingest", .. TeiLetters(5)[3..], "--access", "restricted:family"]).ExitCode);
        var (published, everything) = (Path.Combine(_folder, "published.xml"), Path.Combine(_folder, "everything.xml"));

        var export = Run("export", "cmif", "--output", published);
        Run("export", "cmif", "--output", everything, "--include-closed");

        Assert.Equal(3, XDocument.Load(published).Descendants(Tei + "correspDesc").Count());
        Assert.Equal(5, XDocument.Load(everything).Descendants(Tei + "correspDesc").Count());
        Assert.Contains("2 documents not open to everyone left out", export.Error, StringComparison.Ordinal);
    }
}
