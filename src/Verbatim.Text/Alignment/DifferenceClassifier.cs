using System.Text.RegularExpressions;
using Verbatim.Text.Normalisation;
using Verbatim.Text.Tokens;

namespace Verbatim.Text.Alignment;

/// <summary>
/// Names every difference of a local alignment. Consecutive steps that are not matches form one
/// run: a run with words on both sides is a substitution, one with source words only an omission
/// (marked when the quoting text's separator at that place holds an ellipsis, silent otherwise),
/// one with quoting words only an insertion; a run ends at an ellipsis of the quoting text. An
/// ellipsis between two matched words that follow each other in the source leaves nothing out, and
/// is reported as such. An omission and an insertion of the same words are one
/// transposition. Matched words whose originals differ, and the separators between two matched
/// pairs that differ only typographically (curly against straight quotes, a dash against a
/// hyphen), are typographic only. A mark put between two words without a word of its own, such
/// as a polemicist's "(!)" or "(?)", is an insertion where only the quoting text has it and an
/// omission where only the source has it. Other changes of punctuation, and of white space alone,
/// are not reported.
/// Results are in the order of the alignment.
/// </summary>
public static partial class DifferenceClassifier
{
    public static IReadOnlyList<Difference> Classify(LocalAlignment alignment)
    {
        ArgumentNullException.ThrowIfNull(alignment);
        var (source, quoting, steps) = (alignment.Source, alignment.Quoting, alignment.Steps);
        var found = new List<(Difference Difference, string Keys)>();
        // From the separator before the first quoting word to the one after the last, so that a
        // bracket around an edge word is whole.
        var brackets = steps.Count == 0 ? EditorialBrackets.None : EditorialBrackets.Of(quoting,
            alignment.FirstQuotingWord > 0 ? quoting.EndOf(alignment.FirstQuotingWord - 1) : 0,
            alignment.LastQuotingWord + 1 < quoting.Count ? quoting.StartOf(alignment.LastQuotingWord + 1) : quoting.Original.Length);
        var k = 0;
        while (k < steps.Count)
        {
            var step = steps[k];
            if (step.Operation == AlignmentOperation.Match)
            {
                var (s, q) = (step.SourceWord!.Value, step.QuotingWord!.Value);
                if (k > 0 && steps[k - 1].Operation == AlignmentOperation.Match)
                {
                    var separators = (Separator(source, s - 1), Separator(quoting, q - 1));
                    if (OnlyTypographic(source.Original, separators.Item1, quoting.Original, separators.Item2))
                        found.Add((Make(DifferenceKind.TypographicOnly, separators.Item1, separators.Item2), ""));
                    found.AddRange(MarksAddedOrLeftOut(source, separators.Item1, quoting, separators.Item2));
                    if (Ellipses.After(quoting, q - 1) is { } ellipsis && Ellipses.After(source, s - 1) is null)
                        found.Add((Make(DifferenceKind.EmptyEllipsis, new TextRange(separators.Item1.Start, 0), ellipsis), ""));
                }
                var (sourceWord, quotingWord) = (source.RangeOf(s), quoting.RangeOf(q));
                if (sourceWord.Of(source.Original) != quotingWord.Of(quoting.Original))
                    found.Add((Make(DifferenceKind.TypographicOnly, sourceWord, quotingWord), ""));
                k++;
                continue;
            }

            var end = k + 1;
            while (end < steps.Count && steps[end].Operation != AlignmentOperation.Match && !EllipsisBetween(quoting, steps[end - 1], steps[end]))
                end++;
            found.AddRange(ClassifyRun(alignment, brackets, k, end));
            k = end;
        }
        return PairTranspositions(found);

        Difference Make(DifferenceKind kind, TextRange inSource, TextRange inQuoting) =>
            new(kind, inSource, inQuoting, inSource.Of(source.Original), inQuoting.Of(quoting.Original));
    }

    /// <summary>
    /// The run of non-matching steps [first, end). A local alignment starts and ends with a match;
    /// one completed at a quotation's edges (<see cref="QuotationEdges"/>) may start or end with a
    /// run, and one whose runs end at ellipses may have a run next to a run. A side without words
    /// is an empty range at the nearest word's edge before the run, or after it where none is.
    /// Words in an editor's square brackets (<see cref="EditorialBrackets"/>) are an editorial
    /// replacement where they are all the run's quoting words and stand against source words
    /// (unless they are a remark such as "[sic]"), else an editorial insertion, and the rest of
    /// the run is classified without them.
    /// </summary>
    private static IEnumerable<(Difference, string Keys)> ClassifyRun(LocalAlignment alignment, EditorialBrackets brackets, int first, int end) =>
        RunDifferences(alignment, brackets, first, end).OrderBy(d => d.Item1.Quoting.Start);

