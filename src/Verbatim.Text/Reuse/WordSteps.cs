using System.Runtime.CompilerServices;
using Verbatim.Text.Tokens;

namespace Verbatim.Text.Reuse;

/// <summary>
/// How a collection's documents go from word to word, counted for the steps asked about (a step is
/// a word and the word after it). A step is common when at least as many documents make it as
/// make a run boilerplate (<see cref="Boilerplate.Threshold"/>); a word entered by a common step
/// tells, after the word before, only -log2 of the share of the collection's steps from that word
/// that go to it. Documents on one topic share its phrasing: each makes the topic's steps, so a
/// run of its words that two of them share by chance is a chain of steps the collection makes
/// again and again, however rare each word is within either text.
/// </summary>
internal sealed class WordSteps
{
    private readonly Dictionary<ulong, int> indexOfStep = [];
    private readonly Dictionary<ulong, int> indexOfWord = [];
    private readonly int[] holders;
    private readonly int[] times;
    private readonly int[] departures;
    private readonly int commonHolders;

    private WordSteps(IReadOnlyList<TokenisedText> texts, IEnumerable<(TokenisedText Text, int Word)> asked, int commonHolders)
    {
        this.commonHolders = commonHolders;
        foreach (var (text, word) in asked)
        {
            if (word == 0)
                continue;
            indexOfStep.TryAdd(StepKey(text.KeyHashes[word - 1], text.KeyHashes[word]), indexOfStep.Count);
            indexOfWord.TryAdd(text.KeyHashes[word - 1], indexOfWord.Count);
        }
        (holders, times, departures) = (new int[indexOfStep.Count], new int[indexOfStep.Count], new int[indexOfWord.Count]);
        if (indexOfStep.Count == 0)
            return;
        // One share of the texts a core, each counted apart and added to the whole at the end (a
        // share's counts are as long as the steps asked about); sums do not depend on the schedule.
        var shares = Math.Min(texts.Count, Environment.ProcessorCount);
        var counted = new Counts[shares];
        Parallel.For(0, shares, share =>
        {
            counted[share] = new Counts(indexOfStep.Count, indexOfWord.Count);
            for (var t = share; t < texts.Count; t += shares)
                counted[share].Add(texts[t], t, indexOfStep, indexOfWord);
        });
        foreach (var counts in counted)
            counts.AddTo(holders, times, departures);
    }

    /// <summary>
    /// The collection's steps into the words asked about (each a word of a text, entered from the
    /// word before it there), or null where no step can be common: a collection of fewer
    /// documents than <paramref name="commonHolders"/> has none.
    /// </summary>
    public static WordSteps? Count(IReadOnlyList<TokenisedText> texts, IEnumerable<(TokenisedText Text, int Word)> asked, int commonHolders) =>
        texts.Count < commonHolders ? null : new WordSteps(texts, asked, commonHolders);

    /// <summary>
    /// The information of the text's word <paramref name="word"/> after the word before it, where
    /// the step between them is common in the collection; null where it is not, or was not asked about.
    /// </summary>
    public double? OfStep(TokenisedText text, int word)
    {
        if (word == 0 || !indexOfStep.TryGetValue(StepKey(text.KeyHashes[word - 1], text.KeyHashes[word]), out var step) || holders[step] < commonHolders)
            return null;
        return Math.Log2((double)departures[indexOfWord[text.KeyHashes[word - 1]]] / times[step]);
    }

    /// <summary>
    /// A step's key, from its two words' key hashes: kept for one count and never stored, so it
    /// need not be the same on every machine; computed inline because the scan makes one a word.
    /// </summary>
    private static ulong StepKey(ulong from, ulong to) => (from * 0x9E3779B97F4A7C15UL) ^ to;

    private sealed class Counts(int steps, int words)
    {
        // A step's counts side by side: the scan reaches them in no order, one memory line a step.
        private readonly StepCount[] steps = new StepCount[steps];
        private readonly int[] departures = new int[words];

        // Compiled optimised at the first call: it runs over every word of the collection once.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Add(TokenisedText text, int index, Dictionary<ulong, int> indexOfStep, Dictionary<ulong, int> indexOfWord)
        {
            var keys = text.KeyHashes;
            for (var word = 1; word < keys.Length; word++)
            {
                if (!indexOfWord.TryGetValue(keys[word - 1], out var from))
                    continue;
                departures[from]++;
                if (!indexOfStep.TryGetValue(StepKey(keys[word - 1], keys[word]), out var step))
                    continue;
                ref var count = ref steps[step];
                count.Times++;
                // A text holds a step once however often it makes it; a last holder of zero is none, so texts count from one.
                if (count.LastHolder != index + 1)
                    (count.LastHolder, count.Holders) = (index + 1, count.Holders + 1);
            }
        }

        public void AddTo(int[] allHolders, int[] allTimes, int[] allDepartures)
        {
            for (var k = 0; k < steps.Length; k++)
                (allHolders[k], allTimes[k]) = (allHolders[k] + steps[k].Holders, allTimes[k] + steps[k].Times);
            for (var k = 0; k < departures.Length; k++)
                allDepartures[k] += departures[k];
        }
    }

    private struct StepCount
    {
        public int Holders;
        public int Times;
        public int LastHolder;
    }
}
