using Verbatim.Model;
using Verbatim.Text.Alignment;
using Verbatim.Text.Normalisation;
using Verbatim.Text.Tokens;

namespace Verbatim.Quoting;

/// <summary>A run of one side's passage: equal text (<see cref="DifferenceType"/> null) or the reading of one difference; an empty run marks where the other side has words this one lacks.</summary>
public sealed record PassageSegment(string Text, string? DifferenceType);

/// <summary>A quote link's two passages aligned again word by word, each cut into runs at its differences, for reading side by side.</summary>
public sealed record AlignedPassage(
    QuoteLink Link,
    IReadOnlyList<PassageSegment> Source,
    IReadOnlyList<PassageSegment> Target,
    IReadOnlyList<QuoteDifference> Differences);

public static class PassageAlignment
{
    /// <summary>
    /// Aligns the link's source passage with its target passage (the documents' body texts at the
    /// versions the link was found in). Only the words inside the two ranges take part, so the
    /// differences shown are those of the passage the link names.
    /// </summary>
    public static AlignedPassage Align(QuoteLink link, Document source, Document target)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        var differences = Differences(source.BodyText, new TextRange(link.SourceStart, link.SourceLength), target.BodyText, new TextRange(link.TargetStart, link.TargetLength));
        return new AlignedPassage(
            link,
            Segments(source.BodyText, new TextRange(link.SourceStart, link.SourceLength), differences.Select(d => (d.Source, QuoteDifference.TypeName(d.Kind)))),
            Segments(target.BodyText, new TextRange(link.TargetStart, link.TargetLength), differences.Select(d => (d.Quoting, QuoteDifference.TypeName(d.Kind)))),
            [.. differences.Select(QuoteDifference.Of)]);
    }

    /// <summary>
    /// The differences between the words inside <paramref name="sourceRange"/> of one text and those
    /// inside <paramref name="targetRange"/> of another, every range of them an offset into its whole text.
    /// </summary>
    public static IReadOnlyList<Difference> Differences(string source, TextRange sourceRange, string target, TextRange targetRange)
    {
        var sourceText = Tokeniser.Tokenise(source);
        var targetText = Tokeniser.Tokenise(target);
        var (sourceFirst, sourceCount) = WordsWithin(sourceText, sourceRange);
        var (targetFirst, targetCount) = WordsWithin(targetText, targetRange);
        return DifferenceClassifier.Classify(ChainedAligner.Align(sourceText, sourceFirst, sourceCount, targetText, targetFirst, targetCount));
    }

    private static (int First, int Count) WordsWithin(TokenisedText text, TextRange range)
    {
        // Words are in text order, so those inside the range are one run of them.
        var first = 0;
        while (first < text.Count && !range.Contains(text.RangeOf(first)))
            first++;
        var end = first;
        while (end < text.Count && range.Contains(text.RangeOf(end)))
            end++;
        return first == text.Count ? (0, 0) : (first, end - first);
    }

    /// <summary>The passage cut at the differences' ranges on this side, each marked with its type; ranges outside the passage or overlapping an earlier one are left out.</summary>
    public static IReadOnlyList<PassageSegment> Segments(string text, TextRange passage, IEnumerable<(TextRange Range, string Type)> marks)
    {
        var segments = new List<PassageSegment>();
        var position = passage.Start;
        foreach (var (range, type) in marks.Where(m => passage.Contains(m.Range)).OrderBy(m => m.Range.Start).ThenBy(m => m.Range.Length))
        {
            if (range.Start < position)
                continue;
            if (range.Start > position)
                segments.Add(new PassageSegment(text[position..range.Start], null));
            segments.Add(new PassageSegment(range.Of(text), type));
            position = range.End;
        }
        if (position < passage.End)
            segments.Add(new PassageSegment(text[position..passage.End], null));
        return segments;
    }
}