    private static IEnumerable<(Difference, string Keys)> RunDifferences(LocalAlignment alignment, EditorialBrackets brackets, int first, int end)
    {
        var (source, quoting) = (alignment.Source, alignment.Quoting);
        var run = alignment.Steps.Skip(first).Take(end - first).ToList();
        var sourceWords = run.Where(s => s.SourceWord is not null).Select(s => s.SourceWord!.Value).ToList();
        var quotingWords = run.Where(s => s.QuotingWord is not null).Select(s => s.QuotingWord!.Value).ToList();
        var sourceRange = sourceWords.Count > 0 ? source.Span(sourceWords[0], sourceWords.Count) : new TextRange(Place(alignment, first, end, step => step.SourceWord, source), 0);

        var inBrackets = brackets.Any ? quotingWords.Select(q => brackets.Holding(quoting, q)).ToList() : [];
        if (inBrackets.Any(b => b is not null))
        {
            var used = inBrackets.OfType<(TextRange Range, bool IsRemark)>().Distinct().ToList();
            var bracketed = TextRange.FromBounds(used.Min(b => b.Range.Start), used.Max(b => b.Range.End));
            quotingWords = [.. quotingWords.Where((_, i) => inBrackets[i] is null)];
            if (quotingWords.Count == 0 && sourceWords.Count > 0 && !used.Any(b => b.IsRemark))
            {
                yield return (new Difference(DifferenceKind.EditorialReplacement, sourceRange, bracketed, sourceRange.Of(source.Original), bracketed.Of(quoting.Original)), "");
                yield break;
            }
            var at = new TextRange(Place(alignment, first, end, step => step.SourceWord, source), 0);
            yield return (new Difference(DifferenceKind.EditorialInsertion, at, bracketed, "", bracketed.Of(quoting.Original)), "");
            if (quotingWords.Count == 0 && sourceWords.Count == 0)
                yield break;
        }

        var quotingRange = quotingWords.Count > 0 ? quoting.Span(quotingWords[0], quotingWords.Count) : new TextRange(Place(alignment, first, end, step => step.QuotingWord, quoting), 0);
        DifferenceKind kind;
        string keys;
        if (sourceWords.Count > 0 && quotingWords.Count > 0)
        {
            (kind, keys) = (DifferenceKind.Substitution, "");
        }
        else if (sourceWords.Count > 0)
        {
            var wordBefore = first - 1;
            while (wordBefore >= 0 && alignment.Steps[wordBefore].QuotingWord is null)
                wordBefore--;
            var ellipsis = Ellipses.After(quoting, wordBefore < 0 ? -1 : alignment.Steps[wordBefore].QuotingWord!.Value);
            kind = ellipsis is null ? DifferenceKind.SilentOmission : DifferenceKind.MarkedOmission;
            quotingRange = ellipsis ?? quotingRange;
            keys = string.Join(' ', sourceWords.Select(source.KeyOf));
        }
        else
        {
            kind = DifferenceKind.Insertion;
            keys = string.Join(' ', quotingWords.Select(quoting.KeyOf));
        }
        yield return (new Difference(kind, sourceRange, quotingRange, sourceRange.Of(source.Original), quotingRange.Of(quoting.Original)), keys);
    }

    /// <summary>Where a run with no word on one side stands on that side: after the side's last word before the run, or before its first word after it.</summary>
    private static int Place(LocalAlignment alignment, int first, int end, Func<AlignmentStep, int?> wordOf, TokenisedText text)
    {
        for (var k = first - 1; k >= 0; k--)
        {
            if (wordOf(alignment.Steps[k]) is { } before)
                return text.EndOf(before);
        }
        for (var k = end; k < alignment.Steps.Count; k++)
        {
            if (wordOf(alignment.Steps[k]) is { } after)
                return text.StartOf(after);
        }
        return 0;
    }

