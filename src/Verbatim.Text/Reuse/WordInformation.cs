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

    private readonly Dictionary<ulong, int> counts = [];
    private readonly double total;

    private WordInformation(TokenisedText text)
    {
        foreach (var hash in text.KeyHashes)
            counts[hash] = counts.GetValueOrDefault(hash) + 1;
        total = text.Count;
        foreach (var count in counts.Values)
            Mean += count / total * Math.Log2(total / count);
    }

    /// <summary>The mean information of the text's words (bits).</summary>
    public double Mean { get; }

    public static WordInformation Of(TokenisedText text) => Known.GetValue(text, t => new WordInformation(t));

    /// <summary>The information of a word (by key hash) in this text; a word it lacks counts as one seen once.</summary>
    public double Of(ulong keyHash) => Math.Log2(total / Math.Max(1, counts.GetValueOrDefault(keyHash)));
}
