using System.Text;
using System.Text.Json;

namespace Verbatim.Cli.Tests.Verbs;

public sealed class ReuseVerbTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("verbatim-reuse-cli-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>Seed 004's letter of Lenin to Trotsky, cut from the page at run time: from "I earnestly ask" to "disagreement."</summary>
    private static string Letter()
    {
        var page = File.ReadAllText(CliRun.Seed("004"));
        var start = page.IndexOf("I earnestly ask you", StringComparison.Ordinal);
        var end = page.IndexOf("sign of your disagreement.", start, StringComparison.Ordinal) + "sign of your disagreement.".Length;
        return page[start..end];
    }

    [Fact]
    public void A_passage_two_files_share_is_found_at_its_characters_with_a_changed_word_as_a_substitution()
    {
        var letter = Letter();
        var quoting = "At the plenum it was read thus: " + letter.Replace("quite the contrary", "entirely the contrary", StringComparison.Ordinal) + " So the reading went.";
        var (source, target) = (Path.Combine(folder, "a-letter.txt"), Path.Combine(folder, "b-plenum.txt"));
        File.WriteAllText(source, "Strictly secret.\n\n" + letter + "\n");
        File.WriteAllText(target, quoting);

        var run = CliRun.Of("reuse", folder, "--json", "--differences");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(2, json.RootElement.GetProperty("files").GetInt32());
        var passage = Assert.Single(json.RootElement.GetProperty("passages").EnumerateArray());
        Assert.Equal(source, passage.GetProperty("source").GetString());
        Assert.Equal(target, passage.GetProperty("target").GetString());
        // From the first word to the last: the closing full stop is not a word.
        Assert.Equal(letter[..^1], File.ReadAllText(source)[passage.GetProperty("sourceStart").GetInt32()..passage.GetProperty("sourceEnd").GetInt32()]);
        Assert.Equal(quoting.IndexOf("I earnestly", StringComparison.Ordinal), passage.GetProperty("targetStart").GetInt32());
        var difference = Assert.Single(passage.GetProperty("differences").EnumerateArray());
        Assert.Equal("substitution", difference.GetProperty("type").GetString());
        Assert.Equal("quite", difference.GetProperty("source").GetString());
        Assert.Equal("entirely", difference.GetProperty("quoted").GetString());
        Assert.Equal(File.ReadAllText(source).IndexOf("quite the contrary", StringComparison.Ordinal), difference.GetProperty("offset").GetInt32());
    }

    [Fact]
    public void A_binary_file_and_a_file_that_is_not_UTF8_are_named_with_the_byte_and_the_others_are_still_compared()
    {
        var letter = Letter();
        File.WriteAllText(Path.Combine(folder, "a.txt"), letter);
        File.WriteAllText(Path.Combine(folder, "b.txt"), "He wrote to Trotsky: " + letter);
        File.WriteAllBytes(Path.Combine(folder, "c.pdf"), [0x25, 0x50, 0x44, 0x46, 0x00, 0x01]);
        File.WriteAllBytes(Path.Combine(folder, "d.txt"), [.. Encoding.UTF8.GetBytes("Zalutsky wrote "), 0xE9, .. Encoding.UTF8.GetBytes("t\u00E9")]);

        var run = CliRun.Of("reuse", folder);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"error: {Path.Combine(folder, "c.pdf")}: binary file, not text (a NUL byte at byte offset 4)", run.Error, StringComparison.Ordinal);
        Assert.Contains($"error: {Path.Combine(folder, "d.txt")}: not UTF-8 text (an invalid byte at byte offset 15)", run.Error, StringComparison.Ordinal);
        Assert.StartsWith("2 files compared: 1 shared passage.", run.Output, StringComparison.Ordinal);
        Assert.Contains($"{Path.Combine(folder, "a.txt")}:0-{letter.Length - 1} -> {Path.Combine(folder, "b.txt")}:21-{21 + letter.Length - 1}", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_names_each_problem_by_file_and_prints_letters_as_themselves()
    {
        const string letter = "Ich danke Ihnen herzlich für die Zusendung des Buches und für Ihre freundlichen Worte über meine Arbeit.";
        File.WriteAllText(Path.Combine(folder, "a.txt"), letter);
        File.WriteAllText(Path.Combine(folder, "b.txt"), "Er schrieb: " + letter.Replace("Zusendung", "Übersendung", StringComparison.Ordinal));
        File.WriteAllBytes(Path.Combine(folder, "c.pdf"), [0x25, 0x50, 0x44, 0x46, 0x00, 0x01]);

        var run = CliRun.Of("reuse", folder, "--json", "--differences");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("\"quoted\": \"Übersendung\",", run.Output, StringComparison.Ordinal);
        Assert.Contains("\"source\": \"Zusendung\",", run.Output, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(["files", "passages", "boilerplateLeftOut", "problems"], json.RootElement.EnumerateObject().Select(p => p.Name));
        var problem = Assert.Single(json.RootElement.GetProperty("problems").EnumerateArray());
        Assert.Equal(Path.Combine(folder, "c.pdf"), problem.GetProperty("file").GetString());
        Assert.Equal("binary file, not text (a NUL byte at byte offset 4)", problem.GetProperty("message").GetString());
    }

    [Fact]
    public void Fewer_words_than_the_minimum_are_not_a_passage_and_a_minimum_below_one_is_refused()
    {
        File.WriteAllText(Path.Combine(folder, "a.txt"), "one two three four five six seven eight nine ten");
        File.WriteAllText(Path.Combine(folder, "b.txt"), "and then: one two three four five six seven eight nine ten");

        Assert.Contains("1 shared passage", CliRun.Of("reuse", folder).Output, StringComparison.Ordinal);
        Assert.Contains("0 shared passages", CliRun.Of("reuse", folder, "--min-words", "11").Output, StringComparison.Ordinal);
        var refused = CliRun.Of("reuse", folder, "--min-words", "0");
        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("--min-words must be at least 1", refused.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_site_lines_three_Lenin_Archive_pages_share_are_boilerplate_left_out_unless_asked_for()
    {
        // Pages 000-002 carry the site's header, licence and footer lines ("Public Domain: Lenin
        // Internet Archive ...", "Works Index | Volume 45 | ... | L.I.A. Index"); 000 and 002
        // also share a footnote's words, which no third page gives.
        var seeds = new[] { "000", "001", "002", "003", "004" }.Select(CliRun.Seed).ToArray();
        string Of(JsonElement p) => File.ReadAllText(p.GetProperty("source").GetString()!)[p.GetProperty("sourceStart").GetInt32()..p.GetProperty("sourceEnd").GetInt32()];

        var plain = JsonDocument.Parse(CliRun.Of(["reuse", .. seeds, "--json"]).Output).RootElement;
        var asked = JsonDocument.Parse(CliRun.Of(["reuse", .. seeds, "--json", "--boilerplate"]).Output).RootElement;
        var text = CliRun.Of(["reuse", .. seeds]);

        var passages = plain.GetProperty("passages").EnumerateArray().ToList();
        Assert.DoesNotContain(passages, p => Of(p).Contains("L.I.A. Index", StringComparison.Ordinal) || Of(p).Contains("Lenin Internet Archive", StringComparison.Ordinal));
        Assert.Contains(passages, p => Of(p).Contains("Central Party Archives of the Institute of Marxism-Leninism", StringComparison.Ordinal));
        var boilerplate = asked.GetProperty("passages").EnumerateArray().Where(p => p.GetProperty("boilerplate").GetBoolean()).ToList();
        Assert.Equal(plain.GetProperty("boilerplateLeftOut").GetInt32(), boilerplate.Count);
        Assert.Contains(boilerplate, p => Of(p).Contains("L.I.A. Index", StringComparison.Ordinal));
        Assert.Contains(boilerplate, p => Of(p).Contains("Lenin Internet Archive", StringComparison.Ordinal));
        Assert.Contains($"{boilerplate.Count} boilerplate passages left out; --boilerplate lists them", text.Output, StringComparison.Ordinal);
    }
}
