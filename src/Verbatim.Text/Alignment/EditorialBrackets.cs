using System.Text.RegularExpressions;
using Verbatim.Text.Normalisation;
using Verbatim.Text.Tokens;

namespace Verbatim.Text.Alignment;

/// <summary>
/// Words a quoting text puts in square brackets: an editor's, not the source's ("[the Party]",
/// "[i.e. Stalin]", "[he]" for a name, "[sic]", "[emphasis added]"). A bracket counts when it holds
/// a letter: "[1]" is a footnote's marker, "[...]" an ellipsis (<see cref="Ellipses"/>), "[!]" a
/// wordless mark, each told apart elsewhere. A remark about the quotation itself ("[sic]",
/// "[emphasis added]", "[italics mine]") or a gloss ("[i.e. Stalin]", "[that is, in 1926]") never
/// stands for source words: both are remarks here.
/// </summary>
internal sealed partial class EditorialBrackets
{
    private static readonly HashSet<string> RemarkWords = new(
        ["sic", "emphasis", "emphases", "italics", "underlining", "underlined", "added", "mine", "ours", "my", "our", "in", "the", "original"],
        StringComparer.OrdinalIgnoreCase);

    // The words that open a gloss: it explains the words before it and replaces none of them.
    private static readonly HashSet<string> GlossWords = new(["i e", "ie", "that is", "namely", "viz", "scil", "d h", "dh"], StringComparer.OrdinalIgnoreCase);

    private readonly List<(TextRange Range, bool IsRemark)> brackets;

    private EditorialBrackets(List<(TextRange Range, bool IsRemark)> brackets) => this.brackets = brackets;

    public static EditorialBrackets None { get; } = new([]);

    /// <summary>The brackets of the text's characters [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public static EditorialBrackets Of(TokenisedText text, int from, int to)
    {
        var span = text.Original.AsSpan(from, Math.Max(0, to - from));
        if (span.IndexOf('[') < 0)
            return None;
        var found = new List<(TextRange, bool)>();
        foreach (var match in Bracket().EnumerateMatches(span))
        {
            var words = Words().Matches(span.Slice(match.Index + 1, match.Length - 2).ToString()).Select(w => w.Value).ToList();
            if (words.Count > 0)
                found.Add((new TextRange(from + match.Index, match.Length), words.All(RemarkWords.Contains) || GlossWords.Contains(string.Join(' ', words.Take(2))) || GlossWords.Contains(words[0])));
        }
        return new EditorialBrackets(found);
    }

    /// <summary>Whether any bracket was found.</summary>
    public bool Any => brackets.Count > 0;

    /// <summary>The bracket the word stands in, or null.</summary>
    public (TextRange Range, bool IsRemark)? Holding(TokenisedText text, int word)
    {
        foreach (var bracket in brackets)
        {
            if (bracket.Range.Contains(text.RangeOf(word)))
                return bracket;
        }
        return null;
    }

    [GeneratedRegex(@"\[[^\[\]\n]{1,200}\]")]
    private static partial Regex Bracket();

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Words();
}
