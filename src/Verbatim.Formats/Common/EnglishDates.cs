using System.Globalization;
using System.Text.RegularExpressions;
using Verbatim.Model;

namespace Verbatim.Formats.Common;

/// <summary>A date found in running English text, with where it stood.</summary>
public sealed record DateMatch(string Iso, DatePrecision Precision, int Index, int Length);

/// <summary>Finds dates written the ways English-language editions write them.</summary>
public static partial class EnglishDates
{
    private static readonly string[] MonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    private const string Month =
        @"(?<month>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)";

    // Ordered from the most to the least precise; the first pattern that matches anywhere wins.
    [GeneratedRegex(@"\b" + Month + @"\s+(?<day>\d{1,2})(?:st|nd|rd|th)?\s*,\s*(?<year>1\d{3}|20\d{2})\b")]
    private static partial Regex MonthDayYear();

    [GeneratedRegex(@"\b(?<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + Month + @",?\s+(?<year>1\d{3}|20\d{2})\b")]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"\b" + Month + @",?\s+(?<year>1\d{3}|20\d{2})\b")]
    private static partial Regex MonthYear();

    [GeneratedRegex(@"(?<![\d.])(?<year>1[5-9]\d{2}|20\d{2})(?![\d])")]
    private static partial Regex YearOnly();

    public static DateMatch? Find(string text)
    {
        foreach (var (regex, precision) in Patterns)
        {
            foreach (Match match in regex.Matches(text))
            {
                var iso = ToIso(match, precision);
                if (iso is not null)
                    return new DateMatch(iso, precision, match.Index, match.Length);
            }
        }
        return null;
    }

    private static readonly (Regex Regex, DatePrecision Precision)[] Patterns =
    [
        (MonthDayYear(), DatePrecision.Day),
        (DayMonthYear(), DatePrecision.Day),
        (MonthYear(), DatePrecision.Month),
        (YearOnly(), DatePrecision.Year),
    ];

    private static string? ToIso(Match match, DatePrecision precision)
    {
        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (precision == DatePrecision.Year)
            return year.ToString("0000", CultureInfo.InvariantCulture);
        var month = MonthNumber(match.Groups["month"].Value);
        if (month == 0)
            return null;
        if (precision == DatePrecision.Month)
            return $"{year:0000}-{month:00}";
        var day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
        if (day < 1 || day > DateTime.DaysInMonth(year, month))
            return null;
        return $"{year:0000}-{month:00}-{day:00}";
    }

    private static int MonthNumber(string word)
    {
        var lower = word.TrimEnd('.').ToLowerInvariant();
        for (var i = 0; i < MonthNames.Length; i++)
        {
            if (MonthNames[i].StartsWith(lower, StringComparison.Ordinal) && lower.Length >= 3)
                return i + 1;
        }
        return 0;
    }

    /// <summary>The year of an ISO date of any precision.</summary>
    public static int? YearOf(string? iso) => DocumentDates.YearOf(iso);
}
