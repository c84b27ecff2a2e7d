using System.Text.Json;
using System.Xml.Linq;

namespace Verbatim.Cli.Tests.Verbs;

/// <summary>`verbatim collate` on the seeds' two translations of one passage and on two versions of a stored document.</summary>
public sealed class CollateVerbTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"verbatim-collate-{Guid.NewGuid():N}");

    public CollateVerbTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>
    /// Page 003 prints Krupskaya's 1936 passage twice, in two translations; each is cut from the
    /// seed where it lies (from its first words to the end of its paragraph), not copied here.
    /// </summary>
    private (string First, string Second) Translations()
    {
        var lines = File.ReadAllLines(RepositoryPaths.Seed("003"));
        string Cut(string opening, string name)
        {
            var line = lines.Single(l => l.Contains(opening, StringComparison.Ordinal));
            var path = Path.Combine(_folder, name);
            File.WriteAllText(path, line[line.IndexOf(opening, StringComparison.Ordinal)..]);
            return path;
        }
        return (Cut("Everyone can see, how the friendship", "first.txt"), Cut("Everybody can see how on the foundation", "second.txt"));
    }

    private static List<string> Row(JsonElement root, string witness) => [.. root.GetProperty("table").GetProperty(witness).EnumerateArray().Select(e => e.GetString()!)];

    [Fact]
    public void The_two_translations_align_word_by_word()
    {
        var (first, second) = Translations();
        var run = CliRun.Of("collate", $"A={first}", $"B={second}", "--format", "json", "--ignore-case", "--ignore-punctuation");
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var (a, b) = (Row(json.RootElement, "A"), Row(json.RootElement, "B"));
        Assert.Equal(File.ReadAllText(first).Split(' ', StringSplitOptions.RemoveEmptyEntries), a.Where(t => t.Length > 0));
        Assert.Equal(File.ReadAllText(second).Split(' ', StringSplitOptions.RemoveEmptyEntries), b.Where(t => t.Length > 0));
        // The opening words are one reading in two words; the shared clauses stand column by column.
        Assert.Equal(("Everyone", "Everybody"), (a[0], b[0]));
        var start = a.IndexOf("comrade");
        Assert.Equal(["comrade", "Stalin", "is", "giving", "himself", "to"], b.Skip(start).Take(6));
        var lenin = a.IndexOf("Lenin,");
        Assert.Equal("Lenin,", b[lenin]);
        Assert.Equal("love.”", a[^1]);
        Assert.Equal("love.”", b[^1]);

        foreach (var format in new[] { "text", "csv", "html", "dot", "svg", "tei" })
        {
            var written = CliRun.Of("collate", $"A={first}", $"B={second}", "--format", format, "--ignore-case", "--ignore-punctuation", "--segments");
            Assert.True(written.ExitCode == 0, format + ": " + written.Error);
            Assert.Contains("Stalin", written.Output);
        }
    }

    [Fact]
    public void Two_versions_of_a_stored_document_collate_and_every_format_is_written()
    {
        var archive = Path.Combine(_folder, "archive");
        var page = Path.Combine(_folder, "letter.txt");
        File.WriteAllText(page, File.ReadAllText(RepositoryPaths.Seed("000")));
        Assert.Equal(0, CliRun.Of("init", "--archive", archive).ExitCode);
        Assert.Equal(0, CliRun.Of("ingest", page, "--archive", archive).ExitCode);
        File.WriteAllText(page, File.ReadAllText(RepositoryPaths.Seed("000")).Replace("Have a look", "Do look", StringComparison.Ordinal));
        Assert.Equal(0, CliRun.Of("ingest", page, "--archive", archive).ExitCode);
        var id = JsonDocument.Parse(CliRun.Of("list", "--json", "--archive", archive).Output).RootElement[0].GetProperty("id").GetString()!;

        var run = CliRun.Of("collate", $"v1={id}@1", $"v2={id}@2", "--format", "json", "--archive", archive);
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var (v1, v2) = (Row(json.RootElement, "v1"), Row(json.RootElement, "v2"));
        var changed = Enumerable.Range(0, v1.Count).Where(c => v1[c] != v2[c]).ToList();
        // "Have a look" became "Do look": a substitution and an omission, nothing else.
        Assert.Equal([("Have", "Do"), ("a", "")], changed.Select(c => (v1[c], v2[c])));

        foreach (var format in new[] { "text", "csv", "html", "dot", "tei" })
        {
            var written = CliRun.Of("collate", $"{id}@1", $"{id}@2", "--format", format, "--archive", archive);
            Assert.True(written.ExitCode == 0, format + ": " + written.Error);
            Assert.Contains("Do", written.Output);
        }
        // scripts/setup installs Graphviz, which lays the variant graph out.
        var svg = CliRun.Of("collate", $"{id}@1", $"{id}@2", "--format", "svg", "--archive", archive);
        Assert.True(svg.ExitCode == 0, svg.Error);
        Assert.Equal("svg", XDocument.Parse(svg.Output).Root!.Name.LocalName);
        Assert.Contains(">Do<", svg.Output);

        var tei = XDocument.Parse(CliRun.Of("collate", $"{id}@1", $"{id}@2", "--format", "tei", "--archive", archive).Output);
        XNamespace ns = "http://www.tei-c.org/ns/1.0";
        Assert.Equal(["Have a", "Do"], tei.Descendants(ns + "rdg").Select(r => r.Value));
    }

    [Fact]
    public void Bad_witnesses_are_one_clear_line()
    {
        var (first, _) = Translations();
        var missing = CliRun.Of("collate", $"A={first}", "no-such-document", "--archive", Path.Combine(_folder, "none"));
        Assert.Equal(2, missing.ExitCode);
        Assert.StartsWith("error: no archive at", missing.Error);

        var twice = CliRun.Of("collate", $"A={first}", $"A={first}");
        Assert.Equal(2, twice.ExitCode);
        Assert.Contains("two witnesses are named 'A'", twice.Error);

        var noFile = CliRun.Of("collate", $"A={first}", $"B={Path.Combine(_folder, "absent.txt")}");
        Assert.Equal(2, noFile.ExitCode);
        Assert.Contains("witness B: no file at", noFile.Error);

        Assert.NotEqual(0, CliRun.Of("collate", $"A={first}").ExitCode);
        Assert.Contains("Usage:", CliRun.Of("collate", "--help").Output);
    }

    [Fact]
    public void Json_is_the_json_format_and_not_a_witness()
    {
        var (first, second) = Translations();
        var json = CliRun.Of("collate", "--json", $"A={first}", $"B={second}");
        Assert.True(json.ExitCode == 0, json.Error);
        Assert.Equal(CliRun.Of("collate", "--format", "json", $"A={first}", $"B={second}").Output, json.Output);
        using var parsed = JsonDocument.Parse(json.Output);
        Assert.Equal(["A", "B"], parsed.RootElement.GetProperty("table").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Files_alone_need_no_archive_and_one_witness_is_told_that_two_are_needed()
    {
        var (first, second) = Translations();
        var noArchive = Path.Combine(_folder, "no-archive-here");
        var unnamed = CliRun.Of("collate", first, second, "--json", "--archive", noArchive);
        Assert.True(unnamed.ExitCode == 0, unnamed.Error);
        using (var json = JsonDocument.Parse(unnamed.Output))
            Assert.Equal(["first", "second"], json.RootElement.GetProperty("table").EnumerateObject().Select(p => p.Name));

        // A file name without a folder that is not there is a missing file, not a document to look up.
        var absent = CliRun.Of("collate", $"A={first}", "B=absent-from-here.txt", "--archive", noArchive);
        Assert.Equal(2, absent.ExitCode);
        Assert.Equal("error: witness B: no file at absent-from-here.txt", absent.Error.Trim());

        var one = CliRun.Of("collate", $"A={first}");
        Assert.Equal(2, one.ExitCode);
        Assert.Equal("error: collate needs two witnesses or more", one.Error.Trim());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Text_is_wrapped_to_100_columns_when_not_written_to_a_terminal(bool segments)
    {
        var original = RepositoryPaths.Seed("000");
        var changed = Path.Combine(_folder, "changed.txt");
        File.WriteAllText(changed, File.ReadAllText(original).Replace("Have a look", "Do look", StringComparison.Ordinal));

        var run = CliRun.Of(["collate", $"A={original}", $"B={changed}", .. segments ? new[] { "--segments" } : []]);

        Assert.True(run.ExitCode == 0, run.Error);
        var lines = run.Output.Split('\n');
        Assert.All(lines, line => Assert.True(line.Length <= 100, $"{line.Length} columns: {line}"));
        Assert.All(lines, line => Assert.Equal(line.TrimEnd(), line));
        // A witness's row may take several lines; read in order, they give its words in order.
        var read = new Dictionary<string, List<string>> { ["A"] = [], ["B"] = [] };
        List<string>? current = null;
        foreach (var line in lines)
        {
            if (line.Length == 0)
                current = null;
            else if (line[0] != ' ')
                current = read[line[..1]];
            if (current is not null)
                current.AddRange(line[1..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w != "-"));
        }
        string[] Words(string path) => File.ReadAllText(path).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Where(w => w != "-").ToArray();
        Assert.Equal(Words(original), read["A"]);
        Assert.Equal(Words(changed), read["B"]);
    }
}
