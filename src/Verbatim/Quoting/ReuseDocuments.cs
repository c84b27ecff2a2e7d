using System.Globalization;
using Verbatim.Formats.Compilation;
using Verbatim.Model;
using Verbatim.Searching;
using Verbatim.Text.Reuse;

namespace Verbatim.Quoting;

/// <summary>Documents as the reuse detector sees them: the body text every offset points into, and a date to direct reuse by.</summary>
internal static class ReuseDocuments
{
    public static ReuseDocument Of(Document document) =>
        new(document.Id, document.BodyText, Start(DocumentDates.SortDate(document)), End(DocumentDates.AttestedDate(document)));

    /// <summary>The same document as the catalog holds it: the same body text, its date of writing and the attested date the catalog keeps.</summary>
    public static ReuseDocument Of(CatalogText text) => new(text.Id, text.Body, Start(text.Date), End(text.Attested));

    /// <summary>
    /// The earliest day a date of writing names: a month or a year alone counts from its first
    /// day. A text without one may have been written at any time before it was printed.
    /// </summary>
    private static DateOnly? Start(string? date) => Parse(date) is { } parsed ? parsed.Start : null;

    /// <summary>
    /// The last day of the attested date (written, else printed): a text dated 1921 may be of
    /// December 1921, and is not before a letter of 20 October 1921.
    /// </summary>
    private static DateOnly? End(string? date) => Parse(date) is { } parsed ? parsed.End : null;

    private static (DateOnly Start, DateOnly End)? Parse(string? date)
    {
        if (date is null)
            return null;
        if (DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return (day, day);
        if (DateOnly.TryParseExact(date, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
            return (month, month.AddMonths(1).AddDays(-1));
        if (DateOnly.TryParseExact(date, "yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var year))
            return (year, year.AddYears(1).AddDays(-1));
        return null;
    }

    /// <summary>
    /// The document with every closer line (<see cref="CloserLines"/>: a source, courtesy or
    /// shelfmark line standing as a paragraph of its own) blanked, each character a space, so that
    /// offsets still point into the body text. Items printed from one issue or kept in one fond
    /// share such lines word for word; that is the same citation, not one text quoting another.
    /// The rule reads the text alone, so a document read from the catalog is masked as at ingest.
    /// </summary>
    public static ReuseDocument Quotable(ReuseDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        char[]? masked = null;
        for (var start = 0; start < document.Text.Length;)
        {
            var end = document.Text.IndexOf("\n\n", start, StringComparison.Ordinal) is var found and >= 0 ? found : document.Text.Length;
            if (CloserLines.IsCloser(document.Text[start..end]))
            {
                masked ??= document.Text.ToCharArray();
                Array.Fill(masked, ' ', start, end - start);
            }
            start = end + 2;
        }
        return masked is null ? document : document with { Text = new string(masked) };
    }

    public static string DirectionName(ReuseDirection direction) => direction switch
    {
        ReuseDirection.ByDate => "by-date",
        ReuseDirection.WithinDocument => "within-document",
        _ => "undetermined",
    };
}
