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
        var hashes = Hashes(tokens);
        for (var first = 0; first < hashes.Length; first++)
            yield return new Fingerprint(hashes[first], documentId, first, tokens[first].Start);
    }

    /// <summary>
    /// <see cref="Hash"/> of every word that starts a full run, in word order. The keys are
    /// encoded once, joined by one space each, into one buffer; a run's bytes are then a slice of
    /// it, the same bytes <see cref="Hash"/> makes a string for.
    /// </summary>
    public ulong[] Hashes(IReadOnlyList<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var count = Math.Max(0, tokens.Count - WordsPerGram + 1);
        var hashes = new ulong[count];
        if (count == 0)
            return hashes;
        var starts = new int[tokens.Count + 1];
        var size = 0;
        for (var i = 0; i < tokens.Count; i++)
            size += Encoding.UTF8.GetMaxByteCount(tokens[i].Key.Length) + 1;
        var joined = new byte[size];
        var at = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            starts[i] = at;
            at += Encoding.UTF8.GetBytes(tokens[i].Key, joined.AsSpan(at));
            joined[at++] = (byte)' ';
        }
        starts[tokens.Count] = at;
        for (var first = 0; first < count; first++)
        {
            var (from, to) = (starts[first], starts[first + WordsPerGram] - 1);
            hashes[first] = XxHash64.HashToUInt64(joined.AsSpan(from, to - from));
        }
        return hashes;
    }
}
