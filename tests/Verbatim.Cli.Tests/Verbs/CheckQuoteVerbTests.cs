using System.Text.Json;

namespace Verbatim.Cli.Tests.Verbs;

/// <summary>`verbatim check-quote` against an archive of seed 004, the polemic that prints Lenin's letter and says how it was misread.</summary>
public sealed class CheckQuoteVerbTests : IDisposable
{
    // The letter's closing as Stalin read it at the July 1926 plenum, by the polemic's account.
    private const string AsReadAtThePlenum =
        "If for some reason you do not agree, send me back all the papers. I will consider that a sign of your disagreement. With Communist greetings";

    private readonly PolemicArchive _polemic = new();

    private string Archive => _polemic.Archive;

    public void Dispose() => _polemic.Dispose();

    [Fact]
    public void Json_gives_each_match_and_difference_with_offsets_into_the_stored_text()
    {
        var run = CliRun.Of("check-quote", AsReadAtThePlenum, "--archive", Archive, "--json");
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var match = json.RootElement.GetProperty("matches").EnumerateArray().Single();
        var id = match.GetProperty("id").GetString()!;
        Assert.Equal("trotsky-1930-03-22-with-lenin-against-stalin", id);

        var shown = CliRun.Of("show", id, "--archive", Archive, "--format", "json");
        using var document = JsonDocument.Parse(shown.Output);
        var text = string.Join("\n\n", document.RootElement.GetProperty("body").EnumerateArray().Select(b => b.GetProperty("text").GetString()));
        var (start, end) = (match.GetProperty("start").GetInt32(), match.GetProperty("end").GetInt32());
        Assert.StartsWith("If for some reason", text[start..end], StringComparison.Ordinal);
        Assert.EndsWith("With the very best comradely greetings", text[start..end], StringComparison.Ordinal);
        Assert.True(match.GetProperty("score").GetDouble() is > 0.9 and < 1);

        var difference = match.GetProperty("differences").EnumerateArray().Single();
        Assert.Equal("substitution", difference.GetProperty("type").GetString());
        Assert.Equal("Communist", difference.GetProperty("quoted").GetString());
        var source = difference.GetProperty("source").GetString()!;
        Assert.Equal("the very best comradely", source);
        Assert.Equal(source, text.Substring(difference.GetProperty("offset").GetInt32(), source.Length));
    }

    [Fact]
    public void The_quotation_can_come_from_a_file_and_the_text_report_names_both_readings()
    {
        var file = Path.Combine(_polemic.Folder, "quotation.txt");
        File.WriteAllText(file, AsReadAtThePlenum);
        var run = CliRun.Of("check-quote", "--file", file, "--archive", Archive);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("1 source found", run.Output, StringComparison.Ordinal);
        Assert.Contains("substitution", run.Output, StringComparison.Ordinal);
        Assert.Contains("quoted «Communist», source «the very best comradely»", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_marked_omission_is_named_with_its_place_and_its_words_shortened_in_the_middle()
    {
        Assert.Equal(0, CliRun.Of("ingest", CliRun.Seed("002"), "--archive", Archive).ExitCode);
        const string quotation = "Facts—you will recall this yourself—are stubborn things. … You have not given any names. There are no facts.";

        using var json = JsonDocument.Parse(CliRun.Of("check-quote", quotation, "--archive", Archive, "--json").Output);
        var omission = json.RootElement.GetProperty("matches").EnumerateArray().Single().GetProperty("differences").EnumerateArray().Single();
        Assert.Equal(("marked-omission", "…"), (omission.GetProperty("type").GetString(), omission.GetProperty("quoted").GetString()));
        var (offset, leftOut) = (omission.GetProperty("offset").GetInt32(), omission.GetProperty("source").GetString()!);

        var run = CliRun.Of("check-quote", quotation, "--archive", Archive);
        Assert.Equal(0, run.ExitCode);
        var line = run.Output.Split('\n').Single(l => l.TrimStart().StartsWith("marked-omission", StringComparison.Ordinal));
        Assert.Contains($"at {offset}–{offset + leftOut.Length}: «…» leaves out «So have a look at what", line, StringComparison.Ordinal);
        Assert.EndsWith("darkness and anonymity»", line.TrimEnd(), StringComparison.Ordinal);
        Assert.DoesNotContain("railwaymen", line, StringComparison.Ordinal);

        var empty = CliRun.Of("check-quote", "Facts—you will recall this yourself—are stubborn things. … So have a look at what are the facts you mention.", "--archive", Archive);
        Assert.Contains($"empty-ellipsis   at {offset - 2}: quoted «…», but the source leaves nothing out there", empty.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void No_source_exits_1_and_says_so()
    {
        var run = CliRun.Of("check-quote", "Colourless green ideas sleep furiously in the archive tonight", "--archive", Archive);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("no source found", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("too few words here")]
    [InlineData(null)]
    public void Unusable_input_is_one_line_on_standard_error_with_exit_2(string? quotation)
    {
        var run = quotation is null
            ? CliRun.Of("check-quote", "--file", Path.Combine(_polemic.Folder, "missing.txt"), "--archive", Archive)
            : CliRun.Of("check-quote", quotation, "--archive", Archive);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: ", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
    }
}
