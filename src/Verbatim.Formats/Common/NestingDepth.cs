using Verbatim.Model;

namespace Verbatim.Formats.Common;

/// <summary>
/// How deep a file's markup nests, found in one pass over its text before any parser builds a
/// tree of it. Parsers and tree walks pay for depth: an HTML parser checks its stack of open
/// elements at every tag (time grows with the square of the depth), and a walk that recurses runs
/// out of stack. No letter nests its markup anywhere near <see cref="Maximum"/> deep; a file that
/// does is refused as one located error, and the rest of its batch goes on.
/// </summary>
/// <remarks>
/// The count errs high, never low: an HTML element whose end tag may be left out (p, li, td, ...)
/// or that has none (br, img, ...) is not counted, and any other start tag counts until its end
/// tag, even where a browser would close it early.
/// </remarks>
public static class NestingDepth
{
    public const int Maximum = 512;

    private static readonly HashSet<string> HtmlElementsThatDoNotNest = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param",
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup", "rb", "rt", "rp",
        "html", "head", "body",
    };

    private static readonly string[] HtmlRawText = ["script", "style", "textarea", "title"];

    /// <summary>A located error where the markup nests deeper than <see cref="Maximum"/>; null where it does not.</summary>
    public static Diagnostic? Check(string text, string fileName, bool html)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (depth, line, i) = (0, 1, 0);
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n')
            {
                line++;
                i++;
                continue;
            }
            if (c != '<' || i + 1 >= text.Length)
            {
                i++;
                continue;
            }
            var next = text[i + 1];
            if (Starts(text, i, "<!--"))
                i = SkipPast(text, i + 4, "-->", ref line);
            else if (Starts(text, i, "<![CDATA["))
                i = SkipPast(text, i + 9, "]]>", ref line);
            else if (next is '?' or '!')
                i = SkipPast(text, i + 2, ">", ref line);
            else if (next == '/')
            {
                var (name, end) = Name(text, i + 2);
                if (!(html && HtmlElementsThatDoNotNest.Contains(name)) && depth > 0)
                    depth--;
                i = SkipPast(text, end, ">", ref line);
            }
            else if (char.IsLetter(next))
            {
                var tagLine = line;
                var (name, end) = Name(text, i + 1);
                var (close, selfClosing) = EndOfTag(text, end, ref line);
                i = close;
                if (selfClosing || html && HtmlElementsThatDoNotNest.Contains(name))
                    continue;
                if (html && HtmlRawText.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    i = SkipPast(text, i, "</" + name, ref line, StringComparison.OrdinalIgnoreCase);
                    i = SkipPast(text, i, ">", ref line);
                    continue;
                }
                if (++depth > Maximum)
                    return new Diagnostic($"the markup nests more than {Maximum} elements deep here (<{name}>); no letter does, and such a file is not read", fileName, tagLine);
            }
            else
            {
                i++;
            }
        }
        return null;
    }

    private static bool Starts(string text, int at, string prefix) => string.CompareOrdinal(text, at, prefix, 0, prefix.Length) == 0;

    private static (string Name, int End) Name(string text, int start)
    {
        var end = start;
        while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] is ':' or '-' or '_' or '.'))
            end++;
        return (text[start..end], end);
    }

    /// <summary>Past the tag's closing '>' (quoted attribute values may hold one), and whether it ends "/>".</summary>
    private static (int Next, bool SelfClosing) EndOfTag(string text, int i, ref int line)
    {
        char? quote = null;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
                line++;
            else if (quote is not null)
            {
                if (c == quote)
                    quote = null;
            }
            else if (c is '"' or '\'')
                quote = c;
            else if (c == '>')
                return (i + 1, text[i - 1] == '/');
        }
        return (text.Length, false);
    }

    private static int SkipPast(string text, int from, string marker, ref int line, StringComparison comparison = StringComparison.Ordinal)
    {
        var at = text.IndexOf(marker, Math.Min(from, text.Length), comparison);
        var end = at < 0 ? text.Length : at + marker.Length;
        for (var k = Math.Min(from, text.Length); k < end; k++)
        {
            if (text[k] == '\n')
                line++;
        }
        return end;
    }
}
