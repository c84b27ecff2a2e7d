using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Verbatim.Searching;
using Verbatim.Text.Tokens;

namespace Verbatim.Text.Fingerprints;

/// <summary>
/// How fingerprints are made: every run of <see cref="WordsPerGram"/> consecutive words hashed
/// with XxHash3 (seed 0) over the words' key hashes (<see cref="TokenisedText.HashKey"/>), each as
/// eight bytes, little-endian. Both hashes are the same on every machine and every run, so
/// fingerprints can be stored and compared later; <see cref="Version"/> names everything that
/// would change them, and a stored index made under another version must be rebuilt. Hashing the
/// words' hashes, which the tokeniser has made already, reads eight bytes a word instead of
/// encoding every key five times.
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

    public string Version => $"xxh3-keyhashes-words{WordsPerGram}-norm-all-v2";

    /// <summary>The hash of the run of words that starts at word <paramref name="first"/>.</summary>
    public ulong Hash(TokenisedText text, int first)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(first + WordsPerGram, text.Count);
        return RunHash(text.KeyHashes.Slice(first, WordsPerGram));
    }

    /// <summary>One fingerprint per word that starts a full run, in word order.</summary>
    public IEnumerable<Fingerprint> Fingerprints(string documentId, TokenisedText text)
    {
        var hashes = Hashes(text);
        for (var first = 0; first < hashes.Length; first++)
            yield return new Fingerprint(hashes[first], documentId, first, text.StartOf(first));
    }

    /// <summary>How many full runs the text has: one for every word that starts one.</summary>
    public int RunCount(TokenisedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Math.Max(0, text.Count - WordsPerGram + 1);
    }

    /// <summary><see cref="Hash"/> of every word that starts a full run, in word order.</summary>
    public ulong[] Hashes(TokenisedText text)
    {
        var hashes = new ulong[RunCount(text)];
        Hashes(text, hashes);
        return hashes;
    }

    /// <summary><see cref="Hashes(TokenisedText)"/> written into <paramref name="into"/>, which holds <see cref="RunCount"/> of them.</summary>
    // Compiled optimised at the first call: a one-off run over an archive otherwise spends much of
    // its time in this loop's unoptimised first compilation.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Hashes(TokenisedText text, Span<ulong> into)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(into.Length, RunCount(text));
        var keys = text.KeyHashes;
        for (var first = 0; first < into.Length; first++)
            into[first] = RunHash(keys.Slice(first, WordsPerGram));
    }

    private static ulong RunHash(ReadOnlySpan<ulong> keyHashes)
    {
        if (BitConverter.IsLittleEndian)
            return XxHash3.HashToUInt64(MemoryMarshal.AsBytes(keyHashes));
        Span<byte> bytes = stackalloc byte[keyHashes.Length * sizeof(ulong)];
        for (var i = 0; i < keyHashes.Length; i++)
            BinaryPrimitives.WriteUInt64LittleEndian(bytes[(i * sizeof(ulong))..], keyHashes[i]);
        return XxHash3.HashToUInt64(bytes);
    }
}
