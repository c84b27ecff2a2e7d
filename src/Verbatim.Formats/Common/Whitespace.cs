using System.Text;

namespace Verbatim.Formats.Common;

public static class Whitespace
{
    /// <summary>
    /// Folds every run of white space, the no-break space included, into one space and trims the
    /// ends. Sites use runs of no-break spaces for layout; they carry no words. Line breaks inside
    /// a block are kept as "\n" (a line break the source made), with the spaces around them dropped.
    /// </summary>
    public static string Collapse(string text)
    {
        var start = 0;
        while (start < text.Length && char.IsWhiteSpace(text[start]))
            start++;
        var end = text.Length;
        while (end > start && char.IsWhiteSpace(text[end - 1]))
            end--;
        // A text already folded is returned itself (or trimmed): a long text is not copied twice.
        if (IsFolded(text.AsSpan(start, end - start)))
            return text[start..end];

        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        var pendingBreak = false;
        foreach (var c in text)
        {
            if (c == '\n') { pendingBreak = true; continue; }
            if (char.IsWhiteSpace(c)) { pendingSpace = true; continue; }
            if (builder.Length > 0)
            {
                if (pendingBreak) builder.Append('\n');
                else if (pendingSpace) builder.Append(' ');
            }
            pendingSpace = pendingBreak = false;
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>Whether every run of white space is one space or one "\n".</summary>
    private static bool IsFolded(ReadOnlySpan<char> text)
    {
        var afterWhiteSpace = false;
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
                afterWhiteSpace = false;
            else if (afterWhiteSpace || c is not (' ' or '\n'))
                return false;
            else
                afterWhiteSpace = true;
        }
        return true;
    }

    /// <summary>As <see cref="Collapse"/>, but line breaks too become single spaces.</summary>
    public static string CollapseToLine(string text) => Collapse(text).Replace('\n', ' ');
}
