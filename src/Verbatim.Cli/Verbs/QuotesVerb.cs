using System.CommandLine;
using System.Text.Json;
using Verbatim.Model;
using Verbatim.Presenting;
using Verbatim.Quoting;

namespace Verbatim.Cli.Verbs;

/// <summary>
/// `verbatim quotes ID`: the passages a stored document takes from others (or from an earlier place
/// of itself), those others take from it, and those it shares with others where the dates do not
/// say which took from which, as the archive found them at ingest; with
/// `--differences`, each aligned again word by word and every difference listed.
/// </summary>
public static class QuotesVerb
{
    public static Command Create(Option<string?> archive)
    {
        var id = new Argument<string>("ID") { Description = "The document's id." };
        var differences = new Option<bool>("--differences") { Description = "Align every passage again and list what differs." };
        var boilerplate = new Option<bool>("--boilerplate") { Description = "List boilerplate too: passages that many documents of the archive share (licence lines, letterheads)." };
        var json = ArchiveOptions.Json("{\"quotes\":[...],\"quotedIn\":[...],\"sharedWith\":[...],\"boilerplateLeftOut\"}, each link with its offsets into both stored texts");
        var command = new Command("quotes", "List who quotes a document, what it quotes and what it shares where dates do not say who took from whom, with the exact characters of each passage.")
        {
            id, differences, boilerplate, json,
        };
        command.SetAction(result => ArchiveOptions.Run(result, (output, error) =>
        {
            using var opened = ArchiveOptions.OpenForReading(result, archive);
            var documentId = result.GetValue(id)!;
            if (opened.Show(documentId) is null)
            {
                error.WriteLine($"error: no document '{documentId}' in the archive");
                return 1;
            }
            var withBoilerplate = result.GetValue(boilerplate);
            var sides = opened.QuoteLinkSides(documentId, withBoilerplate);
            Func<QuoteLink, IReadOnlyList<QuoteDifference>?> differencesOf = result.GetValue(differences)
                ? link => opened.AlignQuoteLink(link)?.Differences
                : _ => null;
            if (result.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(new
                {
                    quotes = sides.Quotes.Select(l => Entry(l, sides, differencesOf(l))),
                    quotedIn = sides.QuotedIn.Select(l => Entry(l, sides, differencesOf(l))),
                    sharedWith = sides.SharedWith.Select(l => Entry(l, sides, differencesOf(l))),
                    boilerplateLeftOut = withBoilerplate ? 0 : sides.Boilerplate.Count,
                }, CliJson.Options));
                return 0;
            }
            Write(output, $"Quotes ({sides.Quotes.Count})", sides.Quotes, documentId, sides.Boilerplate, differencesOf);
            Write(output, $"Quoted in ({sides.QuotedIn.Count})", sides.QuotedIn, documentId, sides.Boilerplate, differencesOf, hereIsSource: true);
            Write(output, $"Shares a passage with ({sides.SharedWith.Count})", sides.SharedWith, documentId, sides.Boilerplate, differencesOf);
            if (!withBoilerplate && sides.Boilerplate.Count > 0)
                output.WriteLine($"{Wording.Counted(sides.Boilerplate.Count, "boilerplate passage")} left out; --boilerplate lists them.");
            return 0;
        }));
        return command;
    }

    private static object Entry(QuoteLink link, QuoteLinkSides sides, IReadOnlyList<QuoteDifference>? differences) => new
    {
        source = link.SourceId,
        sourceStart = link.SourceStart,
        sourceEnd = link.SourceStart + link.SourceLength,
        target = link.TargetId,
        targetStart = link.TargetStart,
        targetEnd = link.TargetStart + link.TargetLength,
        matchedWords = link.MatchedWords,
        direction = link.Direction,
        boilerplate = sides.Boilerplate.Contains(link),
        differences,
    };

    /// <param name="hereIsSource">Whether the document asked about is the source of the links (it is quoted) rather than the target; within one document it is both.</param>
    private static void Write(TextWriter output, string heading, IReadOnlyList<QuoteLink> links, string id, IReadOnlySet<QuoteLink> boilerplate,
        Func<QuoteLink, IReadOnlyList<QuoteDifference>?> differencesOf, bool hereIsSource = false)
    {
        output.WriteLine(heading);
        foreach (var link in links)
        {
            var (other, here, there) = link.TargetId == id && !(hereIsSource && link.SourceId == id)
                ? (link.SourceId, (link.TargetStart, link.TargetLength), (link.SourceStart, link.SourceLength))
                : (link.TargetId, (link.SourceStart, link.SourceLength), (link.TargetStart, link.TargetLength));
            output.WriteLine($"  {other}:{there.Item1}-{there.Item1 + there.Item2}  here {here.Item1}-{here.Item1 + here.Item2}  {Wording.Counted(link.MatchedWords, "word")} equal ({link.Direction}{(boilerplate.Contains(link) ? ", boilerplate" : "")})");
            foreach (var difference in differencesOf(link) ?? [])
                output.WriteLine($"     {DifferenceOutput.Line(difference)}");
        }
    }
}
