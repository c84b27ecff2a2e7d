using System.Text.Json;

namespace Verbatim.Cli.Tests.Verbs;

/// <summary>The archive verbs as a user runs them, in-process, against a fresh archive.</summary>
public sealed class ArchiveVerbTests : IDisposable
{
    private readonly string _archive = Path.Combine(Path.GetTempPath(), $"verbatim-cli-{Guid.NewGuid():N}");

    /// <summary>Whatever a test wrote, the store it leaves is valid OCFL, as `validate-ocfl` judges it.</summary>
    public void Dispose()
    {
        if (Directory.Exists(Path.Combine(_archive, "store")))
        {
            var validation = CliRun.Of("validate-ocfl", _archive);
            Assert.True(validation.ExitCode == 0 && validation.Output.Contains("0 errors, 0 warnings", StringComparison.Ordinal), validation.Output + validation.Error);
        }
        if (Directory.Exists(_archive))
            Directory.Delete(_archive, recursive: true);
    }

    private CliRun Run(params string[] args) => CliRun.Of([.. args, "--archive", _archive]);

    private void InitAndIngestSeeds()
    {
        Assert.Equal(0, Run("init").ExitCode);
        Assert.Equal(0, Run("ingest", CliRun.Seed("000"), CliRun.Seed("001"), CliRun.Seed("002"), CliRun.Seed("004")).ExitCode);
    }

    [Fact]
    public void Ingest_json_lists_documents_and_failures_and_exits_1_on_a_failure()
    {
        Run("init");
        var bad = Path.Combine(_archive, "..", $"bad-{Guid.NewGuid():N}.xml");
        File.WriteAllText(bad, "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader>");
        try
        {
            var run = Run("ingest", CliRun.Seed("000"), bad, "--json");
            Assert.Equal(1, run.ExitCode);
            using var json = JsonDocument.Parse(run.Output);
            var document = json.RootElement.GetProperty("documents").EnumerateArray().Single();
            Assert.Equal("lenin-1921-10-20-to-stalin", document.GetProperty("id").GetString());
            Assert.Equal("new", document.GetProperty("status").GetString());
            Assert.Equal(CliRun.Seed("000"), document.GetProperty("source").GetString());
            Assert.Equal("To J. V. Stalin", document.GetProperty("title").GetString());
            var failure = json.RootElement.GetProperty("failed").EnumerateArray().Single();
            Assert.Equal(bad, failure.GetProperty("path").GetString());
            Assert.Contains("malformed XML", failure.GetProperty("error").GetString());
            Assert.Equal(1, failure.GetProperty("line").GetInt32());
        }
        finally
        {
            File.Delete(bad);
        }
    }

