using System.Globalization;

namespace Verbatim.Presenting;

/// <summary>Counts and page spans as a person writes them: "1 document", "2 documents", "page 196", "pages 196–203".</summary>
public static class Wording
{
    /// <summary>The count and the noun that agrees with it; the plural is the singular with "s" unless given.</summary>
    public static string Counted(int count, string singular, string? plural = null)
        => $"{count.ToString(CultureInfo.InvariantCulture)} {(count == 1 ? singular : plural ?? singular + "s")}";

    /// <summary>A size in megabytes (of 2^20 bytes) to a tenth: "16 MB", "0.4 MB".</summary>
    public static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.#", CultureInfo.InvariantCulture) + " MB";

    /// <summary>"page 196" for one page, "pages 196–203" (or "pages 119, 121") for more.</summary>
    public static string Pages(string pages)
        => pages.AsSpan().IndexOfAny("-–—,; ") >= 0 ? $"pages {pages}" : $"page {pages}";

    /// <summary>
    /// The text as it is when it holds at most <paramref name="maximum"/> characters, else its
    /// first and last words, about half of that each, joined by " … ": the words that say where a
    /// long stretch begins and ends.
    /// </summary>
    public static string ShortenedInTheMiddle(string text, int maximum = 100)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= maximum)
            return text;
        var half = maximum / 2;
        var headEnd = text.LastIndexOf(' ', half);
        var tailStart = text.IndexOf(' ', text.Length - half);
        var head = text[..(headEnd > 0 ? headEnd : half)].TrimEnd();
        var tail = text[(tailStart >= 0 && tailStart < text.Length - 1 ? tailStart + 1 : text.Length - half)..].TrimStart();
        return $"{head} … {tail}";
    }
}
