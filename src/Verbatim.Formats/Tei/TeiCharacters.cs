using System.Globalization;

namespace Verbatim.Formats.Tei;

/// <summary>
/// Characters the edition writes as an empty &lt;c rendition="#..."/&gt;: they are letters of the
/// text, so leaving them out would change what the writer wrote.
/// </summary>
internal static class TeiCharacters
{
    // Beyond this a "dots" count is a typing error in the source, not a row of dots.
    private const int MaxDots = 40;

    /// <summary>The text an empty &lt;c&gt; stands for, or null for a rendition this reader does not know.</summary>
    public static string? ForEmpty(string? rendition, string? n)
    {
        switch (rendition?.Trim().TrimStart('#'))
        {
            case "kaufmannsund": return "&";
            case "prozent": return "%";
            case "geschwungene-klammer-auf": return "{";
            case "geschwungene-klammer-zu": return "}";
            case "dots":
                var count = int.TryParse(n?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed is > 0 and <= MaxDots
                    ? parsed
                    : 3;
                return new string('.', count);
            default:
                return null;
        }
    }
}