    /// <summary>
    /// An omission and an insertion of the same words are one block moved; each omission pairs with
    /// the first unpaired insertion of the same words (or the reverse), and the transposition takes the place of the earlier of the two.
    /// </summary>
    private static List<Difference> PairTranspositions(List<(Difference Difference, string Keys)> found)
    {
        var paired = new HashSet<int>();
        var result = new List<Difference>();
        for (var i = 0; i < found.Count; i++)
        {
            if (paired.Contains(i))
                continue;
            var (difference, keys) = found[i];
            var isOmission = difference.Kind is DifferenceKind.SilentOmission or DifferenceKind.MarkedOmission;
            var isInsertion = difference.Kind is DifferenceKind.Insertion;
            var partner = !(isOmission || isInsertion) ? -1 : Enumerable.Range(i + 1, found.Count - i - 1).FirstOrDefault(
                j => !paired.Contains(j) && found[j].Keys == keys
                    && (isOmission ? found[j].Difference.Kind == DifferenceKind.Insertion
                        : found[j].Difference.Kind is DifferenceKind.SilentOmission or DifferenceKind.MarkedOmission), -1);
            if (partner < 0)
            {
                result.Add(difference);
                continue;
            }
            paired.Add(partner);
            var (omission, insertion) = isOmission ? (difference, found[partner].Difference) : (found[partner].Difference, difference);
            result.Add(new Difference(DifferenceKind.Transposition, omission.Source, insertion.Quoting, omission.SourceReading, insertion.QuotingReading));
        }
        return result;
    }

    /// <summary>
    /// The wordless marks (<see cref="WordlessMark"/>) of one separator that the other does not
    /// hold: the quoting text's as insertions, the source's as omissions, each with an empty range
    /// on the side without it, at the end of the word before.
    /// </summary>
    private static IEnumerable<(Difference, string Keys)> MarksAddedOrLeftOut(TokenisedText source, TextRange inSource, TokenisedText quoting, TextRange inQuoting)
    {
        var sourceMarks = Marks(source.Original, inSource);
        var quotingMarks = Marks(quoting.Original, inQuoting);
        foreach (var mark in quotingMarks.Where(m => !sourceMarks.Any(o => o.Text == m.Text)))
            yield return (new Difference(DifferenceKind.Insertion, new TextRange(inSource.Start, 0), mark.Range, "", mark.Text), mark.Text);
        foreach (var mark in sourceMarks.Where(m => !quotingMarks.Any(o => o.Text == m.Text)))
            yield return (new Difference(DifferenceKind.SilentOmission, mark.Range, new TextRange(inQuoting.Start, 0), mark.Text, ""), mark.Text);

        static List<(TextRange Range, string Text)> Marks(string text, TextRange separator)
        {
            // Only '(' and '[' open one: most separators are a space or a comma and need no search.
            if (separator.Of(text).AsSpan().IndexOfAny('(', '[') < 0)
                return [];
            return [.. WordlessMark().Matches(separator.Of(text)).Select(m => (new TextRange(separator.Start + m.Index, m.Length), m.Value))];
        }
    }

    /// <summary>
    /// Whether the quoting text has an ellipsis between two steps: after the first one's word or
    /// before the second one's. A run of differences ends there, so that words a quotation changed
    /// next to an ellipsis are not taken together with the words the ellipsis leaves out.
    /// </summary>
    private static bool EllipsisBetween(TokenisedText quoting, AlignmentStep earlier, AlignmentStep later) =>
        (earlier.QuotingWord is { } before && Ellipses.After(quoting, before) is not null)
        || (later.QuotingWord is { } after && after > 0 && Ellipses.After(quoting, after - 1) is not null);

    /// <summary>The original characters between a word and the next one.</summary>
    private static TextRange Separator(TokenisedText text, int word) =>
        TextRange.FromBounds(text.EndOf(word), text.StartOf(word + 1));

    /// <summary>
    /// Separators that differ only in their white space (a line break for a space, a run of
    /// spaces) differ in layout, not in what is printed, and are not a difference at all.
    /// </summary>
    private static bool OnlyTypographic(string sourceText, TextRange source, string quotingText, TextRange quoting)
    {
        var (a, b) = (Collapsed(source.Of(sourceText)), Collapsed(quoting.Of(quotingText)));
        return a != b && Folded(a) == Folded(b);
    }

    private static string Collapsed(string separator) => Whitespace().Replace(separator, " ");

    private static string Folded(string separator) =>
        Collapsed(Normaliser.Normalise(separator, NormalisationLayers.Nfc | NormalisationLayers.Typography).Text);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>An exclamation or question mark in round or square brackets, with nothing else: "(!)", "(?)", "[!]", "(!?)".</summary>
    [GeneratedRegex(@"[(\[][!?]+[)\]]")]
    private static partial Regex WordlessMark();
}
