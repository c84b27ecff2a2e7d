using System.Globalization;
using Verbatim.Archiving;
using Verbatim.Model;
using Verbatim.Quoting;
using Verbatim.Text.Normalisation;
using Verbatim.Text.Testimonies;

namespace Verbatim.Cases;

/// <summary>
/// Builds a case's items from the archive as it stands: each cited document is read at the
/// version named, or at its head at that moment, and every range is checked against that
/// version's text. What cannot be cited is an <see cref="ArchiveException"/> naming it.
/// </summary>
public static class CaseItems
{
    /// <summary>A whole document: <c>DOC</c> (its head now) or <c>DOC@VERSION</c>.</summary>
    public static DocumentItem Document(Archive archive, string reference)
    {
        var (id, version, _) = Cite(archive, reference);
        return new DocumentItem(id, version);
    }

    /// <summary>Characters [<paramref name="start"/>, <paramref name="end"/>) of a document's body text, kept with the words they hold.</summary>
    public static PassageItem Passage(Archive archive, string reference, int start, int end)
    {
        var (id, version, document) = Cite(archive, reference);
        var text = document.BodyText;
        CheckRange(id, version, text, start, end);
        return new PassageItem(id, version, start, end, text[start..end]);
    }

    /// <summary>The one place of a document's body text that reads exactly <paramref name="words"/>.</summary>
    public static PassageItem Passage(Archive archive, string reference, string words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var (id, version, document) = Cite(archive, reference);
        if (words.Length == 0)
            throw new ArchiveException("--text is empty: give the exact words of the passage");
        var text = document.BodyText;
        var first = text.IndexOf(words, StringComparison.Ordinal);
        if (first < 0)
            throw new ArchiveException($"'{id}' version {version} does not read \"{Shorten(words)}\" exactly; verbatim show {id} --version {version} prints its text");
        var again = text.IndexOf(words, first + 1, StringComparison.Ordinal);
        if (again >= 0)
            throw new ArchiveException($"'{id}' version {version} reads \"{Shorten(words)}\" more than once (at {first} and at {again}): give more words, or --from and --to");
        return new PassageItem(id, version, first, first + words.Length, words);
    }

    /// <summary>Checks the quotation against the archive and keeps the answer: its sources (or the nearest matches), each at the version it was found in.</summary>
    public static QuotationItem Quotation(Archive archive, string quotation)
    {
        ArgumentNullException.ThrowIfNull(archive);
        var check = archive.CheckQuote(quotation);
        var heads = new Dictionary<string, int>(StringComparer.Ordinal);
        QuotationSource Kept(QuoteMatch match)
        {
            if (!heads.TryGetValue(match.Id, out var version))
                heads[match.Id] = version = archive.History(match.Id)[^1].Number;
            return new QuotationSource(match.Id, version, match.Start, match.End, match.Score, match.MatchedWords, match.Passage,
                [.. match.Differences.Select(d => new QuotationDifference(d.Type, d.Quoted, d.Source, d.Offset, d.QuotedOffset))]);
        }
        return new QuotationItem(quotation, check.QuotedWords, [.. check.Matches.Select(Kept)], [.. check.Nearest.Select(Kept)]);
    }

