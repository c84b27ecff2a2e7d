using System.Runtime.CompilerServices;
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

    private WordInformation(TokenisedText text)
    {
        var byKey = new Dictionary<ulong, int>();
        var keyHashes = text.KeyHashes;
        foreach (var hash in keyHashes)
            byKey[hash] = byKey.GetValueOrDefault(hash) + 1;
        total = text.Count;
        // In the order the keys first occur, so that the sum is the same on every run.
        foreach (var count in byKey.Values)
            Mean += count / total * Math.Log2(total / count);
        counts = new int[keyHashes.Length];
        for (var word = 0; word < counts.Length; word++)
            counts[word] = byKey[keyHashes[word]];
    }

    /// <summary>The mean information of the text's words (bits).</summary>
    public double Mean { get; }

    public static WordInformation Of(TokenisedText text) => Known.GetValue(text, t => new WordInformation(t));

    /// <summary>The information of the text's word <paramref name="word"/>.</summary>
    public double OfWord(int word) => Math.Log2(total / counts[word]);
}
