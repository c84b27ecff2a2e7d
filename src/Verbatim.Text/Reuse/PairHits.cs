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
/// One sort of every run's hash pairs the collection; an index of lists, one per hash, was what
/// all-pairs detection over many megabytes spent its time on before. The hits are plain numbers in
/// one array, because a collection of a few thousand documents has hundreds of thousands of them.
/// </remarks>
internal sealed class PairHits
{
    private readonly Hit[] hits;
    private readonly int[] offsets;

    private PairHits(Hit[] hits, int[] offsets) => (this.hits, this.offsets) = (hits, offsets);

    /// <summary>A place of document A and a place of its partner that start the same run.</summary>
    public readonly record struct Hit(int Partner, int WordA, int WordB) : IComparable<Hit>
    {
        public int CompareTo(Hit other) =>
            Partner != other.Partner ? Partner.CompareTo(other.Partner)
            : WordA != other.WordA ? WordA.CompareTo(other.WordA)
            : WordB.CompareTo(other.WordB);
    }

    public ReadOnlySpan<Hit> Of(int document) => hits.AsSpan(offsets[document], offsets[document + 1] - offsets[document]);

    /// <param name="hashes">Each document's run hashes, in word order; documents in the order given.</param>
    public static PairHits Of(ulong[][] hashes, int maximumOccurrences)
    {
        // The hashes are cut into parts by their top bits, one part per core: equal hashes fall in
        // one part, so each part is paired by itself.
        var partBits = BitOperations.Log2(BitOperations.RoundUpToPowerOf2((uint)Math.Clamp(Environment.ProcessorCount, 1, 64)));
        var found = new List<(int A, Hit Hit)>[1 << partBits];
        Parallel.For(0, found.Length, part => found[part] = PairsInPart(hashes, partBits, part, maximumOccurrences));

        var offsets = new int[hashes.Length + 1];
        foreach (var (a, _) in found.SelectMany(pairs => pairs))
            offsets[a + 1]++;
        for (var document = 0; document < hashes.Length; document++)
            offsets[document + 1] = checked(offsets[document + 1] + offsets[document]);
        var hits = new Hit[offsets[^1]];
        var next = offsets[..^1];
        foreach (var (a, hit) in found.SelectMany(pairs => pairs))
            hits[next[a]++] = hit;
        Parallel.For(0, hashes.Length, document => hits.AsSpan(offsets[document], offsets[document + 1] - offsets[document]).Sort());
        return new PairHits(hits, offsets);
    }

    /// <summary>The pairs of places whose hash has <paramref name="part"/> as its top <paramref name="partBits"/> bits.</summary>
    // Compiled optimised at the first call: a one-off run over an archive otherwise spends much of
    // its time in this loop's unoptimised first compilation.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<(int A, Hit Hit)> PairsInPart(ulong[][] hashes, int partBits, int part, int maximumOccurrences)
    {
        var repeated = RepeatedSlots(hashes, partBits, part);
        var count = 0;
        foreach (var own in hashes)
        {
            foreach (var hash in own)
                count += InPart(hash, partBits, part) && repeated.Holds(hash) ? 1 : 0;
        }
        var (keys, places) = (new ulong[count], new long[count]);
        count = 0;
        for (var document = 0; document < hashes.Length; document++)
        {
            for (var word = 0; word < hashes[document].Length; word++)
            {
                var hash = hashes[document][word];
                if (InPart(hash, partBits, part) && repeated.Holds(hash))
                    (keys[count], places[count++]) = (hash, ((long)document << 32) | (uint)word);
            }
        }
        Array.Sort(keys, places);

        var pairs = new List<(int A, Hit Hit)>(count);
        for (var start = 0; start < keys.Length;)
        {
            var end = start + 1;
            while (end < keys.Length && keys[end] == keys[start])
                end++;
            if (end - start <= maximumOccurrences)
            {
                // By document, then word: the earlier place of a pair is A.
                Array.Sort(places, start, end - start);
                for (var i = start; i < end; i++)
                {
                    for (var j = i + 1; j < end; j++)
                        pairs.Add(((int)(places[i] >> 32), new Hit((int)(places[j] >> 32), (int)places[i], (int)places[j])));
                }
            }
            start = end;
        }
        return pairs;
    }

    private static bool InPart(ulong hash, int partBits, int part) => partBits == 0 || (int)(hash >> (64 - partBits)) == part;

    /// <summary>
    /// Most word runs of a collection occur once and pair with nothing, and sorting them was most
    /// of the cost of pairing. A table of bits, one per slot a hash falls in, marks the slots seen
    /// twice; only hashes in such a slot go on to the sort. Two hashes sharing a slot only let a
    /// run through that the sort then finds alone: a run held twice is never dropped.
    /// </summary>
    // Compiled optimised at the first call: a one-off run over an archive otherwise spends much of
    // its time in this loop's unoptimised first compilation.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static SlotTable RepeatedSlots(ulong[][] hashes, int partBits, int part)
    {
        var total = hashes.Sum(h => (long)h.Length) >> partBits;
        // Eight slots a run keep the runs let through by chance under one in eight.
        var slots = (int)Math.Min(1L << 30, Math.Max(1L << 16, (long)BitOperations.RoundUpToPowerOf2((ulong)(8 * total))));
        var (seen, again) = (new SlotTable(slots), new SlotTable(slots));
        foreach (var own in hashes)
        {
            foreach (var hash in own)
            {
                if (!InPart(hash, partBits, part))
                    continue;
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
}
