using System.CommandLine;
using System.Text.Json;
using Verbatim.Presenting;
using Verbatim.Quoting;

namespace Verbatim.Cli.Verbs;

/// <summary>
/// `verbatim check-quote "TEXT"` or `--file F`: the archive's sources of a quotation, ranked, each
/// with the aligned passage and every difference classified. Exit 0 when a source is found, 1
/// when none is (the nearest partial matches are printed), 2 on an error.
/// </summary>
public static class CheckQuoteVerb
{
    public static Command Create(Option<string?> archive)
    {
        var text = new Argument<string?>("TEXT") { Description = "The quotation (at least five words).", Arity = ArgumentArity.ZeroOrOne };
        var file = new Option<FileInfo?>("--file") { Description = "Read the quotation from this file (UTF-8) instead." };
        var limit = new Option<int>("--limit") { Description = "At most this many sources.", DefaultValueFactory = _ => 10 };
        var json = ArchiveOptions.Json("the matches and their differences");
        var command = new Command("check-quote", "Find the sources of a quotation in the archive and say exactly how it differs from them.") { text, file, limit, json };
        command.Validators.Add(result =>
        {
            if ((result.GetValue(text) is null) == (result.GetValue(file) is null))
                result.AddError("give the quotation either as TEXT or with --file, not both or neither");
        });
        command.SetAction(result => ArchiveOptions.Run(result, (output, _) =>
        {
            var quotation = result.GetValue(file) is { } path ? File.ReadAllText(path.FullName) : result.GetValue(text)!;
            using var opened = ArchiveOptions.OpenForReading(result, archive);
            var check = opened.CheckQuote(quotation, Math.Clamp(result.GetValue(limit), 1, 100));
            if (result.GetValue(json))
                output.WriteLine(JsonSerializer.Serialize(new { quotedWords = check.QuotedWords, matches = check.Matches, nearest = check.Nearest }, CliJson.Options));
            else
                WriteText(output, check);
            return check.Found ? 0 : 1;
        }));
        return command;
    }

    private static void WriteText(TextWriter output, QuoteCheck check)
    {
        if (check.Found)
        {
            output.WriteLine($"A quotation of {Wording.Counted(check.QuotedWords, "word")}: {Wording.Counted(check.Matches.Count, "source")} found.");
            WriteMatches(output, check.Matches);
            return;
        }
        output.WriteLine($"A quotation of {Wording.Counted(check.QuotedWords, "word")}: no source found in the archive.");
        if (check.Nearest.Count == 0)
            return;
        output.WriteLine("Nearest partial matches:");
        WriteMatches(output, check.Nearest);
    }

    private static void WriteMatches(TextWriter output, IReadOnlyList<QuoteMatch> matches)
    {
        foreach (var (match, n) in matches.Select((m, i) => (m, i + 1)))
        {
            output.WriteLine();
            output.WriteLine($"{n}. {PlainText.Escaped(match.Title)}  [{match.Id}]  {match.Date ?? "undated"}");
            output.WriteLine($"   {Wording.Counted(match.MatchedWords, "word")} equal ({match.Score:P0} of the quotation), characters {match.Start}–{match.End} of its text");
            output.WriteLine($"   «{PlainText.Escaped(match.Passage.ReplaceLineEndings(" "))}»");
            if (match.Differences.Count == 0)
                output.WriteLine("   no difference");
            foreach (var difference in match.Differences)
                output.WriteLine($"   {DifferenceOutput.Line(difference)}");
        }
    }
}
