using Verbatim.Text.Alignment;
using Verbatim.Text.Collation;
using Verbatim.Text.Normalisation;
using Verbatim.Text.Tokens;

namespace Verbatim.Text.Testimonies;

/// <summary>
/// Compares two testimonies that are not copies of one another, sentence by sentence.
/// </summary>
/// <remarks>
/// Each sentence is reduced to its content words: its words' normal keys (case, typography and
/// script folded), a possessive "'s" dropped, without function words and single letters. A word
/// weighs more the fewer sentences of the two texts hold it (ln(1 + N / df)), so "Stalin", in
/// nearly every sentence of the Ulyanova statements, pairs nothing by itself. Two sentences are
/// as alike as the weighted Dice coefficient of their content words. Pairs are taken best first,
/// each sentence once, from <see cref="PairThreshold"/> up, in any order on either side
/// (testimonies reorder); then a sentence left over joins the item of its neighbour on its own
/// side when it is at least <see cref="JoinThreshold"/> alike to a sentence of that item's other
/// side (one long sentence said as two). The words of each item are collated (the collation
/// engine, one global alignment) and every run of columns where the two do not read alike is a
/// difference. Then <see cref="DisagreementRules"/> names the pairs that disagree.
/// </remarks>
public static class TestimonyComparer
{
    public const double PairThreshold = 0.25;
    public const double JoinThreshold = 0.15;

    /// <summary>Two sentences pair only when they share this many content words (or all of the shorter one's): one rare word in common ("remained") is chance.</summary>
    public const int MinimumSharedWords = 2;

    /// <summary>Paired sentences are shared, not reworded, when at most this share of their words is unmatched.</summary>
    public const double SharedTolerance = 0.1;

    /// <summary>Content words compare by their first letters only: "opposition" and "oppositional", "valued" and "value" are one word.</summary>
    public const int StemLength = 5;

    public static TestimonyComparison Compare(string textA, string textB, TextRange? withinA = null, TextRange? withinB = null)
    {
        ArgumentNullException.ThrowIfNull(textA);
        ArgumentNullException.ThrowIfNull(textB);
        var (sentencesA, sentencesB) = (SentenceSplitter.Split(textA, withinA), SentenceSplitter.Split(textB, withinB));
        var (wordsA, wordsB) = (Tokeniser.Tokenise(textA), Tokeniser.Tokenise(textB));
        var (tokensA, tokensB) = (WordsOf(wordsA, sentencesA), WordsOf(wordsB, sentencesB));
        var (contentA, contentB) = (tokensA.Select(t => ContentWords(wordsA, t)).ToList(), tokensB.Select(t => ContentWords(wordsB, t)).ToList());
        var weights = Weights([.. contentA, .. contentB]);
        var similarity = new double[sentencesA.Count, sentencesB.Count];
        for (var a = 0; a < sentencesA.Count; a++)
        {
            for (var b = 0; b < sentencesB.Count; b++)
                similarity[a, b] = Dice(contentA[a], contentB[b], weights);
        }

        var groups = Pair(similarity, sentencesA.Count, sentencesB.Count, (a, b) => contentA[a].Count(contentB[b].Contains) is var shared && shared > 0
            && shared >= Math.Min(MinimumSharedWords, Math.Min(contentA[a].Count, contentB[b].Count)));
        var items = new List<TestimonyItem>();
        foreach (var (a, b) in groups)
        {
            if (a.Count == 0 || b.Count == 0)
            {
                var alone = a.Count > 0 ? TestimonyRelation.OnlyInA : TestimonyRelation.OnlyInB;
                var sentence = a.Count > 0 ? sentencesA[a[0]] : sentencesB[b[0]];
                // The other side's empty range is placed once the rows are in order.
                items.Add(new TestimonyItem(alone, [.. a.Select(x => sentencesA[x])], [.. b.Select(y => sentencesB[y])],
                    a.Count > 0 ? sentence.Range : default, b.Count > 0 ? sentence.Range : default, 0, [], null));
                continue;
            }
            var differences = WordDifferences(wordsA, Span(tokensA, a), wordsB, Span(tokensB, b), out var unmatched, out var words);
            var rangeA = TextRange.FromBounds(sentencesA[a[0]].Range.Start, sentencesA[a[^1]].Range.End);
            var rangeB = TextRange.FromBounds(sentencesB[b[0]].Range.Start, sentencesB[b[^1]].Range.End);
            var disagreement = DisagreementRules.Find(wordsA, rangeA, wordsB, rangeB, differences);
            var relation = disagreement is not null ? TestimonyRelation.Disagreeing
                : unmatched <= SharedTolerance * words ? TestimonyRelation.Shared
                : TestimonyRelation.Reworded;
            var alike = a.SelectMany(x => b.Select(y => similarity[x, y])).Max();
            items.Add(new TestimonyItem(relation, [.. a.Select(x => sentencesA[x])], [.. b.Select(y => sentencesB[y])], rangeA, rangeB, alike, differences, disagreement));
        }
        return new TestimonyComparison(textA, textB, sentencesA, sentencesB, Ordered(items, sentencesA, sentencesB, withinA, withinB));
    }

