using System.Numerics;
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
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var document in given)
        {
            if (!order.TryAdd(document.Id, order.Count))
                throw new ArgumentException($"Document id '{document.Id}' is given twice.", nameof(documents));
        }
        var sides = new Side[given.Count];
        var hashes = new ulong[given.Count][];
        Parallel.For(0, given.Count, k =>
        {
            sides[k] = new Side(given[k], Tokeniser.Tokenise(given[k].Text));
            hashes[k] = scheme.Hashes(sides[k].Text.Tokens);
        });
        var hitsByDocument = HitsByDocument(given, hashes);

        var found = new List<ReusePassage>[given.Count];
        Parallel.For(0, given.Count, a =>
        {
            found[a] = [];
            foreach (var (b, hits) in hitsByDocument[a].OrderBy(partner => partner.Key))
                found[a].AddRange(PassagesBetween(sides[a], sides[b], hits));
        });
        return [.. found.SelectMany(passages => passages)];
    }

    /// <summary>
    /// The hits <see cref="FingerprintIndex.Hits"/> would give between the documents, grouped by
    /// the pair: a run held more than <see cref="ReuseOptions.MaximumOccurrences"/> times is
    /// skipped, and A is the document given first (within one document, the earlier place); the
    /// caller puts each document's partners in the order given. One sort of every run's hash
    /// replaces an index of lists, which is what all-pairs detection over many megabytes spends its
    /// time on otherwise.
    /// </summary>
    private List<Dictionary<int, List<FingerprintHit>>> HitsByDocument(List<ReuseDocument> given, ulong[][] hashes)
    {
        var repeated = RepeatedSlots(hashes);
        var total = 0;
        foreach (var own in hashes)
        {
            foreach (var hash in own)
                total += repeated.Holds(hash) ? 1 : 0;
        }
        // Two halves by the hash's top bit, sorted on two cores: equal hashes fall in one half.
        var keys = new ulong[total];
        var places = new long[total];
        var (low, high) = (0, total);
        for (var document = 0; document < hashes.Length; document++)
        {
            for (var word = 0; word < hashes[document].Length; word++)
            {
                if (!repeated.Holds(hashes[document][word]))
                    continue;
                var at = (long)hashes[document][word] >= 0 ? low++ : --high;
                (keys[at], places[at]) = (hashes[document][word], ((long)document << 32) | (uint)word);
            }
        }
        Parallel.Invoke(() => Array.Sort(keys, places, 0, low), () => Array.Sort(keys, places, low, total - low));

        var byDocument = given.Select(_ => new Dictionary<int, List<FingerprintHit>>()).ToList();
        for (var start = 0; start < total;)
        {
            var end = start + 1;
            while (end < total && keys[end] == keys[start])
                end++;
            if (end - start <= options.MaximumOccurrences)
            {
                // By document, then word: the order of places that decides which of a pair is A.
                Array.Sort(places, start, end - start);
                for (var i = start; i < end; i++)
                {
                    var (a, wordA) = ((int)(places[i] >> 32), (int)places[i]);
                    for (var j = i + 1; j < end; j++)
                    {
                        var (b, wordB) = ((int)(places[j] >> 32), (int)places[j]);
                        if (!byDocument[a].TryGetValue(b, out var hits))
                            byDocument[a][b] = hits = [];
                        hits.Add(new FingerprintHit(keys[start], given[a].Id, wordA, given[b].Id, wordB));
                    }
                }
            }
            start = end;
        }
        return byDocument;
    }

    /// <summary>
    /// Most word runs of a collection occur once and pair with nothing, and sorting them was most
    /// of the cost of pairing. A table of bits, one per slot a hash falls in, marks the slots seen
    /// twice; only hashes in such a slot go on to the sort. Two hashes sharing a slot only let a
    /// run through that the sort then finds alone: a run held twice is never dropped.
    /// </summary>
    private static SlotTable RepeatedSlots(ulong[][] hashes)
    {
        var total = hashes.Sum(h => (long)h.Length);
        // Eight slots a run keep the runs let through by chance under one in eight.
        var slots = (int)Math.Min(1L << 30, Math.Max(1L << 16, (long)BitOperations.RoundUpToPowerOf2((ulong)(8 * total))));
        var (seen, again) = (new SlotTable(slots), new SlotTable(slots));
        foreach (var own in hashes)
        {
            foreach (var hash in own)
            {
                if (seen.Holds(hash))
                    again.Mark(hash);
                else
                    seen.Mark(hash);
            }
        }
        return again;
    }

    private readonly struct SlotTable(int slots)
    {
        private readonly ulong[] bits = new ulong[slots / 64];
        private readonly ulong mask = (ulong)slots - 1;

        public bool Holds(ulong hash) => (bits[(int)((hash & mask) >> 6)] & (1UL << (int)(hash & 63))) != 0;

        public void Mark(ulong hash) => bits[(int)((hash & mask) >> 6)] |= 1UL << (int)(hash & 63);
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
        return DetectFor(added, text, index.Add(added.Id, text.Tokens), index, resolve);
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
        var own = scheme.Fingerprints(quotation.Id, quoting.Text.Tokens).ToList();
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
            var wordAt = windowText.Tokens.ToDictionary(t => start + t.Start, t => t.Index);
            var rebased = hits.Where(h => wordAt.ContainsKey(h.Other.Start))
                .Select(h => new FingerprintHit(h.Own.Hash, id, wordAt[h.Other.Start], quotation.Id, h.Own.FirstWord))
                .ToList();
            var window = new Side(document with { Text = windowText.Original }, windowText);
            passages.AddRange(PassagesBetween(window, quoting, rebased).Select(p => new QuotationPassage(id, start, p.Alignment)));
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
            if (hits.Key == added.Document.Id)
            {
                passages.AddRange(PassagesBetween(added, added, [.. hits]));
                continue;
            }
            // Reading and tokenising the other text costs far more than this check: most documents
            // that share anything with a new one share one run of five words by chance.
            if (!Candidates([.. hits]).Any(MayHoldPassage))
                continue;
            var otherDocument = resolve(hits.Key);
            var other = new Side(otherDocument, Tokeniser.Tokenise(otherDocument.Text));
            // The document whose id sorts first is the first side, the source where dates do not
            // decide, so that what is found does not depend on which of the two arrived first.
            if (string.CompareOrdinal(added.Document.Id, other.Document.Id) < 0)
            {
                passages.AddRange(PassagesBetween(added, other, [.. hits]));
                continue;
            }
            var otherFirst = hits.Select(h => new FingerprintHit(h.Hash, h.DocumentB, h.WordB, h.DocumentA, h.WordA)).ToList();
            passages.AddRange(PassagesBetween(other, added, otherFirst));
        }
        return passages;
    }

    private readonly record struct Side(ReuseDocument Document, TokenisedText Text);

    private List<ReusePassage> PassagesBetween(Side a, Side b, List<FingerprintHit> hits)
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
                var covered = remaining.Where(h => h.WordA >= firstA && h.WordA <= lastA && h.WordB >= firstB && h.WordB <= lastB).ToHashSet();
                if (covered.Count == 0)
                    break;
                remaining = [.. remaining.Where(h => !covered.Contains(h))];

                var overlapsFound = spans.Any(s => s.FirstA <= lastA && firstA <= s.LastA && s.FirstB <= lastB && firstB <= s.LastB);
                if (alignment.MatchedWords < options.MinimumMatchedWords || overlapsFound)
                    continue;
                spans.Add((firstA, lastA, firstB, lastB));
                var (source, target) = sourceIsA ? (a, b) : (b, a);
                passages.Add(new ReusePassage(
                    source.Document.Id, target.Document.Id, Direction(a.Document, b.Document),
                    alignment.SourceRange, alignment.QuotingRange, alignment, DifferenceClassifier.Classify(alignment)));
            }
        }
        return [.. passages.OrderBy(p => p.SourceId == a.Document.Id ? p.Source.Start : p.Target.Start)];
    }

    /// <summary>
    /// Whether the candidate's shared runs cover at least <see cref="ReuseOptions.MinimumMatchedWords"/>
    /// words of A; else it is not aligned. Most candidates in a large collection are one common
    /// five-word run shared by chance, which alignment would reject after filling a window; a
    /// quotation of that length with a change inside its first five words (so one run only) is
    /// what this gives up.
    /// </summary>
    private bool MayHoldPassage(List<FingerprintHit> candidate)
    {
        var (covered, reached) = (0, int.MinValue);
        foreach (var word in candidate.Select(h => h.WordA).Order())
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
    private List<List<FingerprintHit>> Candidates(List<FingerprintHit> hits)
    {
        var ordered = hits.ToArray();
        Array.Sort([.. ordered.Select(h => ((long)h.WordA << 32) | (uint)h.WordB)], ordered);
        var candidates = new List<List<FingerprintHit>>();
        var open = new List<List<FingerprintHit>>();
        foreach (var hit in ordered)
        {
            open.RemoveAll(c => hit.WordA - c[^1].WordA > options.MaximumHitDistance);
            List<FingerprintHit>? joined = null;
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
    private (LocalAlignment Alignment, bool SourceIsA) AlignWindow(Side a, Side b, List<FingerprintHit> hits)
    {
        var n = scheme.WordsPerGram;
        var startA = Math.Max(0, hits.Min(h => h.WordA) - options.Margin);
        var endA = Math.Min(a.Text.Tokens.Count, hits.Max(h => h.WordA) + n + options.Margin);
        var startB = Math.Max(0, hits.Min(h => h.WordB) - options.Margin);
        var endB = Math.Min(b.Text.Tokens.Count, hits.Max(h => h.WordB) + n + options.Margin);
        if (a.Document.Id == b.Document.Id)
        {
            // Every hit within one document has WordB > WordA, so the source window is never empty.
            endA = Math.Min(endA, hits.Min(h => h.WordB));
            startB = Math.Max(startB, endA);
        }

        var sourceIsA = Direction(a.Document, b.Document) != ReuseDirection.ByDate || a.Document.Date < b.Document.Date;
        var (source, sourceStart, sourceEnd, target, targetStart, targetEnd) = sourceIsA
            ? (a.Text, startA, endA, b.Text, startB, endB)
            : (b.Text, startB, endB, a.Text, startA, endA);
        // The hits' diagonals, a margin wide on each side: an alignment through them keeps to it.
        var diagonals = hits.Select(h => sourceIsA ? (h.WordB - targetStart) - (h.WordA - sourceStart) : (h.WordA - targetStart) - (h.WordB - sourceStart)).ToList();
        var core = LocalAligner.Align(source, sourceStart, sourceEnd - sourceStart, target, targetStart, targetEnd - targetStart, scoring,
            diagonals.Min() - options.Margin, diagonals.Max() + options.Margin);

        // Only a core long enough to be a passage by itself is extended: links of a few words
        // are trusted next to a real passage, never as the evidence for one.
        var alignment = core.MatchedWords < options.MinimumMatchedWords
            ? core
            : ChainedAligner.Extend(core, sourceStart, sourceEnd - sourceStart, targetStart, targetEnd - targetStart, scoring);
        return (alignment, sourceIsA);
    }

    private static ReuseDirection Direction(ReuseDocument a, ReuseDocument b) =>
        a.Id == b.Id ? ReuseDirection.WithinDocument
        : a.Date is { } dateA && b.Date is { } dateB && dateA != dateB ? ReuseDirection.ByDate
        : ReuseDirection.Undetermined;
}
