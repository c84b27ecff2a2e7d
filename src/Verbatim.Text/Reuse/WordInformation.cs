using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Verbatim.Text.Tokens;

namespace Verbatim.Text.Reuse;

/// <summary>
/// How much a word tells in a text: its information, -log2 of its share of the text's words, and
/// the text's mean information per word (its entropy). "the" carries some 4 bits in English prose,
/// a name that occurs once in a letter 9 or more, and an average word about 8 to 10. Counted once
/// per text and kept while the text is alive.
/// </summary>
internal sealed class WordInformation
{
    private static readonly ConditionalWeakTable<TokenisedText, WordInformation> Known = [];

    // How many words of the text share each word's key, word by word: four bytes a word, where a
    // table of the text's keys kept beside every text of a large collection took some thirty
    // bytes a distinct word, the largest part of the memory that aligning it added.
    private readonly int[] counts;
    private readonly double total;

    // Counting a text's keys made a table of them, grown step by step, for every text: most of
    // what aligning a large collection allocated. Each thread keeps one and clears it, unless a
    // long text made it large.
    [ThreadStatic]
    private static Dictionary<ulong, int>? keyIndexes;

    private const int KeptKeys = 1 << 16;

    private WordInformation(TokenisedText text)
    {
        var keyHashes = text.KeyHashes;
        total = text.Count;
        counts = new int[keyHashes.Length];
        var indexes = keyIndexes ??= [];
        indexes.Clear();
        // Each key's count, keys in the order they first occur; counts first holds each word's key index.
        var perKey = ArrayPool<int>.Shared.Rent(Math.Max(1, keyHashes.Length));
        try
        {
            for (var word = 0; word < keyHashes.Length; word++)
            {
                ref var index = ref CollectionsMarshal.GetValueRefOrAddDefault(indexes, keyHashes[word], out var seen);
                if (!seen)
                    (index, perKey[indexes.Count - 1]) = (indexes.Count - 1, 0);
                perKey[index]++;
                counts[word] = index;
            }
            // Summed in the order the keys first occur, so that the sum is the same on every run.
            for (var key = 0; key < indexes.Count; key++)
                Mean += perKey[key] / total * Math.Log2(total / perKey[key]);
            for (var word = 0; word < counts.Length; word++)
                counts[word] = perKey[counts[word]];
        }
        finally
        {
            ArrayPool<int>.Shared.Return(perKey);
            if (indexes.Count > KeptKeys)
                keyIndexes = null;
        }
    }

    /// <summary>The mean information of the text's words (bits).</summary>
    public double Mean { get; }

    public static WordInformation Of(TokenisedText text) => Known.GetValue(text, t => new WordInformation(t));

    /// <summary>The information of the text's word <paramref name="word"/>.</summary>
    public double OfWord(int word) => Math.Log2(total / counts[word]);
}
