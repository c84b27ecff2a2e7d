using System.Text.Json;

namespace Verbatim.Cli.Tests.Verbs;

/// <summary>`verbatim audit` on a store whose objects were damaged after they were written.</summary>
public sealed class AuditVerbTests : IDisposable
{
    private readonly string _archive = Path.Combine(Path.GetTempPath(), $"verbatim-audit-{Guid.NewGuid():N}");

    public void Dispose() => Directory.Delete(_archive, recursive: true);

    private CliRun Run(params string[] args) => CliRun.Of([.. args, "--archive", _archive]);

    /// <summary>The object root (under the store) that holds a document, found by the id its inventory states.</summary>
    private string ObjectRootOf(string documentId)
        => Path.GetDirectoryName(Directory.EnumerateFiles(Path.Combine(_archive, "store"), "inventory.json", SearchOption.AllDirectories)
            .First(p => File.ReadAllText(p).Contains($"\"urn:verbatim:{documentId}\"", StringComparison.Ordinal)))!;

    [Fact]
    public void A_finding_inside_an_object_names_its_document_even_when_the_inventory_is_broken()
    {
        Assert.Equal(0, Run("init").ExitCode);
        Assert.Equal(0, Run("ingest", CliRun.Seed("000"), CliRun.Seed("001")).ExitCode);
        const string damaged = "lenin-1921-10-20-to-stalin";
        var objectRoot = ObjectRootOf(damaged);
        var source = Directory.EnumerateFiles(Path.Combine(objectRoot, "v1", "content", "source")).Single();
        File.AppendAllText(source, "!");

        var json = Run("audit", "--json");
        Assert.Equal(1, json.ExitCode);
        using (var report = JsonDocument.Parse(json.Output))
        {
            var finding = report.RootElement.GetProperty("findings").EnumerateArray().Single();
            Assert.Equal("E092", finding.GetProperty("code").GetString());
            Assert.Equal(damaged, finding.GetProperty("document").GetString());
        }
        var text = Run("audit");
        Assert.Contains($"(document {damaged}): ", text.Output);
        Assert.EndsWith("checked: 1 problem.", text.Output.TrimEnd());

        // With the root inventory unreadable, the version's copy of it still says whose object it is.
        File.WriteAllText(Path.Combine(objectRoot, "inventory.json"), "{ not json");
        var broken = Run("audit", "--json");
        Assert.Equal(1, broken.ExitCode);
        using var brokenReport = JsonDocument.Parse(broken.Output);
        var findings = brokenReport.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.Equal(damaged, f.GetProperty("document").GetString()));
    }

    [Fact]
    public void A_tampered_document_is_refused_by_show_and_audit_repair_puts_back_the_original_bytes()
    {
        Assert.Equal(0, Run("init").ExitCode);
        Assert.Equal(0, Run("ingest", CliRun.Seed("000"), CliRun.Seed("001")).ExitCode);
        const string damaged = "lenin-1921-10-20-to-stalin";
        var objectRoot = ObjectRootOf(damaged);
        var json = Path.Combine(objectRoot, "v1", "content", "document.json");
        File.WriteAllText(json, File.ReadAllText(json).Replace("loyal revolutionary", "disloyal revolutionary", StringComparison.Ordinal));
        var source = Directory.EnumerateFiles(Path.Combine(objectRoot, "v1", "content", "source")).Single();
        File.AppendAllText(source, "!");

        var show = Run("show", damaged);
        Assert.Equal(2, show.ExitCode);
        Assert.DoesNotContain("disloyal", show.Output, StringComparison.Ordinal);
        Assert.Contains($"the stored document {damaged} is damaged: document.json (v1/content/document.json) changed since it was stored", show.Error, StringComparison.Ordinal);

        var originals = Path.Combine(_archive, "..", Path.GetFileName(_archive) + "-originals");
        Directory.CreateDirectory(originals);
        try
        {
            File.Copy(CliRun.Seed("000"), Path.Combine(originals, "letter-to-stalin.txt"));
            var repaired = Run("audit", "--repair", originals);
            Assert.Equal(0, repaired.ExitCode);
            Assert.Contains($"repaired: {damaged} (version 2): ", repaired.Error, StringComparison.Ordinal);
            Assert.EndsWith("checked: clean.", repaired.Output.TrimEnd(), StringComparison.Ordinal);
            Assert.Contains("loyal revolutionary", Run("show", damaged).Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(originals, recursive: true);
        }
    }

    [Fact]
    public void Read_verbs_answer_while_another_process_holds_the_archive_for_writing()
    {
        Assert.Equal(0, Run("init").ExitCode);
        Assert.Equal(0, Run("ingest", CliRun.Seed("000"), CliRun.Seed("001")).ExitCode);
        using var writer = Archiving.Archive.Open(_archive);

        Assert.Contains("Lalayants", Run("search", "Lalayants").Output, StringComparison.Ordinal);
        Assert.Equal(0, Run("list").ExitCode);
        Assert.Equal(0, Run("show", "lenin-1921-10-20-to-stalin").ExitCode);
        Assert.Equal(0, Run("audit").ExitCode);
        var ingest = Run("ingest", CliRun.Seed("002"), "--wait", "0.3");
        Assert.Equal(2, ingest.ExitCode);
        Assert.StartsWith($"waiting for the archive's writer lock, held by process {Environment.ProcessId} since ", ingest.Error, StringComparison.Ordinal);
        Assert.Contains("in use by another verbatim process", ingest.Error, StringComparison.Ordinal);
        Assert.Contains("waited 0.3 s", ingest.Error, StringComparison.Ordinal);
    }
}
