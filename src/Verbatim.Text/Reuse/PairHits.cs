using System.Numerics;
using System.Runtime.CompilerServices;

namespace Verbatim.Text.Reuse;

/// <summary>
/// Every pair of equal word runs in a collection, by document: for document A, each place where it
/// starts the same run as a document given after it, or as itself at a later place; a run held more
/// than the limit is a formula, not a quotation, and is not paired. A document's hits are sorted
/// by partner, then by word in A, then in B.
/// </summary>
/// <remarks>
/// Every run's hash and place are cut into buckets by the hash's top bits; in each bucket, on
/// every core, the runs held more than once are found with a small table of bits and sorted, and
/// equal neighbours paired. An index of lists, one per hash, was what all-pairs detection over
/// many megabytes spent its time on before. The hits are plain numbers in one array, because a
/// collection of a few thousand documents has hundreds of thousands of them.
/// </remarks>
internal sealed class PairHits
{
    private readonly Hit[] hits;
    private readonly int[] offsets;

    // Every run held by two documents or more, in order of hash, and how many documents hold it.
    private readonly ulong[] sharedRuns;
    private readonly int[] holders;

    private PairHits(Hit[] hits, int[] offsets, ulong[] sharedRuns, int[] holders) =>
        (this.hits, this.offsets, this.sharedRuns, this.holders) = (hits, offsets, sharedRuns, holders);

    /// <summary>A place of document A and a place of its partner that start the same run.</summary>
    public readonly record struct Hit(int Partner, int WordA, int WordB) : IComparable<Hit>
    {
        public int CompareTo(Hit other) =>
            Partner != other.Partner ? Partner.CompareTo(other.Partner)
            : WordA != other.WordA ? WordA.CompareTo(other.WordA)
            : WordB.CompareTo(other.WordB);
    }

    /// <summary>How many documents hold the run: a run of the collection that no other document holds is held by its own.</summary>
    public int HoldersOf(ulong run)
    {
        var at = Array.BinarySearch(sharedRuns, run);
        return at >= 0 ? holders[at] : 1;
    }

    public ReadOnlySpan<Hit> Of(int document) => hits.AsSpan(offsets[document], offsets[document + 1] - offsets[document]);

    /// <param name="hashes">Each document's run hashes, in word order; documents in the order given.</param>
    public static PairHits Of(ArraySegment<ulong>[] hashes, int maximumOccurrences)
    {
        var bucketStarts = BucketStarts(hashes);
        var found = new List<(int A, Hit Hit)>[BucketCount];
        var shared = new List<(ulong Run, int Holders)>[BucketCount];
        // A bucket's pairs do not depend on the other buckets, so the buckets are partitioned a
        // batch at a time: every run's copy at once took 16 bytes a word of a 20 MB collection
        // beside its texts and words, the largest part of the peak.
        var largest = Batches(bucketStarts).Max(b => bucketStarts[b.End] - bucketStarts[b.First]);
        var (keys, places) = (new ulong[largest], new long[largest]);
        foreach (var (firstBucket, endBucket) in Batches(bucketStarts))
        {
            Partition(hashes, bucketStarts, firstBucket, endBucket, keys, places);
            var batchStart = bucketStarts[firstBucket];
            Parallel.For(firstBucket, endBucket, bucket =>
            {
                var (start, end) = (bucketStarts[bucket] - batchStart, bucketStarts[bucket + 1] - batchStart);
                (found[bucket], shared[bucket]) = PairsInBucket(keys.AsSpan(start..end), places.AsSpan(start..end), maximumOccurrences);
            });
        }

        var offsets = new int[hashes.Length + 1];
        foreach (var pairs in found)
        {
            foreach (var (a, _) in pairs)
                offsets[a + 1]++;
        }
        for (var document = 0; document < hashes.Length; document++)
            offsets[document + 1] = checked(offsets[document + 1] + offsets[document]);
        var hits = new Hit[offsets[^1]];
        var next = offsets[..^1];
        foreach (var pairs in found)
        {
            foreach (var (a, hit) in pairs)
                hits[next[a]++] = hit;
        }
        Parallel.For(0, hashes.Length, document => hits.AsSpan(offsets[document], offsets[document + 1] - offsets[document]).Sort());
        // Buckets follow the hashes' top bits and each bucket's runs are sorted, so the runs joined bucket by bucket are in order.
        var runs = shared.SelectMany(bucket => bucket).ToArray();
        return new PairHits(hits, offsets, [.. runs.Select(r => r.Run)], [.. runs.Select(r => r.Holders)]);
    }

    // Hashes are cut into buckets by their top bits, so that equal hashes fall in one bucket and a
    // bucket's table of slots is small enough to stay in the processor's cache: over the whole
    // collection at once, every lookup in the table missed it.
    private const int BucketBits = 8;
    private const int BucketCount = 1 << BucketBits;

    // A batch holds buckets of at most this many runs together (more where one bucket holds more):
    // a collection of a few megabytes is one batch, one of 20 MB four.
    private const int BatchRuns = 1 << 20;

