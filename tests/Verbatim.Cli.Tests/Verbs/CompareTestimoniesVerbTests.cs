using System.Text.Json;

namespace Verbatim.Cli.Tests.Verbs;

/// <summary>`verbatim compare-testimonies` on Ulyanova's two statements and on Bukharin's draft, all ingested from the seeds' compilation page.</summary>
public sealed class CompareTestimoniesVerbTests : IDisposable
{
    private const string StatementOne = "ulyanova-1926-07-26-to-ccc";
    private const string StatementTwo = "ulyanova-m-i-ulyanova-on-vladimir-ilyich-lenins";
    private const string Introduction = "singh-on-the-relations-between-lenin-and";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"verbatim-testimonies-{Guid.NewGuid():N}");
    private readonly string _archive;

    public CompareTestimoniesVerbTests()
    {
        _archive = Path.Combine(_folder, "archive");
        Assert.Equal(0, CliRun.Of("init", "--archive", _archive).ExitCode);
        Assert.Equal(0, CliRun.Of("ingest", RepositoryPaths.Seed("003"), "--archive", _archive).ExitCode);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private CliRun Compare(params string[] args) => CliRun.Of(["compare-testimonies", .. args, "--archive", _archive]);

    [Fact]
    public void The_two_statements_print_their_summary_their_rows_and_the_same_as_json()
    {
        var text = Compare(StatementOne, StatementTwo);
        Assert.True(text.ExitCode == 0, text.Error);
        using var json = JsonDocument.Parse(Compare(StatementOne, StatementTwo, "--json").Output);
        var summary = json.RootElement.GetProperty("summary");
        var counts = new[] { "shared", "reworded", "only-in-a", "only-in-b", "disagreeing" }.Select(k => summary.GetProperty(k).GetInt32()).ToArray();
        Assert.Contains($"{counts[0]} shared, {counts[1]} reworded, {counts[2]} only in A, {counts[3]} only in B, {counts[4]} disagreeing", text.Output, StringComparison.Ordinal);
        Assert.True(counts[2] + counts[3] > 10 * (counts[0] + counts[1] + counts[4]));
        Assert.Contains("disagreeing (negation: A “”, B “not”)", text.Output, StringComparison.Ordinal);
        Assert.Contains("Stalin apologized and with this the incident was settled.", text.Output, StringComparison.Ordinal);

        var apology = json.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("relation").GetString() == "disagreeing"
            && i.GetProperty("a").GetProperty("text").GetString() == "Stalin apologized and with this the incident was settled.");
        var body = Body(StatementOne);
        var a = apology.GetProperty("a");
        Assert.Equal(a.GetProperty("text").GetString(), body[a.GetProperty("start").GetInt32()..a.GetProperty("end").GetInt32()]);
        Assert.Equal("not", apology.GetProperty("disagreement").GetProperty("b").GetProperty("text").GetString());
    }

    [Fact]
    public void A_range_takes_Bukharins_draft_out_of_the_introduction_and_it_comes_out_mostly_reworded()
    {
        var body = Body(Introduction);
        var (from, to) = (body.IndexOf("‘In view of the systematic slander", StringComparison.Ordinal), body.IndexOf("(Loc. cit.", StringComparison.Ordinal));
        var run = Compare($"draft={Introduction}", $"No1={StatementOne}@1", "--range-a", $"{from}-{to}", "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal("draft", json.RootElement.GetProperty("a").GetProperty("name").GetString());
        var items = json.RootElement.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("a").GetProperty("sentences").GetArrayLength() > 0).ToList();
        Assert.Equal(4, items.Sum(i => i.GetProperty("a").GetProperty("sentences").GetArrayLength()));
        Assert.Equal(3, items.Count(i => i.GetProperty("relation").GetString() == "reworded"));
        Assert.All(items, i => Assert.InRange(i.GetProperty("a").GetProperty("start").GetInt32(), from, to));
    }

    [Fact]
    public void A_bad_range_or_a_missing_document_is_one_clear_line()
    {
        var backwards = Compare(StatementOne, StatementTwo, "--range-b", "90-10");
        Assert.Equal(2, backwards.ExitCode);
        Assert.Contains($"witness {StatementTwo}: the range '90-10' is not FROM-TO", backwards.Error, StringComparison.Ordinal);

        var past = Compare(StatementOne, StatementTwo, "--range-a", "10-999999");
        Assert.Equal(2, past.ExitCode);
        Assert.Contains($"witness {StatementOne}: the range 10-999999 reaches past the text's end", past.Error, StringComparison.Ordinal);

        var missing = Compare(StatementOne, "no-such-document");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no document 'no-such-document'", missing.Error, StringComparison.Ordinal);
    }

    /// <summary>A stored document's body text, its blocks joined as the archive joins them.</summary>
    private string Body(string id)
    {
        using var json = JsonDocument.Parse(CliRun.Of("show", id, "--json", "--archive", _archive).Output);
        return string.Join("\n\n", json.RootElement.GetProperty("body").EnumerateArray().Select(b => b.GetProperty("text").GetString()));
    }
}
