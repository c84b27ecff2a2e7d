using System.Globalization;
using System.Text.RegularExpressions;
using Verbatim.Model;

namespace Verbatim.Formats.Common;

/// <summary>
/// Reads a publication history: "First published in part in 1957 in the magazine Voprosy Istorii
/// KPSS No. 2. Published in full in 1959 in Lenin Miscellany XXXVI. Printed from the original."
/// </summary>
public static partial class PublicationHistory
{
    // A sentence ends at a full stop that is followed by the start of the next statement or by the
    // end: "No. 2." and "XXXVI." inside a title do not end one.
    [GeneratedRegex(@"(?<text>(?<first>First\s+)?(?:[Pp]ublished|[Pp]rinted|[Rr]eprinted)(?<!Printed)(?:\s+in\s+(?<extent>part|full))?(?:\s+in\s+(?<year>1\d{3}|20\d{2}))?(?:\s+(?:in|by)\s+(?<in>.+?))?\.)(?=\s+(?:First|Published|Printed|Reprinted|Translated|Sent|Written)\b|\s*$)")]
    private static partial Regex Publication();

    [GeneratedRegex(@"Printed\s+from\s+(?<from>.+?)\.?(?=\s+(?:First|Published|Reprinted)\b|\s*$)")]
    private static partial Regex PrintedFrom();

    public static (IReadOnlyList<Publication> Publications, string? PrintedFrom) Read(string text)
    {
        var line = Whitespace.CollapseToLine(text);
        var printedFrom = PrintedFrom().Match(line) is { Success: true } p ? p.Groups["from"].Value.Trim() : null;
        var withoutPrinted = PrintedFrom().Replace(line, "");
        var publications = new List<Publication>();
        foreach (Match m in Publication().Matches(withoutPrinted))
        {
            int? year = m.Groups["year"].Success ? int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture) : null;
            var where = m.Groups["in"].Success ? m.Groups["in"].Value.Trim() : null;
            if (year is null && where is not null)
                year = EnglishDates.YearOf(EnglishDates.Find(where)?.Iso);
            publications.Add(new Publication
            {
                Year = year,
                In = where,
                Extent = m.Groups["extent"].Value == "part" ? PublicationExtent.Part : PublicationExtent.Full,
                First = m.Groups["first"].Success,
                Text = m.Groups["text"].Value.Trim(),
            });
        }
        return (publications, printedFrom);
    }
}
