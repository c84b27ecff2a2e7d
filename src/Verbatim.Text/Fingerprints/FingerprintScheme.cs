using System.IO.Hashing;
using System.Text;
using Verbatim.Searching;
using Verbatim.Text.Tokens;

namespace Verbatim.Text.Fingerprints;

/// <summary>
/// How fingerprints are made: every run of <see cref="WordsPerGram"/> consecutive words (their
/// normalised keys joined by one space, UTF-8) hashed with XxHash64, seed 0. XxHash64 of the UTF-8
/// bytes is the same on every machine and every run, so fingerprints can be stored and compared
/// later; <see cref="Version"/> names everything that would change them, and a stored index made
/// under another version must be rebuilt.
///
/// Five words, and every five-word run rather than a winnowed sample: quoting across translations
/// and retellings keeps short runs only (the two translations of Krupskaya's 1936 passage in seed
/// 003 share no run of eight words, but several of five and six), and winnowing only guarantees to
/// see runs longer than its window. Fewer than five words and ordinary phrases ("one of the") flood
/// the candidates; the eight-word threshold of a passage is applied after alignment, not here. An
/// archive of letters holds millions of words, not billions, so one fingerprint per word is cheap.
/// </summary>
public sealed record FingerprintScheme(int WordsPerGram)
{
    public static FingerprintScheme Default { get; } = new(5);

    public string Version => $"xxh64-utf8-words{WordsPerGram}-norm-all-v1";

    public ulong Hash(IReadOnlyList<Token> tokens, int first)
    {
        var builder = new StringBuilder();
        for (var i = first; i < first + WordsPerGram; i++)
        {
            if (i > first)
                builder.Append(' ');
            builder.Append(tokens[i].Key);
        }
        return XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(builder.ToString()));
    }

    /// <summary>One fingerprint per word that starts a full run, in word order.</summary>
    public IEnumerable<Fingerprint> Fingerprints(string documentId, IReadOnlyList<Token> tokens)
    {
        for (var first = 0; first + WordsPerGram <= tokens.Count; first++)
            yield return new Fingerprint(Hash(tokens, first), documentId, first, tokens[first].Start);
    }
}
