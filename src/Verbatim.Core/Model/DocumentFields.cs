using System.Globalization;
using System.Text.RegularExpressions;

namespace Verbatim.Model;

/// <summary>
/// The correctable fields of a document as an editor reads and writes them: each one piece of text
/// (a list one entry per line), read from the document and applied back to it. What the text cannot
/// say (a person's key, a shelfmark's fond and folios, a publication's extent) is kept for every entry
/// whose line is unchanged, and absent from a new one.
/// </summary>
public static partial class DocumentFields
{
    public static IReadOnlyList<CorrectableField> All { get; } = Enum.GetValues<CorrectableField>();

    /// <summary>The word the field goes by in forms, JSON and the command line: "date", "shelfmarks".</summary>
    public static string Name(CorrectableField field) => field.ToString().ToLowerInvariant();

    public static CorrectableField? Parse(string name)
    {
        foreach (var field in All)
        {
            if (Name(field) == name.Trim().ToLowerInvariant())
                return field;
        }
        return null;
    }

    /// <summary>What an editor is told each field's text may be.</summary>
    public static string Form(CorrectableField field) => field switch
    {
        CorrectableField.Kind => string.Join(", ", Enum.GetValues<DocumentKind>().Select(DocumentKinds.Name)),
        CorrectableField.Date => "YYYY, YYYY-MM or YYYY-MM-DD; a range as FROM/TO; ? after it where the date is uncertain, \"about \" before it where approximate; empty where undated",
        CorrectableField.Place => "where it was written",
        CorrectableField.Authors or CorrectableField.Addressees => "one person per line",
        CorrectableField.Shelfmarks => "one archival reference per line",
        CorrectableField.Published => "one publication per line, the first printing first",
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    public static string Text(Document document, CorrectableField field) => field switch
    {
        CorrectableField.Kind => DocumentKinds.Name(document.Kind),
        CorrectableField.Date => DateText(document.Written),
        CorrectableField.Place => document.Written?.Place ?? "",
        CorrectableField.Authors => Lines(document.Authors.Select(p => p.Name)),
        CorrectableField.Addressees => Lines(document.Addressees.Select(p => p.Name)),
        CorrectableField.Shelfmarks => Lines(document.ArchivalRefs.Select(r => r.Text)),
        CorrectableField.Published => Lines(document.Published.Select(p => p.Text)),
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };

    /// <summary>The document with the field reading <paramref name="text"/>; null with the reason where the text is not a value of the field.</summary>
    public static (Document? Corrected, string? Error) Apply(Document document, CorrectableField field, string text)
    {
        text = Normalise(text);
        switch (field)
        {
            case CorrectableField.Kind:
                return Enum.GetValues<DocumentKind>().Where(k => DocumentKinds.Name(k) == text.ToLowerInvariant()).ToList() is [var kind]
                    ? (document with { Kind = kind }, null)
                    : (null, $"“{text}” is not a kind of document: it is one of {Form(field)}");
            case CorrectableField.Date:
                var (written, error) = ParseDate(text, document.Written);
                return error is null ? (document with { Written = written }, null) : (null, error);
            case CorrectableField.Place:
                var span = document.Written ?? new DateSpan();
                return (document with
                {
                    Written = span with { Place = text.Length == 0 ? null : text, PlaceRef = text == span.Place ? span.PlaceRef : null },
                }, null);
            case CorrectableField.Authors:
                return (document with { Authors = People(text, document.Authors) }, null);
            case CorrectableField.Addressees:
                return (document with { Addressees = People(text, document.Addressees) }, null);
            case CorrectableField.Shelfmarks:
                return (document with
                {
                    ArchivalRefs = [.. SplitLines(text).Select(line => document.ArchivalRefs.FirstOrDefault(r => r.Text == line) ?? new ArchivalRef { Text = line })],
                }, null);
            case CorrectableField.Published:
                return (document with
                {
                    Published = [.. SplitLines(text).Select(line => document.Published.FirstOrDefault(p => p.Text == line) ?? new Publication { Text = line, Year = YearIn(line) })],
                }, null);
            default:
                throw new ArgumentOutOfRangeException(nameof(field));
        }
    }

    /// <summary>A field's text on one line, quoted, as a change is told: “1921-10-20”, “Lenin; Trotsky”, or (empty).</summary>
    public static string Quote(string text) => text.Length == 0 ? "(empty)" : $"“{text.Replace("\n", "; ", StringComparison.Ordinal)}”";

    /// <summary>The text as the field keeps it: lines trimmed, empty lines and the line ends' kind dropped.</summary>
    public static string Normalise(string text) => Lines(SplitLines(text));


    private static string Lines(IEnumerable<string> lines) => string.Join("\n", lines);

    private static IEnumerable<string> SplitLines(string text)
        => text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);

    private static IReadOnlyList<PersonRef> People(string text, IReadOnlyList<PersonRef> before)
        => [.. SplitLines(text).Select(name => before.FirstOrDefault(p => p.Name == name) ?? new PersonRef(name))];

    private static int? YearIn(string line) => Year().Match(line) is { Success: true } m ? int.Parse(m.Value, CultureInfo.InvariantCulture) : null;

    private static string DateText(DateSpan? span)
    {
        if (span is null)
            return "";
        var shown = span.Date ?? (span.NotBefore is null && span.NotAfter is null ? "" : $"{span.NotBefore}/{span.NotAfter}");
        return shown.Length == 0 ? "" : span.Qualify(shown);
    }

    /// <summary>
    /// The span with the date the text gives and what else it held (place, mode, time) kept; the
    /// source's own wording of the date (<see cref="DateSpan.Text"/>) is dropped with the date it stated.
    /// </summary>
    private static (DateSpan? Span, string? Error) ParseDate(string text, DateSpan? before)
    {
        var span = (before ?? new DateSpan()) with { Date = null, NotBefore = null, NotAfter = null, Certainty = null, UncertainPart = null, Text = null, From = null };
        if (text.Length == 0)
            return (span, null);
        var certainty = (DateCertainty?)null;
        var rest = text;
        if (rest.StartsWith("about ", StringComparison.OrdinalIgnoreCase))
            (certainty, rest) = (DateCertainty.Approximate, rest[6..].Trim());
        else if (rest.EndsWith('?'))
            (certainty, rest) = (DateCertainty.Uncertain, rest[..^1].Trim());
        var ends = rest.Split('/');
        if (ends.Length > 2 || ends.Any(e => e.Length > 0 && !IsIsoDate(e)) || ends.All(e => e.Length == 0))
            return (null, $"“{text}” is not a date: {Form(CorrectableField.Date)}");
        var precision = ends.First(e => e.Length > 0).Length switch { 4 => DatePrecision.Year, 7 => DatePrecision.Month, _ => DatePrecision.Day };
        if (ends.Length == 1)
            return (span with { Date = rest, Precision = precision, Certainty = certainty }, null);
        if (ends[0].Length > 0 && ends[1].Length > 0 && string.CompareOrdinal(ends[0], ends[1]) > 0)
            return (null, $"“{text}” ends before it begins");
        return (span with { NotBefore = ends[0].Length == 0 ? null : ends[0], NotAfter = ends[1].Length == 0 ? null : ends[1], Precision = precision, Certainty = certainty }, null);
    }

    private static bool IsIsoDate(string text) => text.Length switch
    {
        4 => DateOnly.TryParseExact(text + "-01-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        7 => DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        10 => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        _ => false,
    };

    [GeneratedRegex(@"\b1[5-9]\d\d\b|\b20\d\d\b")]
    private static partial Regex Year();
}
