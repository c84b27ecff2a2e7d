using System.Text.Json;

namespace Verbatim.Cli.Tests.Verbs;

/// <summary>`verbatim case ...` as a historian builds a case from the command line.</summary>
public sealed class CaseVerbTests : IDisposable
{
    private const string Polemic = PolemicArchive.PolemicId;

    private const string Greeting = "If for some reason you do not agree, send me back all the papers. I will consider that a sign of your disagreement. With Communist greetings";

    private readonly PolemicArchive _polemic = new();

    public void Dispose() => _polemic.Dispose();

    private CliRun Run(params string[] args) => CliRun.Of([.. args, "--archive", _polemic.Archive]);

    private void Succeeds(params string[] args)
    {
        var run = Run(args);
        Assert.True(run.ExitCode == 0, $"{string.Join(' ', args)}: exit {run.ExitCode}: {run.Error}");
    }

    [Fact]
    public void A_case_built_item_by_item_is_shown_with_each_citation_at_its_version_and_the_check_s_substitution()
    {
        Succeeds("case", "new", "greeting", "--question", "Did Stalin change the closing words?", "--summary", "A first summary.");
        Succeeds("case", "add", "greeting", "document", Polemic);
        Succeeds("case", "add", "greeting", "passage", Polemic, "--text", "With the very best comradely greetings");
        Succeeds("case", "add", "greeting", "passage", $"{Polemic}@1", "--from", "0", "--to", "12");
        Succeeds("case", "add", "greeting", "quote", Greeting);
        Succeeds("case", "add", "greeting", "collation", $"{Polemic}@1:0-40", $"{Polemic}:10-60");
        Succeeds("case", "add", "greeting", "note", "The polemic prints the letter itself.");
        Succeeds("case", "summary", "greeting", "The polemic says Stalin replaced the greeting.");

        var shown = Run("case", "show", "greeting");
        using var json = JsonDocument.Parse(Run("case", "show", "greeting", "--json").Output);
        var listed = Run("case", "list");

        Assert.Equal(0, shown.ExitCode);
        Assert.Contains("Did Stalin change the closing words?", shown.Output, StringComparison.Ordinal);
        Assert.Contains("The polemic says Stalin replaced the greeting.", shown.Output, StringComparison.Ordinal);
        Assert.Contains("«With the very best comradely greetings»", shown.Output, StringComparison.Ordinal);
        Assert.Contains("substitution", shown.Output, StringComparison.Ordinal);
        Assert.Contains("«Communist»", shown.Output, StringComparison.Ordinal);
        // The collation's two witnesses sentence by sentence, as compare-testimonies gives them at the case's versions and ranges.
        var testimonies = CliRun.Of("compare-testimonies", $"A={Polemic}@1", $"B={Polemic}@1", "--range-a", "0-40", "--range-b", "10-60", "--archive", _polemic.Archive);
        Assert.True(testimonies.ExitCode == 0, testimonies.Error);
        Assert.Contains($"sentence by sentence: {testimonies.Output.Split('\n')[2]} (verbatim compare-testimonies A={Polemic}@1 B={Polemic}@1 --range-a 0-40 --range-b 10-60)", shown.Output, StringComparison.Ordinal);
        var root = json.RootElement;
        Assert.Equal(8, root.GetProperty("version").GetInt32());
        Assert.Equal(["document", "passage", "passage", "quotation", "collation", "note"],
            root.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("kind").GetString()));
        Assert.All(root.GetProperty("items").EnumerateArray().Where(i => i.TryGetProperty("version", out _)), i => Assert.Equal(1, i.GetProperty("version").GetInt32()));
        Assert.Equal("the very best comradely", root.GetProperty("items")[3].GetProperty("matches")[0].GetProperty("differences").EnumerateArray()
            .Single(d => d.GetProperty("type").GetString() == "substitution").GetProperty("source").GetString());
        Assert.Equal("summary changed", root.GetProperty("versions")[7].GetProperty("message").GetString());
        Assert.Contains("greeting", listed.Output, StringComparison.Ordinal);
        Assert.Contains("6 items", listed.Output, StringComparison.Ordinal);
        using var list = JsonDocument.Parse(Run("case", "list", "--json").Output);
        Assert.Equal("Did Stalin change the closing words?", list.RootElement[0].GetProperty("question").GetString());
    }

    [Fact]
    public void A_case_exported_as_a_pack_verifies_on_its_own_and_fails_naming_the_place_once_a_byte_is_changed()
    {
        Succeeds("case", "new", "greeting", "--question", "Did Stalin change the closing words?", "--summary", "The polemic says so.");
        Succeeds("case", "add", "greeting", "passage", Polemic, "--text", "With the very best comradely greetings");
        Succeeds("case", "add", "greeting", "quote", Greeting);
        Succeeds("case", "add", "greeting", "note", "The polemic prints the letter itself.");
        var pack = Path.Combine(Path.GetTempPath(), $"verbatim-case-pack-{Guid.NewGuid():N}");
        try
        {
            var exported = Run("case", "export", "greeting", "--pack", pack);
            Assert.True(exported.ExitCode == 0, exported.Error);
            // Verified with no archive at all: as on a machine that has never seen it.
            var verified = CliRun.Of("verify-pack", pack, "--json");
            Assert.True(verified.ExitCode == 0, verified.Output + verified.Error);
            var report = File.ReadAllText(Path.Combine(pack, "data", "report.html"));
            Assert.Contains("Did Stalin change the closing words?", report, StringComparison.Ordinal);
            Assert.Contains("The polemic prints the letter itself.", report, StringComparison.Ordinal);
            using (var index = JsonDocument.Parse(File.ReadAllText(Path.Combine(pack, "data", "citations.json"))))
                Assert.Contains(index.RootElement.GetProperty("citations").EnumerateArray(), c => c.GetProperty("quoted").GetString() == "With the very best comradely greetings");

            var document = Directory.GetFiles(Path.Combine(pack, "data", "documents"), "document.json", SearchOption.AllDirectories)[0];
            var bytes = File.ReadAllBytes(document);
            var at = Array.IndexOf(bytes, (byte)'g', bytes.Length / 2);
            bytes[at] = (byte)'G';
            File.WriteAllBytes(document, bytes);
            var broken = CliRun.Of("verify-pack", pack);

            Assert.NotEqual(0, broken.ExitCode);
            Assert.Contains("document.json", broken.Output + broken.Error, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(pack))
                Directory.Delete(pack, recursive: true);
        }
    }

    [Fact]
    public void A_collation_s_later_witness_is_packed_with_its_differences_from_the_first_and_the_report_shows_them()
    {
        // A second version of the polemic, closing the note as Stalin read it out.
        var seed = CliRun.Seed("004");
        var altered = Path.Combine(_polemic.Folder, "altered", Path.GetFileName(seed));
        Directory.CreateDirectory(Path.GetDirectoryName(altered)!);
        var original = File.ReadAllText(seed);
        var at = original.IndexOf("With the very best comradely greetings", StringComparison.Ordinal);
        File.WriteAllText(altered, original[..at] + "With Communist greetings" + original[(at + "With the very best comradely greetings".Length)..]);
        Succeeds("ingest", altered);
        Succeeds("case", "new", "greeting", "--question", "Did Stalin change the closing words?");
        Succeeds("case", "add", "greeting", "note", "Two printings.");
        Succeeds("case", "add", "greeting", "collation", $"{Polemic}@1", $"{Polemic}@2");
        var pack = Path.Combine(Path.GetTempPath(), $"verbatim-case-pack-{Guid.NewGuid():N}");
        try
        {
            Succeeds("case", "export", "greeting", "--pack", pack);

            Assert.True(CliRun.Of("verify-pack", pack).ExitCode == 0);
            using var index = JsonDocument.Parse(File.ReadAllText(Path.Combine(pack, "data", "citations.json")));
            var (first, second) = (index.RootElement.GetProperty("citations")[0], index.RootElement.GetProperty("citations")[1]);
            Assert.False(first.TryGetProperty("comparedWith", out _));
            Assert.Empty(first.GetProperty("differences").EnumerateArray());
            Assert.Equal(1, second.GetProperty("comparedWith").GetInt32());
            var substitution = Assert.Single(second.GetProperty("differences").EnumerateArray());
            Assert.Equal(("substitution", "Communist", "the very best comradely"),
                (substitution.GetProperty("type").GetString(), substitution.GetProperty("quoted").GetString(), substitution.GetProperty("source").GetString()));
            // The place is in the second witness's text, where the first reads otherwise.
            var text = second.GetProperty("quoted").GetString()!;
            Assert.StartsWith("Communist", text[substitution.GetProperty("quotedOffset").GetInt32()..], StringComparison.Ordinal);
            var report = File.ReadAllText(Path.Combine(pack, "data", "report.html"));
            Assert.Contains("Compared word by word with <a href=\"#citation-1\">citation 1</a>", report, StringComparison.Ordinal);
            Assert.Contains("<th>this witness reads</th><th>citation 1 reads</th>", report, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(pack))
                Directory.Delete(pack, recursive: true);
        }
    }

    [Theory]
    [InlineData("no document 'no-such-letter'", "case", "add", "greeting", "document", "no-such-letter")]
    [InlineData("are past the end", "case", "add", "greeting", "passage", Polemic, "--from", "10", "--to", "99999999")]
    [InlineData("no version 4", "case", "add", "greeting", "passage", Polemic + "@4", "--from", "1", "--to", "5")]
    [InlineData("give --from and --to, or --text", "case", "add", "greeting", "passage", Polemic, "--from", "10")]
    [InlineData("no case 'elsewhere'", "case", "add", "elsewhere", "note", "a note")]
    [InlineData("no case 'elsewhere'", "case", "show", "elsewhere")]
    [InlineData("no case 'elsewhere'", "case", "summary", "elsewhere", "words")]
    [InlineData("two witnesses or more", "case", "add", "greeting", "collation", Polemic)]
    [InlineData("at least 5 words", "case", "add", "greeting", "quote", "too few words")]
    [InlineData("there is a case 'greeting' already", "case", "new", "greeting", "--question", "Again?")]
    [InlineData("cannot name a case", "case", "new", "Not A Slug", "--question", "Why?")]
    public void What_cannot_be_done_is_one_error_line_naming_it_a_non_zero_exit_and_nothing_written(string said, params string[] args)
    {
        Succeeds("case", "new", "greeting", "--question", "Did Stalin change the closing words?");

        var run = Run(args);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(said, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(Run("case", "show", "greeting", "--json").Output);
        Assert.Equal(1, json.RootElement.GetProperty("version").GetInt32());
    }

    [Fact]
    public void An_archive_without_cases_lists_none()
    {
        var listed = Run("case", "list");

        Assert.Equal(0, listed.ExitCode);
        Assert.Contains("no cases", listed.Output, StringComparison.Ordinal);
        Assert.Equal("[]", Run("case", "list", "--json").Output.Trim());
    }
}
