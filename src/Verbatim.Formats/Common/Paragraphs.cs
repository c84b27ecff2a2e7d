namespace Verbatim.Formats.Common;

/// <summary>A paragraph of a text file: its lines joined by "\n", and the 1-based line it starts on.</summary>
public readonly record struct Paragraph(string Text, int Line);

public static class Paragraphs
{
    /// <summary>Splits text at blank lines (lines of white space only count as blank).</summary>
    public static List<Paragraph> Split(string text)
    {
        var paragraphs = new List<Paragraph>();
        var lines = text.Split('\n');
        var start = -1;
        for (var i = 0; i <= lines.Length; i++)
        {
            var blank = i == lines.Length || string.IsNullOrWhiteSpace(lines[i]);
            if (!blank && start < 0)
                start = i;
            else if (blank && start >= 0)
            {
                paragraphs.Add(new Paragraph(string.Join('\n', lines[start..i]), start + 1));
                start = -1;
            }
        }
        return paragraphs;
    }
}
