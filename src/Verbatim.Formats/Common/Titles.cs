namespace Verbatim.Formats.Common;

public static class Titles
{
    /// <summary>The most characters a title drawn from a text's first line keeps.</summary>
    public const int MaxLength = 100;

    /// <summary>
    /// A line as a title: whole when it is short, else its first words up to <see cref="MaxLength"/>
    /// characters and "…". A text of one long line is its own first line, and a title that is the
    /// whole text is stored and indexed twice. A first word longer than the bound is cut inside it.
    /// </summary>
    public static string Bounded(string line)
    {
        if (line.Length <= MaxLength)
            return line;
        var cut = line.LastIndexOf(' ', MaxLength);
        return string.Concat(line.AsSpan(0, cut > 0 ? cut : MaxLength).TrimEnd(' '), "…");
    }
}