    /// <summary>Where each bucket starts among all runs, bucket by bucket; bucket b is [starts[b], starts[b + 1]).</summary>
    private static int[] BucketStarts(ArraySegment<ulong>[] hashes)
    {
        var starts = new int[BucketCount + 1];
        foreach (var own in hashes)
        {
            foreach (var hash in own.AsSpan())
                starts[Bucket(hash) + 1]++;
        }
        for (var bucket = 0; bucket < BucketCount; bucket++)
            starts[bucket + 1] = checked(starts[bucket + 1] + starts[bucket]);
        return starts;
    }

    /// <summary>Consecutive buckets [First, End) of about <see cref="BatchRuns"/> runs each.</summary>
    private static IEnumerable<(int First, int End)> Batches(int[] bucketStarts)
    {
        for (var first = 0; first < BucketCount;)
        {
            var end = first + 1;
            while (end < BucketCount && bucketStarts[end + 1] - bucketStarts[first] <= BatchRuns)
                end++;
            yield return (first, end);
            first = end;
        }
    }

    /// <summary>
    /// The hash and place ((document &lt;&lt; 32) | word) of every run in buckets
    /// [<paramref name="firstBucket"/>, <paramref name="endBucket"/>), bucket by bucket, from the start of <paramref name="keys"/> and <paramref name="places"/>.
    /// </summary>
    // Compiled optimised at the first call: a one-off run over an archive otherwise spends much of
    // its time in this loop's unoptimised first compilation.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Partition(ArraySegment<ulong>[] hashes, int[] bucketStarts, int firstBucket, int endBucket, ulong[] keys, long[] places)
    {
        var next = new int[endBucket - firstBucket];
        for (var bucket = firstBucket; bucket < endBucket; bucket++)
            next[bucket - firstBucket] = bucketStarts[bucket] - bucketStarts[firstBucket];
        for (var document = 0; document < hashes.Length; document++)
        {
            var own = hashes[document].AsSpan();
            for (var word = 0; word < own.Length; word++)
            {
                var batchBucket = Bucket(own[word]) - firstBucket;
                if ((uint)batchBucket >= (uint)next.Length)
                    continue;
                var at = next[batchBucket]++;
                (keys[at], places[at]) = (own[word], ((long)document << 32) | (uint)word);
            }
        }
    }

    private static int Bucket(ulong hash) => (int)(hash >> (64 - BucketBits));

    /// <summary>
    /// The pairs of places of one bucket whose hashes are equal, the earlier place (by document,
    /// then word) as A; and the runs that two documents or more hold, in order, with how many do.
    /// </summary>
    // Compiled optimised at the first call: a one-off run over an archive otherwise spends much of
    // its time in this loop's unoptimised first compilation.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (List<(int A, Hit Hit)> Pairs, List<(ulong Run, int Holders)> Shared) PairsInBucket(Span<ulong> keys, Span<long> places, int maximumOccurrences)
    {
        // Most runs occur once and pair with nothing. A table of bits, one per slot a hash falls
        // in (eight slots a run, so that a run is let through by chance less than one time in
        // eight), marks the slots seen twice; only the hashes in such a slot are moved to the
        // front and sorted. Two hashes sharing a slot only let a run through that the sort then
        // finds alone: a run held twice is never dropped.
        var slots = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(64, 8 * keys.Length));
        var (seen, again) = (new ulong[slots / 64], new ulong[slots / 64]);
        var mask = (ulong)slots - 1;
        foreach (var hash in keys)
        {
            var (word, bit) = ((int)((hash & mask) >> 6), 1UL << (int)(hash & 63));
            if ((seen[word] & bit) != 0)
                again[word] |= bit;
            else
                seen[word] |= bit;
        }
        var kept = 0;
        for (var k = 0; k < keys.Length; k++)
        {
            if ((again[(int)((keys[k] & mask) >> 6)] & (1UL << (int)(keys[k] & 63))) != 0)
                (keys[kept], places[kept++]) = (keys[k], places[k]);
        }
        keys = keys[..kept];
        places = places[..kept];
        keys.Sort(places);

        var pairs = new List<(int A, Hit Hit)>();
        var shared = new List<(ulong Run, int Holders)>();
        for (var start = 0; start < keys.Length;)
        {
            var end = start + 1;
            while (end < keys.Length && keys[end] == keys[start])
                end++;
            var group = places[start..end];
            group.Sort();
            var holders = 1;
            for (var k = 1; k < group.Length; k++)
                holders += group[k] >> 32 != group[k - 1] >> 32 ? 1 : 0;
            if (holders > 1)
                shared.Add((keys[start], holders));
            if (group.Length <= maximumOccurrences)
            {
                for (var i = 0; i < group.Length; i++)
                {
                    for (var j = i + 1; j < group.Length; j++)
                        pairs.Add(((int)(group[i] >> 32), new Hit((int)(group[j] >> 32), (int)group[i], (int)group[j])));
                }
            }
            start = end;
        }
        return (pairs, shared);
    }
}
