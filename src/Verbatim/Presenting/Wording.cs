using System.Globalization;

namespace Verbatim.Presenting;

/// <summary>Counts and page spans as a person writes them: "1 document", "2 documents", "page 196", "pages 196–203".</summary>
public static class Wording
{
    /// <summary>The count and the noun that agrees with it; the plural is the singular with "s" unless given.</summary>
    public static string Counted(int count, string singular, string? plural = null)
        => $"{count.ToString(CultureInfo.InvariantCulture)} {(count == 1 ? singular : plural ?? singular + "s")}";

    /// <summary>"page 196" for one page, "pages 196–203" (or "pages 119, 121") for more.</summary>
    public static string Pages(string pages)
        => pages.AsSpan().IndexOfAny("-–—,; ") >= 0 ? $"pages {pages}" : $"page {pages}";
}
