using System.IO.Hashing;
using System.Text;
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
        var hashes = Hashes(tokens);
        for (var first = 0; first < hashes.Length; first++)
            yield return new Fingerprint(hashes[first], documentId, first);
    }

    /// <summary>
    /// <see cref="Hash"/> of every word that starts a full run, in word order: the same bytes
    /// hashed (each key encoded once, runs joined in one reused buffer), without a string a run.
    /// </summary>
    public ulong[] Hashes(IReadOnlyList<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var count = Math.Max(0, tokens.Count - WordsPerGram + 1);
        var hashes = new ulong[count];
        if (count == 0)
            return hashes;
        var keys = new byte[tokens.Count][];
        for (var i = 0; i < tokens.Count; i++)
            keys[i] = Encoding.UTF8.GetBytes(tokens[i].Key);
        var buffer = new byte[256];
        for (var first = 0; first < count; first++)
        {
            var length = WordsPerGram - 1;
            for (var i = first; i < first + WordsPerGram; i++)
                length += keys[i].Length;
            if (buffer.Length < length)
                buffer = new byte[length * 2];
            var at = 0;
            for (var i = first; i < first + WordsPerGram; i++)
            {
                if (i > first)
                    buffer[at++] = (byte)' ';
                keys[i].CopyTo(buffer, at);
                at += keys[i].Length;
            }
            hashes[first] = XxHash64.HashToUInt64(buffer.AsSpan(0, length));
        }
        return hashes;
    }
}
