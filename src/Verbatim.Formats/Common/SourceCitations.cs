using System.Globalization;
using System.Text.RegularExpressions;
using Verbatim.Model;

namespace Verbatim.Formats.Common;

/// <summary>
/// Reads a source line into its parts: "Lenin Collected Works, Progress Publishers, 1976, Moscow,
/// Volume 45, page 348b." or "The Militant, Vol. III No. 12, 22 March 1930, p. 7."
/// </summary>
public static partial class SourceCitations
{
    [GeneratedRegex(@"https?://\S+?(?=[.,;)]?(?:\s|$))")]
    private static partial Regex Url();

    [GeneratedRegex(@"^(?:Volume|Vol\.|Vols?\.?|Tome|Band|Bd\.)\s*(?<volume>[\w-]+)(?:\s*,?\s*(?:No\.|Number|Nr\.|#)\s*(?<issue>[\w-]+))?$", RegexOptions.IgnoreCase)]
    private static partial Regex Volume();

    [GeneratedRegex(@"^(?:No\.|Number|Nr\.|#)\s*(?<issue>[\w-]+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Issue();

    [GeneratedRegex(@"^(?:pages?|pp?\.|S\.)\s*(?<pages>[\w–-]+(?:\s*[-–]\s*[\w]+)?)$", RegexOptions.IgnoreCase)]
    private static partial Regex Pages();

    [GeneratedRegex(@"^(?<year>1\d{3}|20\d{2})$")]
    private static partial Regex YearAlone();

    [GeneratedRegex(@"Publish|Press|Verlag|Books|Editions?\b|Co-operative|Society Ltd", RegexOptions.IgnoreCase)]
    private static partial Regex PublisherWord();

    public static SourceEdition Read(string text)
    {
        var line = Whitespace.CollapseToLine(text).Trim();
        string? url = null;
        var withoutUrl = line;
        var urlMatch = Url().Match(line);
        if (urlMatch.Success)
        {
            url = urlMatch.Value;
            withoutUrl = line.Remove(urlMatch.Index, urlMatch.Length);
            withoutUrl = Regex.Replace(withoutUrl, @"\s*(Retrieved from|Available at|from)\s*$", "", RegexOptions.IgnoreCase);
        }

        string? collection = null, publisher = null, place = null, volume = null, issue = null, pages = null, date = null;
        int? year = null;
        var leftovers = new List<string>();
        foreach (var raw in SplitParts(withoutUrl))
        {
            var part = raw.Trim().TrimEnd('.').Trim();
            if (part.Length == 0) continue;
            Match m;
            if ((m = Volume().Match(part)).Success)
            {
                volume = m.Groups["volume"].Value;
                if (m.Groups["issue"].Success) issue = m.Groups["issue"].Value;
            }
            else if ((m = Issue().Match(part)).Success) issue = m.Groups["issue"].Value;
            else if ((m = Pages().Match(part)).Success) pages = m.Groups["pages"].Value;
            else if ((m = YearAlone().Match(part)).Success) year = int.Parse(m.Value, CultureInfo.InvariantCulture);
            else if (collection is not null && EnglishDates.Find(part) is { Precision: DatePrecision.Day } day && day.Length >= part.Length - 2)
            {
                date = day.Iso;
                year = EnglishDates.YearOf(day.Iso);
            }
            else if (collection is null) collection = part;
            else if (publisher is null && PublisherWord().IsMatch(part)) publisher = part;
            else leftovers.Add(part);
        }
        // A single word-only part left after the publisher and year is the place of publication;
        // a periodical's issue (a number or a day) names none, and its leftover is the paper's name.
        if (issue is null && date is null && leftovers.Count == 1 && !leftovers[0].Any(char.IsDigit) && leftovers[0].Split(' ').Length <= 3)
            place = leftovers[0];

        return new SourceEdition
        {
            Collection = collection,
            Publisher = publisher,
            Place = place,
            Year = year,
            Date = date,
            Volume = volume,
            Issue = issue,
            Pages = pages,
            Url = url,
            Text = line,
        };
    }

    private const string MonthName =
        @"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";

    [GeneratedRegex(@"(?:\b" + MonthName + @"\s+\d{1,2}(?:st|nd|rd|th)?|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + MonthName + @")\s*$")]
    private static partial Regex DayBeforeComma();

    [GeneratedRegex(@"^\s*(?:1\d{3}|20\d{2})\b")]
    private static partial Regex YearAfterComma();

    // Commas separate the parts, except inside a title that itself holds a question mark before
    // the comma ("Why Is the Second International Defending Trotsky?, Izvestia"), and except the
    // comma inside a date ("October 22, 1903", "7th March, 1923"), which stays one part.
    private static IEnumerable<string> SplitParts(string line)
    {
        var parts = new List<string>();
        foreach (var part in line.Split(','))
        {
            if (parts.Count > 0 && DayBeforeComma().IsMatch(parts[^1]) && YearAfterComma().IsMatch(part))
                parts[^1] += "," + part;
            else
                parts.Add(part);
        }
        foreach (var part in parts)
        {
            foreach (var piece in Regex.Split(part, @"(?<=\.)\s+(?=(?:Vol\.|Volume|No\.|pp?\.)\s)"))
                yield return piece;
        }
    }
}
