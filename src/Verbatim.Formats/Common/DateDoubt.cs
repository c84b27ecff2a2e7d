using System.Text.RegularExpressions;
using Verbatim.Model;

namespace Verbatim.Formats.Common;

/// <summary>The doubt a source states of a date, in its words or its markup.</summary>
/// <remarks>
/// A question mark doubts the date. It doubts one part only where it stands after that part and
/// not at the end of the date it closes: "[22.? 8. 1891]" doubts the day, "1. 2. [1893?]" the year,
/// "[4. 4. 1892?]" the whole date. Brackets alone mean the editors supplied the date, which is no
/// doubt. "ca.", "um", "Anfang", "about" make it approximate; a question mark outweighs them.
/// </remarks>
public static partial class DateDoubt
{
    // TEI cert: how sure the encoder is; precision: how exact the date is.
    private static readonly HashSet<string> DoubtfulCert = ["low", "medium", "unknown"];
    private static readonly HashSet<string> LowPrecision = ["low", "medium"];

    private static readonly DatePart[] DayMonthYear = [DatePart.Day, DatePart.Month, DatePart.Year];

    [GeneratedRegex(@"(?<![\p{L}])(?:ca\.|c\.|circa|um|etwa|gegen|anfang|mitte|ende|about|approx\.|approximately|around|early|late)(?![\p{L}])", RegexOptions.IgnoreCase)]
    private static partial Regex ApproximateWords();

    // A number, brackets inside it included ("190[3").
    [GeneratedRegex(@"\d(?:[\d\[\]]*\d)?")]
    private static partial Regex Numbers();

    public static (DateCertainty? Certainty, DatePart? Part) Of(string? text, string? cert, string? precision)
    {
        var question = text?.IndexOf('?', StringComparison.Ordinal) ?? -1;
        if (question >= 0)
            return (DateCertainty.Uncertain, PartDoubted(text!, question));
        if (cert is not null && DoubtfulCert.Contains(cert))
            return (DateCertainty.Uncertain, null);
        if ((precision is not null && LowPrecision.Contains(precision)) || (text is not null && ApproximateWords().IsMatch(text)))
            return (DateCertainty.Approximate, null);
        return (null, null);
    }

    /// <summary>Day, month or year of a "d. m. yyyy" date where the question mark doubts that part alone.</summary>
    private static DatePart? PartDoubted(string text, int question)
    {
        var numbers = Numbers().Matches(text).ToList();
        if (numbers.Count != 3 || numbers[2].Value.Replace("[", "", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal).Length != 4)
            return null;
        var doubted = numbers.FindLastIndex(n => n.Index + n.Length <= question);
        if (doubted < 0 || text[(numbers[doubted].Index + numbers[doubted].Length)..question].Trim('.', ' ') != "")
            return null;
        // The numbers the question mark closes: those of its bracket, or all where it stands in none.
        var open = text.LastIndexOf('[', question);
        var close = open < 0 ? -1 : text.IndexOf(']', open);
        var group = open >= 0 && (close < 0 || close > question)
            ? numbers.Where(n => n.Index + n.Length > open && (close < 0 || n.Index < close)).ToList()
            : numbers;
        if (group.Count > 1 && group[^1] == numbers[doubted])
            return null;
        return DayMonthYear[doubted];
    }
}
