using System.Globalization;
using System.Text.RegularExpressions;
using Verbatim.Formats.Common;
using Verbatim.Model;

namespace Verbatim.Formats.Compilation;

/// <summary>
/// Reads one item's facts from its typed blocks: title, authors, addressees, date, source,
/// printings, shelfmarks, translators and kind. Where the page says a thing in several places,
/// the more explicit wins (an attribution or byline over a name in the title, a dateline over a
/// date in the signature).
/// </summary>
internal static partial class ItemFacts
{
    public const string UnassignedTitle = "Unassigned lines";

    [GeneratedRegex(@"^Letter\s+(?:of|from)\s+(?<from>.+?)\s+to\s+(?<to>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex LetterTitle();

    [GeneratedRegex(@"^(?<who>.+?)\s+(?<rel>on|to)\s+(?<what>\S.*)$")]
    private static partial Regex WhoOnWhat();

    [GeneratedRegex(@"^To\s+(?<to>.+?)(?:\s+from\s+(?<from>.+))?$")]
    private static partial Regex AddressLine();

    [GeneratedRegex(@"\b(?:press\s+release|statement|declaration)\b", RegexOptions.IgnoreCase)]
    private static partial Regex StatementGenre();

    // "5th and 6th November, 1994": the first day of a span whose last day EnglishDates reads.
    [GeneratedRegex(@"(?<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:and|to|-|–)\s+$")]
    private static partial Regex SpanStart();

    [GeneratedRegex(@"^(?:Printed\s+and\s+published|Published\s+and\s+printed|Printed|Published)\s+by\s+(?:the\s+)?", RegexOptions.IgnoreCase)]
    private static partial Regex ImprintLead();

    public sealed record Facts(
        string Title,
        DocumentKind Kind,
        IReadOnlyList<PersonRef> Authors,
        IReadOnlyList<PersonRef> Addressees,
        DateSpan? Written,
        SourceEdition? Source,
        IReadOnlyList<Publication> Published,
        IReadOnlyList<ArchivalRef> ArchivalRefs,
        IReadOnlyList<string> Translators,
        IReadOnlyList<HeaderField> Header);

    public static Facts Read(ItemDraft item)
    {
        var title = item.Unassigned ? UnassignedTitle : TitleOf(item);
        var (authors, addressees, addressedToBody) = PeopleOf(item, title);
        var source = SourceOf(item, out var periodicalSource);
        var published = PublishedOf(item);
        var kind = KindOf(item, title, addressees, addressedToBody, periodicalSource || published.Any(p => p.Text.Length > 0 && IsDayDated(p.Text)));
        return new Facts(
            title,
            kind,
            authors,
            addressees,
            WrittenOf(item),
            source,
            published,
            [.. item.Blocks.Where(b => b.Type == BlockType.Shelfmark).Select(b => Shelfmarks.Read(b.Paragraph.Line)).OfType<ArchivalRef>()],
            [.. item.Blocks.Where(b => b.Paragraph.Kind == ParagraphKind.Translator).Select(b => ParagraphClassifier.ReadTranslator(b.Paragraph.Line)).OfType<string>()],
            HeaderOf(item));
    }

    private static string TitleOf(ItemDraft item)
    {
        var block = item.Blocks.FirstOrDefault(b => b.Type == BlockType.Title)
            ?? item.Blocks.FirstOrDefault(b => b.Type == BlockType.Heading)
            ?? item.Blocks[0];
        var line = block.Paragraph.Line.TrimEnd(':', ' ');
        const int MaxTitleWords = 12;
        var words = line.Split(' ');
        return words.Length <= MaxTitleWords || block.Type is BlockType.Title or BlockType.Heading
            ? line
            : string.Join(' ', words.Take(MaxTitleWords)) + " …";
    }

    private static (List<PersonRef> Authors, List<PersonRef> Addressees, bool AddressedToBody) PeopleOf(ItemDraft item, string title)
    {
        var authors = new List<PersonRef>();
        var addressees = new List<PersonRef>();
        var addressedToBody = false;
        if (item.Unassigned)
            return (authors, addressees, addressedToBody);

        if (item.Blocks.FirstOrDefault(b => b.Type == BlockType.Attribution) is { } attribution
            && ParagraphClassifier.ReadAttribution(attribution.Paragraph.Line) is { } read)
            authors.Add(PersonNames.Read(read.Name));
        if (authors.Count == 0)
        {
            foreach (var byline in item.Blocks.Where(b => b.Type == BlockType.Byline))
            {
                if (ParagraphClassifier.ReadByline(byline.Paragraph.Line) is { } name)
                    authors.Add(PersonNames.Read(name));
            }
        }

        string? titleAuthor = null, titleAddressee = null;
        if (LetterTitle().Match(title) is { Success: true } letter)
        {
            titleAuthor = letter.Groups["from"].Value;
            titleAddressee = letter.Groups["to"].Value;
        }
        else if (WhoOnWhat().Match(title) is { Success: true } who && ParagraphClassifier.IsNamePhrase(who.Groups["who"].Value))
        {
            titleAuthor = who.Groups["who"].Value;
            if (who.Groups["rel"].Value == "to")
                titleAddressee = who.Groups["what"].Value;
        }
        if (authors.Count == 0 && titleAuthor is not null && ParagraphClassifier.IsNamePhrase(titleAuthor))
            authors.Add(PersonNames.Read(titleAuthor));
        if (titleAddressee is not null && ParagraphClassifier.IsNamePhrase(titleAddressee))
            addressees.Add(PersonNames.Read(titleAddressee));

        // The item's own address line ("To the Plenum", "To Com. Lenin from Stalin") names the
        // addressee where the compiler's title names none, and the sender where nothing else does.
        if (item.Blocks.FirstOrDefault(b => b.Type == BlockType.Address) is { } address
            && AddressLine().Match(address.Paragraph.Line) is { Success: true } to)
        {
            var whom = to.Groups["to"].Value.Trim();
            if (addressees.Count == 0)
            {
                if (ParagraphClassifier.IsNamePhrase(whom))
                {
                    addressees.Add(PersonNames.Read(whom));
                }
                else
                {
                    // A body, not a person: its name is kept as written, initialisms and all.
                    addressees.Add(new PersonRef(Regex.Replace(whom, @"^the\s+", "")));
                    addressedToBody = true;
                }
            }
            if (authors.Count == 0 && to.Groups["from"].Success && ParagraphClassifier.IsNamePhrase(to.Groups["from"].Value))
                authors.Add(PersonNames.Read(to.Groups["from"].Value));
        }

        if (authors.Count == 0 && item.Blocks.LastOrDefault(b => b.Type == BlockType.Signature) is { } signature)
        {
            var signer = ParagraphClassifier.ReadDatedSignature(signature.Paragraph.Line)?.Name
                ?? (signature.Paragraph.NameLine ? signature.Paragraph.Line : null);
            if (signer is not null)
                authors.Add(PersonNames.Read(signer));
        }
        return (authors, addressees, addressedToBody);
    }

    private static DateSpan? WrittenOf(ItemDraft item)
    {
        if (item.Unassigned)
            return null;
        if (item.Blocks.FirstOrDefault(b => b.Type == BlockType.Dateline) is { } dateline
            && ParagraphClassifier.WholeLineDate(dateline.Paragraph.Line) is { } day)
            return Span(day, "dateline", dateline.Paragraph.Line);
        foreach (var signature in item.Blocks.Where(b => b.Type == BlockType.Signature))
        {
            if (ParagraphClassifier.ReadDatedSignature(signature.Paragraph.Line) is { } signed)
                return Span(signed.Date, "signature", signature.Paragraph.Line);
        }
        if (item.Blocks.FirstOrDefault(b => b.Type == BlockType.Attribution) is { } attribution
            && ParagraphClassifier.ReadAttribution(attribution.Paragraph.Line) is { } read
            && EnglishDates.Find("(" + read.Year + ")") is { } year)
            return Span(year, "attribution", attribution.Paragraph.Line);
        if (item.Blocks.FirstOrDefault(b => b.Paragraph.Kind == ParagraphKind.ProvenanceNote) is { } note
            && EnglishDates.Find(note.Paragraph.Line) is { } when)
        {
            var before = note.Paragraph.Line[..when.Index];
            if (when.Precision == DatePrecision.Day && SpanStart().Match(before) is { Success: true } start)
            {
                var first = int.Parse(start.Groups["day"].Value, CultureInfo.InvariantCulture);
                var last = int.Parse(when.Iso[8..], CultureInfo.InvariantCulture);
                if (first < last)
                {
                    return new DateSpan
                    {
                        NotBefore = when.Iso[..8] + first.ToString("00", CultureInfo.InvariantCulture),
                        NotAfter = when.Iso,
                        Precision = DatePrecision.Day,
                        From = "note",
                        Text = note.Paragraph.Line[start.Index..(when.Index + when.Length)],
                    };
                }
            }
            return Span(when, "note", note.Paragraph.Line[when.Index..(when.Index + when.Length)]);
        }
        return null;
    }

    private static DateSpan Span(DateMatch date, string from, string text)
        => new() { Date = date.Iso, Precision = date.Precision, From = from, Text = text };

    // The page's own "Source:" line names where the text was taken from; "Available at" does when
    // there is none; "Courtesy:" names the printing the page copied when it gives nothing else.
    private static SourceEdition? SourceOf(ItemDraft item, out bool periodical)
    {
        periodical = false;
        SourceEdition? found = null;
        foreach (var kind in new[] { ParagraphKind.SourceLine, ParagraphKind.AvailableLine, ParagraphKind.CourtesyLine })
        {
            var block = item.Blocks.FirstOrDefault(b => b.Paragraph.Kind == kind && b.Type == BlockType.Source);
            if (block is null)
                continue;
            var line = block.Paragraph.Line;
            var citation = kind == ParagraphKind.AvailableLine ? line : ParagraphClassifier.ReadLabelled(line)?.Value ?? line;
            found = SourceCitations.Read(citation);
            // A courtesy line names a reprint (a journal that printed archive papers decades
            // later), so it does not make the item an article.
            periodical = kind != ParagraphKind.CourtesyLine && (found.Issue is not null || found.Date is not null);
            break;
        }
        return found;
    }

    private static List<Publication> PublishedOf(ItemDraft item)
    {
        var publications = new List<Publication>();
        var imprint = new List<string>();
        foreach (var block in item.Blocks)
        {
            if (block.InImprint)
            {
                if (block.Paragraph.Kind == ParagraphKind.Imprint && imprint.Count > 0)
                    publications.Add(Imprint(imprint));
                imprint.Add(block.Paragraph.Line);
            }
        }
        if (imprint.Count > 0)
            publications.Add(Imprint(imprint));
        return publications;
    }

    private static Publication Imprint(List<string> lines)
    {
        var text = string.Join(' ', lines);
        lines.Clear();
        var by = ImprintLead().Replace(text, "");
        var comma = by.IndexOf(',', StringComparison.Ordinal);
        return new Publication
        {
            Year = EnglishDates.YearOf(EnglishDates.Find(text)?.Iso),
            In = comma > 0 ? by[..comma].Trim() : null,
            Text = text,
        };
    }

    private static bool IsDayDated(string text) => EnglishDates.Find(text) is { Precision: DatePrecision.Day };

    // Ordered from the surest signal to the weakest: the form of a letter, an address to a body,
    // a periodical source, then what the compiler's title says.
    private static DocumentKind KindOf(ItemDraft item, string title, List<PersonRef> addressees, bool addressedToBody, bool periodical)
    {
        if (item.Unassigned)
            return DocumentKind.Other;
        if (LetterTitle().IsMatch(title) || item.Blocks.Any(b => b.Type == BlockType.Salutation))
            return DocumentKind.Letter;
        if (addressedToBody)
            return DocumentKind.Statement;
        if (addressees.Count > 0)
            return DocumentKind.Letter;
        if (periodical)
            return DocumentKind.Article;
        if (StatementGenre().IsMatch(title)
            || (WhoOnWhat().Match(title) is { Success: true } who && who.Groups["rel"].Value == "on" && ParagraphClassifier.IsNamePhrase(who.Groups["who"].Value)))
            return DocumentKind.Statement;
        // The page says nothing that tells a genre (an editor's introduction, a paper read at a
        // seminar): guessing one would put a fact in the record that the source does not state.
        return DocumentKind.Other;
    }

    private static List<HeaderField> HeaderOf(ItemDraft item)
    {
        var header = new List<HeaderField>();
        foreach (var block in item.Blocks)
        {
            if (block.Paragraph.Kind is ParagraphKind.SourceLine or ParagraphKind.CourtesyLine or ParagraphKind.AvailableLine
                && ParagraphClassifier.ReadLabelled(block.Paragraph.Line) is { } field)
                header.Add(new HeaderField(field.Label, field.Value));
        }
        return header;
    }
}