    /// <summary>Each sentence's words: the first and the count of the words inside its range.</summary>
    private static List<(int First, int Count)> WordsOf(TokenisedText words, IReadOnlyList<Sentence> sentences)
    {
        var found = new List<(int First, int Count)>(sentences.Count);
        var word = 0;
        foreach (var sentence in sentences)
        {
            while (word < words.Count && words.StartOf(word) < sentence.Range.Start)
                word++;
            var first = word;
            while (word < words.Count && words.EndOf(word) <= sentence.Range.End)
                word++;
            found.Add((first, word - first));
        }
        return found;
    }

    private static (int First, int Count) Span(List<(int First, int Count)> tokens, List<int> sentences)
        => (tokens[sentences[0]].First, tokens[sentences[^1]].First + tokens[sentences[^1]].Count - tokens[sentences[0]].First);

    private static HashSet<string> ContentWords(TokenisedText words, (int First, int Count) span)
    {
        var content = new HashSet<string>(StringComparer.Ordinal);
        for (var w = span.First; w < span.First + span.Count; w++)
        {
            var key = words.KeyOf(w);
            if (key.EndsWith("'s", StringComparison.Ordinal))
                key = key[..^2];
            if (key.Length > 1 && !FunctionWords.Contains(key))
                content.Add(key.Length > StemLength ? key[..StemLength] : key);
        }
        return content;
    }