    /// <summary>Two or more witnesses, each <c>DOC[@VERSION][:START-END]</c>.</summary>
    public static CollationItem Collation(Archive archive, IReadOnlyList<string> references)
    {
        ArgumentNullException.ThrowIfNull(references);
        if (references.Count < 2)
            throw new ArchiveException("a collation needs two witnesses or more");
        var witnesses = new List<CitedWitness>();
        foreach (var reference in references)
        {
            var colon = reference.IndexOf(':', StringComparison.Ordinal);
            var (id, version, document) = Cite(archive, colon < 0 ? reference : reference[..colon]);
            if (colon < 0)
            {
                witnesses.Add(new CitedWitness(id, version));
                continue;
            }
            var range = reference[(colon + 1)..].Split('-');
            if (range.Length != 2 || !int.TryParse(range[0], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
                || !int.TryParse(range[1], NumberStyles.None, CultureInfo.InvariantCulture, out var end))
                throw new ArchiveException($"witness '{reference}': a range is START-END after ':' (characters of its text, for instance {id}:120-480)");
            CheckRange(id, version, document.BodyText, start, end);
            witnesses.Add(new CitedWitness(id, version, start, end));
        }
        return new CollationItem(witnesses);
    }

    /// <summary>The text a witness of a collation item stands for: its version's body text, or the cited characters of it.</summary>
    public static string WitnessText(Document document, CitedWitness witness)
    {
        ArgumentNullException.ThrowIfNull(document);
        return WitnessRange(document, witness) is { } range ? document.BodyText[range.Start..range.End] : document.BodyText;
    }

    /// <summary>Two witnesses of a collation sentence by sentence, as testimonies, each at the characters it cites (offsets into its whole body text).</summary>
    public static TestimonyComparison AsTestimonies(Document a, CitedWitness witnessA, Document b, CitedWitness witnessB)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return TestimonyComparer.Compare(a.BodyText, b.BodyText, WitnessRange(a, witnessA), WitnessRange(b, witnessB));
    }

    /// <summary>The characters of the body text a witness cites; null where it cites the whole text or a range the text no longer holds.</summary>
    private static TextRange? WitnessRange(Document document, CitedWitness witness)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(witness);
        return witness is { Start: { } start, End: { } end } && end <= document.BodyText.Length && start < end ? TextRange.FromBounds(start, end) : null;
    }

    /// <summary>The document and version a reference names: <c>DOC</c> (its head now) or <c>DOC@VERSION</c>.</summary>
    private static (string Id, int Version, Document Document) Cite(Archive archive, string reference)
    {
        ArgumentNullException.ThrowIfNull(archive);
        ArgumentNullException.ThrowIfNull(reference);
        var at = reference.LastIndexOf('@');
        var id = at > 0 ? reference[..at] : reference;
        int? version = null;
        if (at > 0)
        {
            if (!int.TryParse(reference[(at + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
                throw new ArchiveException($"'{reference}': the version after '@' must be a whole number from 1");
            version = number;
        }
        // Objects whose id starts with '_' are the archive's own files, never documents.
        var stored = id.Length == 0 || id.StartsWith('_') ? null : archive.ReadStored(id, version);
        if (stored is null)
        {
            throw new ArchiveException(version is { } v && archive.History(id).Count > 0
                ? $"no version {v} of '{id}' (it has {archive.History(id).Count})"
                : $"no document '{id}' in the archive");
        }
        return (id, stored.Version.Number, archive.Show(id, stored.Version.Number)!);
    }

    private static void CheckRange(string id, int version, string text, int start, int end)
    {
        if (start < 0 || end <= start)
            throw new ArchiveException($"characters {start}–{end} of '{id}': a range starts at 0 or later and ends after its start");
        if (end > text.Length)
            throw new ArchiveException($"characters {start}–{end} are past the end of '{id}' version {version}: its text has {text.Length} characters");
    }

    private static string Shorten(string words) => words.Length <= 60 ? words : words[..57] + "...";
}

/// <summary>How a case's items are named in messages and listings.</summary>
public static class CaseWording
{
    public static string Describe(CaseItem item) => item switch
    {
        DocumentItem d => $"document {d.Id} version {d.Version}",
        PassageItem p => $"passage of {p.Id} version {p.Version}, characters {p.Start}–{p.End}",
        QuotationItem q => $"quotation check \"{Opening(q.Quotation)}\": "
            + (q.Matches.Count == 0 ? "no source found" : string.Join(", ", q.Matches.Select(m => $"{m.Id} version {m.Version}"))),
        CollationItem c => "collation of " + string.Join(", ", c.Witnesses.Select(Describe)),
        NoteItem => "note",
        _ => throw new ArgumentOutOfRangeException(nameof(item), item, null),
    };

    public static string Describe(CitedWitness witness)
        => $"{witness.Id}@{witness.Version}" + (witness is { Start: { } start, End: { } end } ? $":{start}-{end}" : "");

    private static string Opening(string quotation)
    {
        var words = quotation.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= 6 ? string.Join(' ', words) : string.Join(' ', words[..6]) + " …";
    }
}
