using System.Globalization;
using System.Text;

namespace Verbatim.Presenting;

/// <summary>
/// Stored text as it may be written to a terminal: a control character (ESC, BEL, the C1 range)
/// is shown as \xHH, so that a document can never retitle or recolour the terminal that shows it.
/// </summary>
public static class PlainText
{
    /// <summary>The text with every control character escaped; with <paramref name="keepLineBreaks"/>, line feeds and tabs stay.</summary>
    public static string Escaped(string? text, bool keepLineBreaks = false)
    {
        if (string.IsNullOrEmpty(text))
            return text ?? "";
        if (!text.Any(c => IsEscaped(c, keepLineBreaks)))
            return text;
        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (IsEscaped(c, keepLineBreaks))
                escaped.Append("\\x").Append(((int)c).ToString(c > 0xFF ? "x4" : "x2", CultureInfo.InvariantCulture));
            else
                escaped.Append(c);
        }
        return escaped.ToString();
    }

    private static bool IsEscaped(char c, bool keepLineBreaks) => char.IsControl(c) && !(keepLineBreaks && c is '\n' or '\t');
}
