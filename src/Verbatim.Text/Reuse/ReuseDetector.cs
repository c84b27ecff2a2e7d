using System.Buffers;
using System.Runtime.CompilerServices;
using Verbatim.Searching;
using Verbatim.Text.Alignment;
using Verbatim.Text.Fingerprints;
using Verbatim.Text.Tokens;

namespace Verbatim.Text.Reuse;

/// <summary>
/// Finds every passage that one document shares with another, or with itself at another place.
/// Candidates come from the fingerprint index: equal word runs that lie close together on both
/// sides form one candidate; the candidate, widened by a margin, is aligned locally and the
/// alignment chained with its neighbours across reordered clauses (<see cref="ChainedAligner"/>); an alignment
/// with enough equal words is a passage, and its differences are classified with the earlier text
/// as the source. Hits the alignment covers are spent; the rest of a candidate is aligned again, so
/// one candidate can yield several passages.
///
/// A document is compared with itself too, because a page can give one text twice (seed 003 gives
/// Krupskaya's 1936 passage in two translations). Within one document the earlier place is the
/// source, and the source window always ends before the target window starts, so a passage never
/// overlaps its own reuse.
/// </summary>
public sealed class ReuseDetector(ReuseOptions? options = null, FingerprintScheme? scheme = null, AlignmentScoring? scoring = null)
{
    private readonly ReuseOptions options = options ?? ReuseOptions.Default;
    private readonly FingerprintScheme scheme = scheme ?? FingerprintScheme.Default;
    private readonly AlignmentScoring scoring = scoring ?? AlignmentScoring.Default;

    /// <summary>
    /// Passages in the order of the documents given (by the first of each pair), then of their place in it.
    /// Documents are tokenised, and pairs of documents aligned, on every core; each document's
    /// passages are collected apart and joined in the order given, so the result does not depend
    /// on the schedule.
    /// </summary>
    public IReadOnlyList<ReusePassage> Detect(IEnumerable<ReuseDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var given = documents.ToList();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var document in given)
        {
            if (!ids.Add(document.Id))
                throw new ArgumentException($"Document id '{document.Id}' is given twice.", nameof(documents));
        }
        var sides = new Side[given.Count];
        var hashes = new ArraySegment<ulong>[given.Count];
        Parallel.For(0, given.Count, k =>
        {
            sides[k] = new Side(given[k], Tokeniser.Tokenise(given[k].Text));
            hashes[k] = Slab<ulong>.Take(scheme.RunCount(sides[k].Text));
            scheme.Hashes(sides[k].Text, hashes[k]);
        });
        var hits = PairHits.Of(hashes, options.MaximumOccurrences);

