using System.Globalization;
using System.Text.RegularExpressions;

namespace Verbatim.Storage.Ocfl;

/// <summary>
/// The Internet Date/Time Format of RFC 3339 section 5.6, which a version's "created" must follow
/// (E049): a full date, "T", a time to the second with optional fraction, and "Z" or a numeric
/// offset. Unlike ISO 8601 it allows no omitted seconds, no missing zone and no week dates.
/// </summary>
internal static partial class Rfc3339
{
    public static bool IsValid(string value)
    {
        var m = Pattern().Match(value);
        if (!m.Success)
            return false;
        int Part(int group) => int.Parse(m.Groups[group].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
        var (year, month, day) = (Part(1), Part(2), Part(3));
        var (hour, minute, second) = (Part(4), Part(5), Part(6));
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return false;
        // RFC 3339 allows second 60 for a leap second.
        if (hour > 23 || minute > 59 || second > 60)
            return false;
        if (m.Groups[8].Success && (Part(8) > 23 || Part(9) > 59))
            return false;
        return true;
    }

    /// <summary>Writes an instant in the form this validator accepts: UTC, to the second, with "Z".</summary>
    public static string Format(DateTimeOffset instant)
        => instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    // RFC 3339 (after ABNF and ISO 8601) lets "T" and "Z" be lowercase.
    [GeneratedRegex(@"^([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt]([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]+)?(?:[Zz]|[+\-]([0-9]{2}):([0-9]{2}))\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