    [Fact]
    public void Ingest_reports_reader_warnings_and_skipped_files_in_text_and_json()
    {
        Run("init");
        var folder = Path.Combine(_archive, "..", $"in-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var page = Path.Combine(folder, "page.txt");
            File.WriteAllBytes(page, System.Text.Encoding.Latin1.GetBytes(File.ReadAllText(CliRun.Seed("000")).Replace("Have a look", "Have a look\u0092s")));
            File.WriteAllText(Path.Combine(folder, "README.md"), "# The demo corpus\n\nWhat the demo reads.\n");

            var json = Run("ingest", folder, "--json");
            Assert.Equal(0, json.ExitCode);
            using var report = JsonDocument.Parse(json.Output);
            var warning = report.RootElement.GetProperty("documents").EnumerateArray().Single().GetProperty("warnings").EnumerateArray().Single();
            Assert.Equal("not UTF-8: read as Windows-1252", warning.GetProperty("message").GetString());
            var skipped = report.RootElement.GetProperty("skipped").EnumerateArray().Single();
            Assert.Equal(Path.Combine(folder, "README.md"), skipped.GetProperty("path").GetString());
            Assert.Equal("no reader claims it", skipped.GetProperty("reason").GetString());

            var text = Run("ingest", folder);
            Assert.Contains($"warning: {page}: not UTF-8: read as Windows-1252", text.Error);
            Assert.Contains($"1 file skipped (no reader claims them: {Path.Combine(folder, "README.md")}).", text.Output);

            var lines = Run("ingest", folder, "--json-lines").Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Contains("not UTF-8: read as Windows-1252", lines[0]);
            Assert.Contains("\"skipped\"", lines[1]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Ingest_names_the_document_a_duplicate_duplicates_and_the_witnesses_of_one_text()
    {
        Run("init");
        var folder = Path.Combine(_archive, "..", $"in-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var copy = Path.Combine(folder, "copy.txt");
            File.Copy(CliRun.Seed("000"), copy);
            var html = Path.Combine(CliRun.RepositoryRoot, "tests", "Verbatim.Formats.Tests", "MiaHtml", "Fixtures", "000_lenin-to-stalin.html");

            var text = Run("ingest", CliRun.Seed("000"), copy, html);
            Assert.Equal(0, text.ExitCode);
            Assert.Contains($"duplicate: {copy} has the bytes lenin-1921-10-20-to-stalin holds; nothing stored", text.Output);
            Assert.Contains("same text: lenin-1921-10-20-to-stalin-2 (", text.Output);
            Assert.Contains("2 documents: 2 new, 0 updated, 0 unchanged, 1 duplicate;", text.Output);

            using var json = JsonDocument.Parse(Run("ingest", copy, "--json").Output);
            var duplicate = json.RootElement.GetProperty("duplicates").EnumerateArray().Single();
            Assert.Equal((copy, "lenin-1921-10-20-to-stalin"), (duplicate.GetProperty("path").GetString(), duplicate.GetProperty("duplicateOf").GetString()));

            var line = Assert.Single(Run("ingest", copy, "--json-lines").Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains("\"duplicateOf\":\"lenin-1921-10-20-to-stalin\"", line);

            Assert.Contains("same text as  lenin-1921-10-20-to-stalin-2", Run("show", "lenin-1921-10-20-to-stalin").Output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Search_json_has_total_hits_and_facets()
    {
        InitAndIngestSeeds();
        var run = Run("search", "Stalin", "--author", "Lenin", "--json");
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(1, json.RootElement.GetProperty("total").GetInt32());
        var hit = json.RootElement.GetProperty("hits")[0];
        Assert.Equal("lenin-1921-10-20-to-stalin", hit.GetProperty("id").GetString());
        Assert.Equal("1921-10-20", hit.GetProperty("date").GetString());
        Assert.Contains("«Stalin»", hit.GetProperty("snippet").GetString());
        Assert.True(hit.GetProperty("score").GetDouble() >= 0);
        Assert.Equal("letter", json.RootElement.GetProperty("facets").GetProperty("kind")[0].GetProperty("value").GetString());
    }

    [Fact]
    public void Query_error_is_one_line_with_exit_2()
    {
        InitAndIngestSeeds();
        var run = Run("search", "(Stalin");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: the '(' at position 1 is never closed: \"(Stalin\"", run.Error.Trim());
    }

    [Fact]
    public void Show_json_is_the_stored_document_json()
    {
        InitAndIngestSeeds();
        var run = Run("show", "lenin-1921-12-20-to-zalutsky-and-solts", "--format", "json");
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal("1921-12-20", json.RootElement.GetProperty("written").GetProperty("date").GetString());
        Assert.Contains("printed from  a typewritten copy", Run("show", "lenin-1921-12-20-to-zalutsky-and-solts").Output);
        var missing = Run("show", "no-such-id");
        Assert.Equal((1, "error: no document 'no-such-id' in the archive"), (missing.ExitCode, missing.Error.Trim()));
    }

    [Fact]
    public void Show_prints_the_doubt_the_source_states_of_a_date()
    {
        Run("init");
        var letters = new[] { "L00036", "L00092", "L00001" }.Select(l => RepositoryPaths.Shared("corpus", "schnitzler-tei", l + ".xml")).ToArray();
        using var json = JsonDocument.Parse(Run(["ingest", .. letters, "--json"]).Output);
        var ids = json.RootElement.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("id").GetString()!).ToList();
        string Written(string letter)
            => Run("show", ids.Single(id => id.EndsWith(letter, StringComparison.Ordinal))).Output.Split('\n').Single(l => l.StartsWith("written", StringComparison.Ordinal));

        // "[22.? 8. 1891]", "[4. 4. 1892?]", "2. 8. 1889".
        Assert.Contains("1891-08-22 (day uncertain)", Written("l00036"));
        Assert.Contains("1892-04-04?", Written("l00092"));
        Assert.DoesNotContain("?", Written("l00001"));
        Assert.DoesNotContain("uncertain", Written("l00001"));
    }

    [Fact]
    public void History_and_diff_show_a_changed_source()
    {
        Run("init");
        var page = Path.Combine(_archive, "..", $"page-{Guid.NewGuid():N}.txt");
        File.WriteAllText(page, File.ReadAllText(CliRun.Seed("000")));
        try
        {
            Run("ingest", page, "-m", "received");
            File.WriteAllText(page, File.ReadAllText(page).Replace("Armenians, perhaps", "Armenians perhaps"));
            Assert.Contains("1 updated", Run("ingest", page, "-m", "second transcription").Output);
            var history = Run("history", "lenin-1921-10-20-to-stalin").Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(2, history.Length);
            Assert.EndsWith("received", history[0]);
            Assert.EndsWith("second transcription", history[1]);
            var diff = Run("diff", "lenin-1921-10-20-to-stalin").Output;
            Assert.Contains("v1 → v2", diff);
            Assert.Contains("body text, word by word: 1 change", diff);
            Assert.Contains("…some of the old Party men, [Armenians, → Armenians]", diff);
            Assert.Contains("-Have a look at this, please, and if possible, inquire from some of the old Party men, Armenians, perhaps.", diff);
            Assert.Contains("+Have a look at this, please, and if possible, inquire from some of the old Party men, Armenians perhaps.", diff);

            var missing = Run("diff", "lenin-1921-10-20-to-stalin", "2", "5");
            Assert.Equal((1, "error: document lenin-1921-10-20-to-stalin has 2 versions; there is no version 5"), (missing.ExitCode, missing.Error.Trim()));
            using var json = JsonDocument.Parse(Run("diff", "lenin-1921-10-20-to-stalin", "1", "2", "--json").Output);
            Assert.Equal((1, 2), (json.RootElement.GetProperty("from").GetInt32(), json.RootElement.GetProperty("to").GetInt32()));
            Assert.Equal("Armenians,", json.RootElement.GetProperty("words")[0].GetProperty("from").GetString());
        }
        finally
        {
            File.Delete(page);
        }
    }

    [Fact]
    public void List_groups_the_works_index()
    {
        InitAndIngestSeeds();
        var byAuthor = Run("list").Output;
        Assert.Contains("V. I. Lenin (3)", byAuthor);
        Assert.Contains("L. D. Trotsky (1)", byAuthor);
        Assert.Contains("Lenin Collected Works, vol. 45 (3)", Run("list", "--by", "volume").Output);
        using var json = JsonDocument.Parse(Run("list", "--json", "--from", "1921", "--to", "1921").Output);
        Assert.Equal(3, json.RootElement.GetArrayLength());
        // The polemic's date of writing is unknown; The Militant printed it in 1930, which dates the print only.
        using var printed = JsonDocument.Parse(Run("list", "--json", "--from", "1930").Output);
        Assert.Equal(0, printed.RootElement.GetArrayLength());
        Assert.Contains("undated     With Lenin Against Stalin", Run("list", "--by", "year").Output);
    }

    [Fact]
    public void Audit_is_clean_and_reindex_rebuilds()
    {
        InitAndIngestSeeds();
        var audit = Run("audit");
        Assert.Equal(0, audit.ExitCode);
        Assert.Contains("4 objects, 8 files checked", audit.Output);
        Assert.Contains("clean", audit.Output);
        Assert.Equal("4 documents indexed from the store.", Run("reindex").Output.Trim());
    }

    [Fact]
    public void Missing_archive_is_one_clear_line()
    {
        var run = Run("list");
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: no archive at", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Theory]
    [InlineData("init")]
    [InlineData("ingest")]
    [InlineData("list")]
    [InlineData("show")]
    [InlineData("search")]
    [InlineData("history")]
    [InlineData("diff")]
    [InlineData("audit")]
    [InlineData("reindex")]
    public void Every_verb_has_help(string verb)
    {
        var run = CliRun.Of(verb, "--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Output);
        Assert.Contains("--archive", run.Output);
    }

    [Fact]
    public void Counts_agree_with_their_nouns()
    {
        Assert.Equal(0, Run("init").ExitCode);
        Assert.Equal("1 document: 1 new, 0 updated, 0 unchanged, 0 duplicates; 0 files failed.", Run("ingest", CliRun.Seed("000")).Output.Trim());
        Assert.EndsWith("\n1 document.", Run("list").Output.TrimEnd());
        Assert.StartsWith("1 document found.", Run("search", "Stalin").Output);
        Assert.Equal("1 document indexed from the store.", Run("reindex").Output.Trim());
        Assert.Contains("1 object, 2 files checked: clean.", Run("audit").Output);
        Assert.DoesNotContain("written       written", Run("show", "lenin-1921-10-20-to-stalin").Output);
    }

    [Fact]
    public void Search_says_which_hits_it_shows_of_how_many_and_how_to_see_the_next()
    {
        InitAndIngestSeeds();
        var all = JsonDocument.Parse(Run("search", "Lenin", "--json").Output).RootElement.GetProperty("total").GetInt32();
        Assert.True(all >= 3, $"{all} hits");

        var first = Run("search", "Lenin", "--limit", "2").Output;
        Assert.Contains($"Showing 1–2 of {all}; next: --offset 2", first);
        var last = Run("search", "Lenin", "--limit", "2", "--offset", (all - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)).Output;
        Assert.Contains($"Showing {all}–{all} of {all}.", last);
        Assert.DoesNotContain("Showing", Run("search", "Lenin").Output);

        using var json = JsonDocument.Parse(Run("search", "Lenin", "--limit", "2", "--offset", "1", "--json").Output);
        Assert.Equal((all, 1, 2), (json.RootElement.GetProperty("total").GetInt32(), json.RootElement.GetProperty("offset").GetInt32(), json.RootElement.GetProperty("limit").GetInt32()));
    }

    [Fact]
    public void Terminal_escapes_in_a_title_are_printed_escaped_by_list_search_and_show()
    {
        Assert.Equal(0, Run("init").ExitCode);
        var page = Path.Combine(_archive, "..", $"escapes-{Guid.NewGuid():N}.txt");
        File.WriteAllText(page, "Letter \u001b]0;owned\u0007 in \u001b[31mred\u001b[0m\n\nDear comrade, the \u001b[2J text.\n");
        try
        {
            Assert.Equal(0, Run("ingest", page, "--format", "text").ExitCode);
            var id = JsonDocument.Parse(Run("list", "--json").Output).RootElement[0].GetProperty("id").GetString()!;
            foreach (var run in new[] { Run("list"), Run("search", "comrade"), Run("show", id) })
            {
                Assert.Equal(0, run.ExitCode);
                Assert.DoesNotContain('\u001b', run.Output);
                Assert.DoesNotContain('\u0007', run.Output);
                Assert.Contains("Letter \\x1b]0;owned\\x07 in \\x1b[31mred\\x1b[0m", run.Output);
            }
            Assert.Contains("the \\x1b[2J text.", Run("show", id).Output);
        }
        finally
        {
            File.Delete(page);
        }
    }
}
