using System.Globalization;

namespace Verbatim.Model;

/// <summary>The dates a document is ordered by, as every catalog and export reads them.</summary>
public static class DocumentDates
{
    /// <summary>
    /// The date a document sorts and filters by: when it was written, or the start of the range it
    /// was written in; null when the date of writing is unknown. A printing dates the print, never
    /// the writing (a statement of 1926 first printed in 1989 is not of 1989).
    /// </summary>
    public static string? SortDate(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.Written?.Date ?? document.Written?.NotBefore;
    }

    /// <summary>
    /// The date by which the text is known to have existed: when written, else when its source or
    /// its first publication printed it. It directs reuse (the earlier text is the source), where
    /// a printing is evidence; it never sorts or filters.
    /// </summary>
    public static string? AttestedDate(Document document)
        => SortDate(document) ?? document.Source?.Date
            ?? document.Source?.Year?.ToString("0000", CultureInfo.InvariantCulture)
            ?? document.Published.FirstOrDefault(p => p.Year is not null)?.Year?.ToString("0000", CultureInfo.InvariantCulture);

    /// <summary>The year of a date of the form YYYY[-MM[-DD]]; null for none or another form.</summary>
    public static int? YearOf(string? date)
        => date is { Length: >= 4 } && int.TryParse(date.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? year : null;
}
