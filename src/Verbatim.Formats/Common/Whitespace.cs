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

    /// <summary>As <see cref="Collapse"/>, but line breaks too become single spaces.</summary>
    public static string CollapseToLine(string text) => Collapse(text).Replace('\n', ' ');
}
