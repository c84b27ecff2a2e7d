using AngleSharp.Dom;
using AngleSharp.Html.Dom.Events;
using Verbatim.Model;

namespace Verbatim.Formats.MiaHtml;

/// <summary>
/// What the HTML parser had to repair, as located warnings: the few repairs that lose text (a
/// comment, script or style left open swallows the rest of the file) one by one, the harmless rest
/// counted in one warning.
/// </summary>
internal static class HtmlDamage
{
    // Elements whose content the parser takes as raw text up to their end tag.
    private static readonly string[] RawTextElements = ["script", "style", "textarea", "title", "xmp"];

    public static List<Diagnostic> Find(string text, IDocument html, IReadOnlyList<HtmlErrorEvent> syntaxErrors, SourceLines lines, string fileName)
    {
        var found = new List<Diagnostic>();
        if (syntaxErrors.Count == 0)
            return found;

        var comments = new List<IComment>();
        var rawText = new List<IElement>();
        var stack = new Stack<INode>();
        stack.Push(html);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is IComment comment)
                comments.Add(comment);
            else if (node is IElement element && RawTextElements.Contains(element.LocalName))
                rawText.Add(element);
            foreach (var child in node.ChildNodes)
                stack.Push(child);
        }

        // Only a "<!--" the parser also read as a comment to the end of the file: one inside a script
        // or an attribute value is not one.
        if (OpenComment(text) is { } start && comments.Any(c => c.Data.TrimEnd('-') == text[(start + 4)..].TrimEnd('-')))
            found.Add(Swallowed("a comment", text, start, lines, fileName));

        foreach (var element in rawText)
        {
            if (element.SourceReference is not { } reference)
                continue;
            var at = reference.Position.Index;
            if (text.IndexOf("</" + element.LocalName, Math.Min(at + 1, text.Length), StringComparison.OrdinalIgnoreCase) < 0)
                found.Add(Swallowed($"a <{element.LocalName}>", text, at, lines, fileName));
        }

        var first = syntaxErrors[0];
        var index = first.Position.Index;
        found.Add(new Diagnostic(
            $"the HTML has {syntaxErrors.Count} syntax error(s), repaired as a browser repairs them; the first: {first.Message}",
            fileName, lines.LineOf(index), lines.ColumnOf(index)));
        return found;
    }

    /// <summary>The index of a "&lt;!--" that no "--&gt;" follows.</summary>
    private static int? OpenComment(string text)
    {
        var i = text.IndexOf("<!--", StringComparison.Ordinal);
        while (i >= 0)
        {
            var close = text.IndexOf("-->", i + 4, StringComparison.Ordinal);
            if (close < 0)
                return i;
            i = text.IndexOf("<!--", close + 3, StringComparison.Ordinal);
        }
        return null;
    }

    private static Diagnostic Swallowed(string what, string text, int at, SourceLines lines, string fileName)
    {
        var line = lines.LineOf(at);
        // The file's last character is its last line's, even when that character is the final "\n".
        var rest = lines.LineOf(Math.Max(at, text.Length - 1)) - line + 1;
        return new Diagnostic(
            $"{what} opened here is never closed: the rest of the file ({rest} line(s)) is not read as text",
            fileName, line, lines.ColumnOf(at));
    }
}
