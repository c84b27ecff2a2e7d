using System.Text.Json;

namespace Verbatim.Cli.Tests.Verbs;

/// <summary>`verbatim quotes ID` over an archive of seed 004, which gives one sentence of Stalin's twice, the second time with Trotsky's "(!)".</summary>
public sealed class QuotesVerbTests : IDisposable
{
    private const string Polemic = PolemicArchive.PolemicId;

    private readonly PolemicArchive _polemic = new();

    private string Archive => _polemic.Archive;

    public void Dispose() => _polemic.Dispose();

    [Fact]
    public void A_passage_given_twice_is_listed_both_ways_with_its_offsets_and_the_inserted_mark()
    {
        var run = CliRun.Of("quotes", Polemic, "--archive", Archive, "--json", "--differences");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var text = string.Join("\n\n", JsonDocument.Parse(CliRun.Of("show", Polemic, "--archive", Archive, "--format", "json").Output)
            .RootElement.GetProperty("body").EnumerateArray().Select(b => b.GetProperty("text").GetString()));
        var quotes = json.RootElement.GetProperty("quotes").EnumerateArray().ToList();
        var stalin = Assert.Single(quotes, l => text[l.GetProperty("targetStart").GetInt32()..l.GetProperty("targetEnd").GetInt32()].Contains("liberalism (!) of Lenin", StringComparison.Ordinal));
        Assert.Equal("within-document", stalin.GetProperty("direction").GetString());
        Assert.DoesNotContain("(!)", text[stalin.GetProperty("sourceStart").GetInt32()..stalin.GetProperty("sourceEnd").GetInt32()], StringComparison.Ordinal);
        var inserted = Assert.Single(stalin.GetProperty("differences").EnumerateArray());
        Assert.Equal(("insertion", "(!)"), (inserted.GetProperty("type").GetString(), inserted.GetProperty("quoted").GetString()));
        Assert.Equal(text.LastIndexOf("(!)", StringComparison.Ordinal), inserted.GetProperty("quotedOffset").GetInt32());
        // Within one document the same links are quoted in as well as quotes.
        Assert.Equal(quotes.Count, json.RootElement.GetProperty("quotedIn").GetArrayLength());
    }

    [Fact]
    public void Text_names_the_other_place_and_an_unknown_id_is_an_error()
    {
        var run = CliRun.Of("quotes", Polemic, "--archive", Archive);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Quotes (", run.Output, StringComparison.Ordinal);
        Assert.Contains("Quoted in (", run.Output, StringComparison.Ordinal);
        Assert.Contains("words equal (within-document)", run.Output, StringComparison.Ordinal);
        var unknown = CliRun.Of("quotes", "no-such-document", "--archive", Archive);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("no document 'no-such-document'", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Where_the_dates_do_not_say_who_took_from_whom_the_passage_is_shared_not_quoted()
    {
        // The compilation's statement of 1926 and an undated modern essay give the same sentences.
        var archive = Path.Combine(_polemic.Folder, "compilation");
        Assert.Equal(0, CliRun.Of("init", "--archive", archive).ExitCode);
        Assert.Equal(0, CliRun.Of("ingest", CliRun.Seed("003"), "--archive", archive).ExitCode);

        var run = CliRun.Of("quotes", "ulyanova-1926-07-26-to-ccc", "--archive", archive);
        var json = JsonDocument.Parse(CliRun.Of("quotes", "ulyanova-1926-07-26-to-ccc", "--archive", archive, "--json").Output).RootElement;

        Assert.Equal(0, run.ExitCode);
        var sharedAt = run.Output.IndexOf("Shares a passage with (", StringComparison.Ordinal);
        Assert.True(sharedAt > 0, run.Output);
        Assert.DoesNotContain("singh-on-the-relations-between-lenin-and", run.Output[..sharedAt], StringComparison.Ordinal);
        Assert.Contains("singh-on-the-relations-between-lenin-and", run.Output[sharedAt..], StringComparison.Ordinal);
        var shared = json.GetProperty("sharedWith").EnumerateArray().ToList();
        Assert.NotEmpty(shared);
        Assert.All(shared, l => Assert.Equal("undetermined", l.GetProperty("direction").GetString()));
        Assert.DoesNotContain(json.GetProperty("quotes").EnumerateArray(), l => l.GetProperty("source").GetString() == "singh-on-the-relations-between-lenin-and");
    }

    [Fact]
    public void A_letterhead_three_letters_carry_is_left_out_and_counted_unless_asked_for()
    {
        var letters = Path.Combine(_polemic.Folder, "letters");
        Directory.CreateDirectory(letters);
        for (var i = 1; i <= 3; i++)
        {
            var own = string.Join(' ', Enumerable.Range(0, 60).Select(k => $"w{i}x{k}"));
            File.WriteAllText(Path.Combine(letters, $"letter-{i}.txt"),
                $"Letter {i}\n\nVerlag der Wiener Rundschau Wien Kohlmarkt sieben Fernsprecher Telegramme Rundschau Redaktion Schriftleitung\n\n{own}.\n");
        }
        var archive = Path.Combine(_polemic.Folder, "letterheads");
        Assert.Equal(0, CliRun.Of("init", "--archive", archive).ExitCode);
        Assert.Equal(0, CliRun.Of("ingest", letters, "--format", "text", "--archive", archive).ExitCode);
        var id = JsonDocument.Parse(CliRun.Of("list", "--archive", archive, "--json").Output).RootElement.EnumerateArray().First().GetProperty("id").GetString()!;

        var plain = CliRun.Of("quotes", id, "--archive", archive);
        var asked = JsonDocument.Parse(CliRun.Of("quotes", id, "--archive", archive, "--json", "--boilerplate").Output).RootElement;

        Assert.Contains("Shares a passage with (0)", plain.Output, StringComparison.Ordinal);
        Assert.Contains("2 boilerplate passages left out; --boilerplate lists them.", plain.Output, StringComparison.Ordinal);
        var shared = asked.GetProperty("sharedWith").EnumerateArray().ToList();
        Assert.Equal(2, shared.Count);
        Assert.All(shared, l => Assert.True(l.GetProperty("boilerplate").GetBoolean()));
    }
}
