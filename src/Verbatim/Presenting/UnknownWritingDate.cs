using System.Globalization;
using Verbatim.Model;

namespace Verbatim.Presenting;

/// <summary>What a document with no date of writing says of its date: that it is unknown, and when it was first printed.</summary>
public static class UnknownWritingDate
{
    /// <summary>"date of writing unknown; first printed 1989"; null when the date of writing is known or nothing printed it.</summary>
    public static string? Note(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Written is not null || FirstPrinted(document) is not { } year)
            return null;
        return $"date of writing unknown; first printed {year.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>The earliest year a publication or the source edition names.</summary>
    private static int? FirstPrinted(Document document)
    {
        var sourceDateYear = DocumentDates.YearOf(document.Source?.Date);
        return document.Published.Select(p => p.Year).Append(document.Source?.Year).Append(sourceDateYear).Min();
    }
}
