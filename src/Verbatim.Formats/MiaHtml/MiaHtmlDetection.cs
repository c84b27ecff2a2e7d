namespace Verbatim.Formats.MiaHtml;

/// <summary>How sure it is that a text is an HTML page, and one of the archive's.</summary>
internal static class MiaHtmlDetection
{
    public const double ArchivePage = 0.9;

    // Above the plain-text readers' scores for any text, so that an HTML page is never read as text.
    public const double OtherHtml = 0.3;

    // The archive's pages put these in their head or first block; a page that shows none of them in
    // its first part is some other site's.
    private const int Window = 8192;

    private static readonly string[] ArchiveMarks =
        ["marxists.org", "Lenin Internet Archive", "Marxists Internet Archive", "class=\"information\"", "class='information'", "class=information"];

    public static double Score(string? text)
    {
        if (text is null)
            return 0;
        var head = text.AsSpan(0, Math.Min(text.Length, Window));
        var start = SkipPrologue(head);
        if (start < 0 || !StartsAsHtml(head[start..]))
            return 0;
        foreach (var mark in ArchiveMarks)
        {
            if (head.Contains(mark, StringComparison.OrdinalIgnoreCase))
                return ArchivePage;
        }
        return OtherHtml;
    }

    private static bool StartsAsHtml(ReadOnlySpan<char> text)
    {
        if (text.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase))
            return true;
        return text.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            && (text.Length == 5 || text[5] is '>' or '/' || char.IsWhiteSpace(text[5]));
    }

    /// <summary>
    /// Where the markup proper begins: after a byte-order mark, white space, comments and an XML
    /// declaration; -1 when a comment or declaration does not end inside the window.
    /// </summary>
    private static int SkipPrologue(ReadOnlySpan<char> text)
    {
        var i = 0;
        while (true)
        {
            while (i < text.Length && (char.IsWhiteSpace(text[i]) || text[i] == '\uFEFF'))
                i++;
            var rest = text[i..];
            int end;
            if (rest.StartsWith("<!--", StringComparison.Ordinal))
                end = rest[4..].IndexOf("-->", StringComparison.Ordinal) is var close and >= 0 ? 4 + close + 3 : -1;
            else if (rest.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase))
                end = rest.IndexOf("?>", StringComparison.Ordinal) is var close and >= 0 ? close + 2 : -1;
            else
                return i;
            if (end < 0)
                return -1;
            i += end;
        }
    }
}