    private static Dictionary<string, double> Weights(List<HashSet<string>> sentences)
    {
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in sentences.SelectMany(s => s))
            frequency[word] = frequency.GetValueOrDefault(word) + 1;
        return frequency.ToDictionary(f => f.Key, f => Math.Log(1 + (double)sentences.Count / f.Value), StringComparer.Ordinal);
    }

    private static double Dice(HashSet<string> a, HashSet<string> b, Dictionary<string, double> weights)
    {
        var total = a.Sum(w => weights[w]) + b.Sum(w => weights[w]);
        return total == 0 ? 0 : 2 * a.Where(b.Contains).Sum(w => weights[w]) / total;
    }

    /// <summary>The items as groups of sentence indices: pairs best first, then neighbours joined, then every sentence left over alone.</summary>
    private static List<(List<int> A, List<int> B)> Pair(double[,] similarity, int countA, int countB, Func<int, int, bool> shareEnough)
    {
        var groupOfA = new int[countA];
        var groupOfB = new int[countB];
        Array.Fill(groupOfA, -1);
        Array.Fill(groupOfB, -1);
        var groups = new List<(List<int> A, List<int> B)>();
        var candidates = from a in Enumerable.Range(0, countA)
                         from b in Enumerable.Range(0, countB)
                         where similarity[a, b] >= PairThreshold && shareEnough(a, b)
                         orderby similarity[a, b] descending, a, b
                         select (a, b);
        foreach (var (a, b) in candidates)
        {
            if (groupOfA[a] >= 0 || groupOfB[b] >= 0)
                continue;
            groupOfA[a] = groupOfB[b] = groups.Count;
            groups.Add(([a], [b]));
        }
        for (var joined = true; joined;)
        {
            joined = false;
            for (var a = 0; a < countA; a++)
            {
                if (groupOfA[a] < 0 && Neighbour(groupOfA, a, g => groups[g].B.Any(b => similarity[a, b] >= JoinThreshold)) is { } g)
                    (groupOfA[a], joined) = (g, Join(groups[g].A, a));
            }
            for (var b = 0; b < countB; b++)
            {
                if (groupOfB[b] < 0 && Neighbour(groupOfB, b, g => groups[g].A.Any(a => similarity[a, b] >= JoinThreshold)) is { } g)
                    (groupOfB[b], joined) = (g, Join(groups[g].B, b));
            }
        }
        for (var a = 0; a < countA; a++)
        {
            if (groupOfA[a] < 0)
                groups.Add(([a], []));
        }
        for (var b = 0; b < countB; b++)
        {
            if (groupOfB[b] < 0)
                groups.Add(([], [b]));
        }
        return groups;

        // The group of the sentence before or after, where it takes this one.
        static int? Neighbour(int[] groupOf, int at, Func<int, bool> takes)
        {
            foreach (var next in new[] { at - 1, at + 1 })
            {
                if (next >= 0 && next < groupOf.Length && groupOf[next] >= 0 && takes(groupOf[next]))
                    return groupOf[next];
            }
            return null;
        }

        static bool Join(List<int> group, int sentence)
        {
            group.Add(sentence);
            group.Sort();
            return true;
        }
    }

    /// <summary>
    /// The word differences of two spans, by collating their words' keys: each run of columns
    /// where the two do not read alike is one difference. <paramref name="unmatched"/> counts the
    /// words of both sides in those runs, <paramref name="words"/> the words of the longer side.
    /// </summary>
    private static List<Difference> WordDifferences(TokenisedText a, (int First, int Count) spanA, TokenisedText b, (int First, int Count) spanB, out int unmatched, out int words)
    {
        words = Math.Max(spanA.Count, spanB.Count);
        unmatched = 0;
        var differences = new List<Difference>();
        if (spanA.Count == 0 && spanB.Count == 0)
            return differences;
        var collation = Collator.Collate([
            new Witness("A", [.. Enumerable.Range(spanA.First, spanA.Count).Select(a.KeyOf)]),
            new Witness("B", [.. Enumerable.Range(spanB.First, spanB.Count).Select(b.KeyOf)])]);
        var (nextA, nextB) = (spanA.First, spanB.First);
        var (endA, endB) = (spanA.Count > 0 ? a.StartOf(spanA.First) : 0, spanB.Count > 0 ? b.StartOf(spanB.First) : 0);
        var column = 0;
        while (column < collation.ColumnCount)
        {
            if (collation.Agrees(column))
            {
                (endA, endB) = (a.EndOf(nextA++), b.EndOf(nextB++));
                column++;
                continue;
            }
            var (firstA, firstB) = (nextA, nextB);
            for (; column < collation.ColumnCount && !collation.Agrees(column); column++)
            {
                nextA += collation.Table[0][column] is null ? 0 : 1;
                nextB += collation.Table[1][column] is null ? 0 : 1;
            }
            var inA = nextA > firstA ? a.Span(firstA, nextA - firstA) : new TextRange(endA, 0);
            var inB = nextB > firstB ? b.Span(firstB, nextB - firstB) : new TextRange(endB, 0);
            var kind = inA.IsEmpty ? DifferenceKind.Insertion : inB.IsEmpty ? DifferenceKind.SilentOmission : DifferenceKind.Substitution;
            differences.Add(new Difference(kind, inA, inB, inA.Of(a.Original), inB.Of(b.Original)));
            unmatched += nextA - firstA + nextB - firstB;
            (endA, endB) = (inA.End, inB.End);
        }
        return differences;
    }

    /// <summary>
    /// The items in A's order; each of B's one-sided sentences after the row holding the B
    /// sentence before it (first where none does) and after A's one-sided rows that follow that row, and one-sided items given an empty range in
    /// the other witness after the row they follow.
    /// </summary>
    private static List<TestimonyItem> Ordered(List<TestimonyItem> items, IReadOnlyList<Sentence> sentencesA, IReadOnlyList<Sentence> sentencesB, TextRange? withinA, TextRange? withinB)
    {
        var rows = items.Where(i => i.InA.Count > 0).OrderBy(i => i.InA[0].Index).ToList();
        foreach (var onlyB in items.Where(i => i.InA.Count == 0).OrderBy(i => i.InB[0].Index))
        {
            var before = onlyB.InB[0].Index - 1;
            var at = before < 0 ? 0 : rows.FindIndex(r => r.InB.Any(s => s.Index == before)) + 1;
            while (at < rows.Count && rows[at].InB.Count == 0)
                at++;
            rows.Insert(at, onlyB);
        }
        var (placeA, placeB) = (sentencesA.Count > 0 ? sentencesA[0].Range.Start : withinA?.Start ?? 0, sentencesB.Count > 0 ? sentencesB[0].Range.Start : withinB?.Start ?? 0);
        for (var k = 0; k < rows.Count; k++)
        {
            var row = rows[k];
            if (row.InA.Count == 0)
                rows[k] = row = row with { RangeA = new TextRange(placeA, 0) };
            if (row.InB.Count == 0)
                rows[k] = row = row with { RangeB = new TextRange(placeB, 0) };
            (placeA, placeB) = (row.RangeA.End, row.RangeB.End);
        }
        return rows;
    }

    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "the", "of", "and", "to", "in", "on", "at", "by", "for", "with", "from", "about", "as", "into", "onto", "towards", "toward",
        "that", "this", "these", "those", "which", "who", "whom", "whose", "what", "when", "where", "why", "how", "there", "here",
        "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "having", "do", "does", "did", "done",
        "will", "would", "shall", "should", "can", "could", "may", "might", "must", "it", "its", "he", "him", "his", "she", "her",
        "hers", "they", "them", "their", "we", "us", "our", "you", "your", "my", "me", "mine", "an", "or", "but", "if", "so",
        "than", "then", "also", "even", "such", "all", "any", "some", "each", "every", "other", "others", "only", "very", "much",
        "more", "most", "one", "up", "out", "over", "after", "before", "during", "between", "while", "till", "until", "again",
        "same", "own", "just", "too", "both", "either", "because", "though", "although", "whether", "not", "no", "never", "nor",
        "yet", "still", "himself", "herself", "itself", "themselves", "myself",
    };
}