        var found = new List<ReusePassage>[given.Count];
        Parallel.For(0, given.Count, a => found[a] = PassagesOf(sides, a, hits.Of(a)));
        var indexOf = Enumerable.Range(0, given.Count).ToDictionary(k => given[k].Id, StringComparer.Ordinal);
        var threshold = Boilerplate.Threshold(given.Count, options.MaximumOccurrences);
        var marked = WithBoilerplate([.. found.SelectMany(passages => passages)], hashes, indexOf, hits, threshold);
        var steps = WordSteps.Count([.. sides.Select(s => s.Text)], EqualWords(marked.Where(p => !p.IsBoilerplate)), threshold);
        return steps is null ? marked : [.. marked.Where(p => p.IsBoilerplate || !IsChance(p.Alignment, steps))];
    }

    /// <summary>
    /// The passages with those marked that are boilerplate in the collection (<see cref="Boilerplate"/>),
    /// by how many documents hold each run of the passage's source side.
    /// </summary>
    private List<ReusePassage> WithBoilerplate(List<ReusePassage> passages, ArraySegment<ulong>[] hashes, Dictionary<string, int> indexOf, PairHits hits, int threshold) =>
        [.. passages.Select(p => Boilerplate.Holds(HoldersOf(SourceRuns(p, hashes[indexOf[p.SourceId]]), hits), threshold) ? p with { IsBoilerplate = true } : p)];

    /// <summary>Each equal word of the passages, on both sides, as a word of its text.</summary>
    private static IEnumerable<(TokenisedText Text, int Word)> EqualWords(IEnumerable<ReusePassage> passages)
    {
        foreach (var alignment in passages.Select(p => p.Alignment))
        {
            foreach (var step in alignment.Steps.Where(s => s.Operation == AlignmentOperation.Match))
            {
                yield return (alignment.Source, step.SourceWord!.Value);
                yield return (alignment.Quoting, step.QuotingWord!.Value);
            }
        }
    }

    private static IEnumerable<int> HoldersOf(ArraySegment<ulong> runs, PairHits hits)
    {
        foreach (var run in runs)
            yield return hits.HoldersOf(run);
    }

    /// <summary>The hashes of the runs that start within the passage's source side and end within it.</summary>
    private ArraySegment<ulong> SourceRuns(ReusePassage passage, ArraySegment<ulong> sourceHashes)
    {
        var alignment = passage.Alignment;
        var first = Math.Min(alignment.FirstSourceWord, sourceHashes.Count);
        var end = Math.Min(alignment.LastSourceWord - scheme.WordsPerGram + 2, sourceHashes.Count);
        return sourceHashes.Slice(first, Math.Max(0, end - first));
    }

    /// <summary>The passages document <paramref name="a"/> shares with its partners, from its hits, in the order of the partners.</summary>
    // Compiled optimised at the first call: a one-off run over an archive otherwise spends much of
    // its time in this loop's unoptimised first compilation.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private List<ReusePassage> PassagesOf(Side[] sides, int a, ReadOnlySpan<PairHits.Hit> own)
    {
        var found = new List<ReusePassage>();
        for (var first = 0; first < own.Length;)
        {
            var partner = own[first].Partner;
            var end = first + 1;
            while (end < own.Length && own[end].Partner == partner)
                end++;
            // Most pairs of documents share a common run or two by chance: the check costs less
            // than grouping their hits into candidates. A pair's hits are in order of A.
            var wordsA = ArrayPool<int>.Shared.Rent(end - first);
            for (var k = first; k < end; k++)
                wordsA[k - first] = own[k].WordA;
            var mayHold = CoverEnoughWords(wordsA.AsSpan(0, end - first));
            ArrayPool<int>.Shared.Return(wordsA);
            if (mayHold)
            {
                var pairs = new WordPair[end - first];
                for (var k = first; k < end; k++)
                    pairs[k - first] = new WordPair(own[k].WordA, own[k].WordB);
                found.AddRange(PassagesBetween(sides[a], sides[partner], pairs));
            }
            first = end;
        }
        return found;
    }

    /// <summary>
    /// Ingest-time detection: adds (or replaces) one document in an index that holds the archive's
    /// fingerprints, and finds the passages it shares with the documents already there and with
    /// itself. <paramref name="resolve"/> gives the text of a document the index names. Where dates
    /// do not decide, the document whose id sorts first (ordinal) is the source, so that what is found
    /// between two documents does not depend on which arrived first. The index must have been
    /// made under this detector's fingerprint scheme.
    /// </summary>
    public IReadOnlyList<ReusePassage> DetectFor(ReuseDocument added, FingerprintIndex index, Func<string, ReuseDocument> resolve)
    {
        ArgumentNullException.ThrowIfNull(added);
        ArgumentNullException.ThrowIfNull(index);
        if (index.Scheme != scheme)
            throw new ArgumentException($"The index was made under {index.Scheme.Version}, not {scheme.Version}.", nameof(index));
        var text = Tokeniser.Tokenise(added.Text);
        return DetectFor(added, text, index.Add(added.Id, text), index, resolve);
    }

    /// <summary>
    /// Ingest-time detection against fingerprints kept elsewhere (a catalog): the lookup already
    /// holds <paramref name="addedFingerprints"/>, made from <paramref name="addedText"/> under this
    /// detector's scheme, beside the archive's other documents.
    /// </summary>
    public IReadOnlyList<ReusePassage> DetectFor(ReuseDocument added, TokenisedText addedText, IReadOnlyList<Fingerprint> addedFingerprints,
        IFingerprintLookup lookup, Func<string, ReuseDocument> resolve)
    {
        ArgumentNullException.ThrowIfNull(added);
        ArgumentNullException.ThrowIfNull(resolve);
        return PassagesWithArchive(new Side(added, addedText), addedFingerprints, lookup, resolve);
    }

    /// <summary>
    /// A text from outside the archive (a quotation to check) against the documents the lookup
    /// holds: the passages it shares with the documents that share the most of its word runs (at
    /// least half as many as the best of them, and at most <paramref name="maximumDocuments"/>),
    /// each document the source. Only a window of each document around its hits is read and
    /// aligned, found by the hits' character offsets, so a long document costs no more than a
    /// short one. The quotation's id must name no document of the archive.
    /// </summary>
    public IReadOnlyList<QuotationPassage> DetectIn(ReuseDocument quotation, IFingerprintLookup lookup, Func<string, ReuseDocument> resolve, int maximumDocuments)
    {
        ArgumentNullException.ThrowIfNull(quotation);
        ArgumentNullException.ThrowIfNull(lookup);
        ArgumentNullException.ThrowIfNull(resolve);
        var quoting = new Side(quotation, Tokeniser.Tokenise(quotation.Text));
        var own = scheme.Fingerprints(quotation.Id, quoting.Text).ToList();
        var byHash = lookup.Lookup([.. own.Select(f => f.Hash).Distinct()], options.MaximumOccurrences + 1)
            .GroupBy(f => f.Hash)
            .Where(g => g.Count() <= options.MaximumOccurrences)
            .ToDictionary(g => g.Key, g => g.ToList());
        var byDocument = own
            .SelectMany(o => byHash.TryGetValue(o.Hash, out var others) ? others.Select(other => (Own: o, Other: other)) : [])
            .GroupBy(h => h.Other.DocumentId, StringComparer.Ordinal)
            .Select(g => (Id: g.Key, Hits: g.ToList(), Shared: g.Select(h => h.Own.FirstWord).Distinct().Count()))
            .ToList();
        if (byDocument.Count == 0)
            return [];

        // A run of five words shared by chance is common; a document that shares less than half
        // of what the best one shares is not a source worth aligning.
        var best = byDocument.Max(d => d.Shared);
        var candidates = byDocument.Where(d => 2 * d.Shared >= best)
            .OrderByDescending(d => d.Shared).ThenBy(d => d.Id, StringComparer.Ordinal)
            .Take(maximumDocuments);
        var passages = new List<QuotationPassage>();
        foreach (var (id, hits, _) in candidates)
        {
            var document = resolve(id);
            var (start, end) = TextWindow.Around(document.Text, hits.Min(h => h.Other.Start), hits.Max(h => h.Other.Start));
            var windowText = Tokeniser.Tokenise(document.Text[start..end]);
            var wordAt = Enumerable.Range(0, windowText.Count).ToDictionary(w => start + windowText.StartOf(w));
            var rebased = hits.Where(h => wordAt.ContainsKey(h.Other.Start))
                .Select(h => new WordPair(wordAt[h.Other.Start], h.Own.FirstWord))
                .ToArray();
            var window = new Side(document with { Text = windowText.Original }, windowText);
            passages.AddRange(PassagesBetween(window, quoting, rebased, checking: true).Select(p => new QuotationPassage(id, start, p.Alignment)));
        }
        return passages;
    }

    private List<ReusePassage> PassagesWithArchive(Side added, IReadOnlyList<Fingerprint> fingerprints, IFingerprintLookup lookup,
        Func<string, ReuseDocument> resolve)
    {
        var hitsByDocument = FingerprintIndex.HitsOf(added.Document.Id, fingerprints, lookup, options.MaximumOccurrences)
            .GroupBy(h => h.DocumentB, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        var passages = new List<ReusePassage>();
        foreach (var hits in hitsByDocument)
        {
            var addedFirst = hits.Select(h => new WordPair(h.WordA, h.WordB)).ToArray();
            if (hits.Key == added.Document.Id)
            {
                passages.AddRange(PassagesBetween(added, added, addedFirst));
                continue;
            }
            // The document whose id sorts first is the first side, the source where dates do not
            // decide, so that what is found (the check below included) does not depend on which of
            // the two arrived first.
            var addedIsFirst = string.CompareOrdinal(added.Document.Id, hits.Key) < 0;
            var oriented = addedIsFirst ? addedFirst : [.. addedFirst.Select(h => new WordPair(h.WordB, h.WordA))];
            // Reading and tokenising the other text costs far more than this check: most documents
            // that share anything with a new one share one run of five words by chance.
            if (!Candidates(oriented).Any(MayHoldPassage))
                continue;
            var otherDocument = resolve(hits.Key);
            var other = new Side(otherDocument, Tokeniser.Tokenise(otherDocument.Text));
            passages.AddRange(addedIsFirst ? PassagesBetween(added, other, oriented) : PassagesBetween(other, added, oriented));
        }
        return passages;
    }

    private readonly record struct Side(ReuseDocument Document, TokenisedText Text);

    /// <summary>A word of A and a word of B that start the same run.</summary>
    private readonly record struct WordPair(int WordA, int WordB);

    /// <param name="checking">
    /// Whether B is a quotation being checked rather than a text of the collection: its edges are
    /// completed word by word later and it is wanted however common its words, so its passages
    /// are neither cut back to where the agreement stops (<see cref="Trimmed"/>) nor judged as
    /// chance (<see cref="IsChance"/>).
    /// </param>
    private List<ReusePassage> PassagesBetween(Side a, Side b, WordPair[] hits, bool checking = false)
    {
        var passages = new List<ReusePassage>();
        var spans = new List<(int FirstA, int LastA, int FirstB, int LastB)>();
        foreach (var candidate in Candidates(hits))
        {
            if (!MayHoldPassage(candidate))
                continue;
            var remaining = candidate;
            while (remaining.Count > 0)
            {
                var (alignment, sourceIsA) = AlignWindow(a, b, remaining);
                if (alignment.IsEmpty)
                    break;
                var (firstA, lastA, firstB, lastB) = sourceIsA
                    ? (alignment.FirstSourceWord, alignment.LastSourceWord, alignment.FirstQuotingWord, alignment.LastQuotingWord)
                    : (alignment.FirstQuotingWord, alignment.LastQuotingWord, alignment.FirstSourceWord, alignment.LastSourceWord);
                // Hits the alignment covers are spent; what is left of the candidate is aligned again.
                if (remaining.RemoveAll(h => h.WordA >= firstA && h.WordA <= lastA && h.WordB >= firstB && h.WordB <= lastB) == 0)
                    break;

                var overlapsFound = spans.Any(s => s.FirstA <= lastA && firstA <= s.LastA && s.FirstB <= lastB && firstB <= s.LastB);
                if (!checking)
                    alignment = Trimmed(alignment);
                if (alignment.MatchedWords < options.MinimumMatchedWords || overlapsFound || !checking && IsChance(alignment))
                    continue;
                spans.Add((firstA, lastA, firstB, lastB));
                var (source, target) = sourceIsA ? (a, b) : (b, a);
                passages.Add(new ReusePassage(
                    source.Document.Id, target.Document.Id, Direction(a.Document, b.Document),
                    alignment.SourceRange, alignment.QuotingRange, alignment));
            }
        }
        return [.. passages.OrderBy(p => p.SourceId == a.Document.Id ? p.Source.Start : p.Target.Start)];
    }

    /// <summary>
    /// Whether the hits' shared runs cover at least <see cref="ReuseOptions.MinimumMatchedWords"/>
    /// words of A; else they are not aligned. Most candidates in a large collection are one common
    /// five-word run shared by chance, which alignment would reject after filling a window; a
    /// quotation of that length with a change inside its first five words (so one run only) is
    /// what this gives up.
    /// </summary>
    private bool MayHoldPassage(IReadOnlyList<WordPair> hits)
    {
        var words = new int[hits.Count];
        for (var k = 0; k < words.Length; k++)
            words[k] = hits[k].WordA;
        Array.Sort(words);
        return CoverEnoughWords(words);
    }

    /// <summary><see cref="MayHoldPassage"/> for the words of A at which shared runs start, in order.</summary>
    private bool CoverEnoughWords(ReadOnlySpan<int> orderedWordsA)
    {
        var (covered, reached) = (0, int.MinValue);
        foreach (var word in orderedWordsA)
        {
            covered += word + scheme.WordsPerGram - Math.Max(word, reached);
            reached = word + scheme.WordsPerGram;
            if (covered >= options.MinimumMatchedWords)
                return true;
        }
        return false;
    }

    /// <summary>
    /// Hits in order of their place in A; a hit joins the most recent candidate whose last hit lies
    /// within the hit distance on both sides (in either direction on B, so a moved block stays in),
    /// as long as the candidate stays within the window length.
    /// </summary>
    private List<List<WordPair>> Candidates(WordPair[] hits)
    {
        var ordered = (WordPair[])hits.Clone();
        Array.Sort([.. ordered.Select(h => ((long)h.WordA << 32) | (uint)h.WordB)], ordered);
        var candidates = new List<List<WordPair>>();
        var open = new List<List<WordPair>>();
        foreach (var hit in ordered)
        {
            // Candidates whose last hit lies too far behind in A take no more hits.
            var kept = 0;
            for (var k = 0; k < open.Count; k++)
            {
                if (hit.WordA - open[k][^1].WordA <= options.MaximumHitDistance)
                    open[kept++] = open[k];
            }
            open.RemoveRange(kept, open.Count - kept);
            List<WordPair>? joined = null;
            for (var k = open.Count - 1; k >= 0 && joined is null; k--)
            {
                var c = open[k];
                if (Math.Abs(hit.WordB - c[^1].WordB) <= options.MaximumHitDistance
                    && hit.WordA - c[0].WordA < options.MaximumWindowWords
                    && Math.Abs(hit.WordB - c[0].WordB) < options.MaximumWindowWords)
                    joined = c;
            }
            if (joined is null)
            {
                joined = [];
                candidates.Add(joined);
                open.Add(joined);
            }
            joined.Add(hit);
        }
        return candidates;
    }

    /// <summary>Aligns the window around the hits, with the earlier text as the source.</summary>
    private (LocalAlignment Alignment, bool SourceIsA) AlignWindow(Side a, Side b, List<WordPair> hits)
    {
        var (minimumA, maximumA, minimumB, maximumB) = (int.MaxValue, int.MinValue, int.MaxValue, int.MinValue);
        var (lowestDiagonal, highestDiagonal) = (int.MaxValue, int.MinValue);
        foreach (var hit in hits)
        {
            (minimumA, maximumA) = (Math.Min(minimumA, hit.WordA), Math.Max(maximumA, hit.WordA));
            (minimumB, maximumB) = (Math.Min(minimumB, hit.WordB), Math.Max(maximumB, hit.WordB));
            (lowestDiagonal, highestDiagonal) = (Math.Min(lowestDiagonal, hit.WordB - hit.WordA), Math.Max(highestDiagonal, hit.WordB - hit.WordA));
        }
        var n = scheme.WordsPerGram;
        var startA = Math.Max(0, minimumA - options.Margin);
        var endA = Math.Min(a.Text.Count, maximumA + n + options.Margin);
        var startB = Math.Max(0, minimumB - options.Margin);
        var endB = Math.Min(b.Text.Count, maximumB + n + options.Margin);
        if (a.Document.Id == b.Document.Id)
        {
            // Every hit within one document has WordB > WordA, so the source window is never empty.
            endA = Math.Min(endA, minimumB);
            startB = Math.Max(startB, endA);
        }

        var sourceIsA = !b.Document.IsBefore(a.Document);
        var (source, sourceStart, sourceEnd, target, targetStart, targetEnd) = sourceIsA
            ? (a.Text, startA, endA, b.Text, startB, endB)
            : (b.Text, startB, endB, a.Text, startA, endA);
        // The hits' diagonals, a margin wide on each side: an alignment through them keeps to it.
        // A hit's diagonal in the windows is its diagonal in the texts less the windows' offset.
        var offset = sourceIsA ? targetStart - sourceStart : sourceStart - targetStart;
        var (lowest, highest) = sourceIsA
            ? (lowestDiagonal - offset, highestDiagonal - offset)
            : (-highestDiagonal + offset, -lowestDiagonal + offset);
        var core = LocalAligner.Align(source, sourceStart, sourceEnd - sourceStart, target, targetStart, targetEnd - targetStart, scoring,
            lowest - options.Margin, highest + options.Margin);

        // Only a core long enough to be a passage by itself is extended: links of a few words
        // are trusted next to a real passage, never as the evidence for one.
        var alignment = core.MatchedWords < options.MinimumMatchedWords
            ? core
            : ChainedAligner.Extend(core, sourceStart, sourceEnd - sourceStart, targetStart, targetEnd - targetStart, scoring);
        return (alignment, sourceIsA);
    }

    /// <summary>
    /// The alignment cut back at each end to its outermost run of <see cref="ReuseOptions.EdgeWords"/>
    /// consecutive equal words (empty when it holds none), unless the equal words beyond that run
    /// are on average no commoner than the texts' words (<see cref="WordInformation"/>). A local
    /// alignment runs on past a difference wherever the equal words beyond it outscore it, and two
    /// unrelated sentences share "in the" and "of the" often enough for that: a passage's edges are
    /// where the agreement stops, not where chance stops paying. A translation's "etc. Everyone can
    /// see" against "etc. Everybody can see" keeps its rare "etc.". The score loses what the cut
    /// steps gave.
    /// </summary>
    private LocalAlignment Trimmed(LocalAlignment alignment)
    {
        var steps = alignment.Steps;
        var run = options.EdgeWords;
        var first = 0;
        while (first + run <= steps.Count && !AllMatch(first, first + run))
            first++;
        var last = steps.Count - 1;
        while (last - run + 1 >= 0 && !AllMatch(last - run + 1, last + 1))
            last--;
        if (first + run > steps.Count || last < first)
            return new LocalAlignment(alignment.Source, alignment.Quoting, [], 0);
        var mean = MeanInformation(alignment);
        if (first > 0 && Information(alignment, 0, first) is var (leading, leadingWords) && leading >= leadingWords * mean)
            first = 0;
        if (last < steps.Count - 1 && Information(alignment, last + 1, steps.Count) is var (trailing, trailingWords) && trailing >= trailingWords * mean)
            last = steps.Count - 1;
        if (first == 0 && last == steps.Count - 1)
            return alignment;
        var kept = steps.Skip(first).Take(last - first + 1).ToList();
        return new LocalAlignment(alignment.Source, alignment.Quoting, kept, alignment.Score - ScoreOf(steps, 0, first) - ScoreOf(steps, last + 1, steps.Count));

        bool AllMatch(int from, int to)
        {
            for (var k = from; k < to; k++)
            {
                if (steps[k].Operation != AlignmentOperation.Match)
                    return false;
            }
            return true;
        }
    }

    /// <summary>
    /// Whether the passage's equal words tell less than <see cref="ReuseOptions.MinimumInformationWords"/>
    /// words of the texts' mean information: a run that long of words that common is what two texts
    /// share by chance. Without <paramref name="steps"/> the frequencies are the two texts' own, so
    /// a link stays a function of its two documents, whatever else the collection holds and in
    /// whatever order it arrived. With them, a word entered by a step the collection makes
    /// commonly tells no more than that step's information (<see cref="WordSteps"/>), where that is less.
    /// </summary>
    private bool IsChance(LocalAlignment alignment, WordSteps? steps = null) =>
        Information(alignment, 0, alignment.Steps.Count, steps).Bits < options.MinimumInformationWords * MeanInformation(alignment);

    /// <summary>
    /// The information of the equal words among the steps from <paramref name="from"/> to <paramref name="to"/>
    /// (exclusive), and how many they are; each word's is the mean of its information in the two
    /// texts, in each the lesser of its own and, where given, its common step's.
    /// </summary>
    private static (double Bits, int Words) Information(LocalAlignment alignment, int from, int to, WordSteps? steps = null)
    {
        var (source, quoting) = (WordInformation.Of(alignment.Source), WordInformation.Of(alignment.Quoting));
        var (bits, words) = (0.0, 0);
        for (var k = from; k < to; k++)
        {
            var step = alignment.Steps[k];
            if (step.Operation != AlignmentOperation.Match)
                continue;
            var (sourceWord, quotingWord) = (step.SourceWord!.Value, step.QuotingWord!.Value);
            bits += (Lesser(source.OfWord(sourceWord), steps?.OfStep(alignment.Source, sourceWord))
                + Lesser(quoting.OfWord(quotingWord), steps?.OfStep(alignment.Quoting, quotingWord))) / 2;
            words++;
        }
        return (bits, words);

        static double Lesser(double own, double? afterWordBefore) => afterWordBefore is { } step ? Math.Min(own, step) : own;
    }

    private static double MeanInformation(LocalAlignment alignment) =>
        (WordInformation.Of(alignment.Source).Mean + WordInformation.Of(alignment.Quoting).Mean) / 2;

    /// <summary>What the steps from <paramref name="from"/> to <paramref name="to"/> (exclusive) scored: a gap opens where the step before is no gap of its side.</summary>
    private int ScoreOf(IReadOnlyList<AlignmentStep> steps, int from, int to)
    {
        var score = 0;
        for (var k = from; k < to; k++)
        {
            var operation = steps[k].Operation;
            score += operation switch
            {
                AlignmentOperation.Match => scoring.Match,
                AlignmentOperation.Mismatch => scoring.Mismatch,
                _ => k > 0 && steps[k - 1].Operation == operation ? scoring.GapExtend : scoring.GapOpen,
            };
        }
        return score;
    }

    private static ReuseDirection Direction(ReuseDocument a, ReuseDocument b) =>
        a.Id == b.Id ? ReuseDirection.WithinDocument
        : a.IsBefore(b) || b.IsBefore(a) ? ReuseDirection.ByDate
        : ReuseDirection.Undetermined;
}
