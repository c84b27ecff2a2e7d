using System.Buffers;
using System.Collections;
using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Verbatim.Text.Normalisation;

namespace Verbatim.Text.Tokens;

/// <summary>
/// A text, its normal form and its words, in order, with their original offsets.
/// </summary>
/// <remarks>
/// The words are kept in arrays, not as objects: where each word's key lies in the normal form,
/// where the word lies in the original, and its key's hash. Tokenising every text of an archive
/// once made millions of small strings, and collecting them was most of the cost of finding reuse;
/// <see cref="Tokens"/> makes <see cref="Token"/> values, keys included, only when asked.
/// </remarks>
public sealed class TokenisedText
{
    private readonly NormalisationLayers layers;

    // Null where the normal form maps one character to one onto the original: a word's key is
    // then its own characters folded, made when asked, and neither the normal form nor the
    // keys' places are kept.
    private readonly ReadOnlyMemory<char>? normalForm;
    private readonly int[]? keyStarts;
    private readonly int[]? keyEnds;

    // Pieces of shared arrays (Slab): a collection's texts are many and live long.
    private readonly ArraySegment<int> starts;
    private readonly ArraySegment<int> ends;
    private readonly ArraySegment<ulong> keyHashes;
    private NormalisedText? normalised;
    private TokenList? tokens;

    private TokenisedText(string original, NormalisationLayers layers, ReadOnlyMemory<char>? normalForm, NormalisedText? normalised, Builder words)
    {
        (Original, this.layers, this.normalForm, this.normalised) = (original, layers, normalForm, normalised);
        Count = words.Count;
        if (words.OwnsArrays)
        {
            // A long text's arrays are the builder's own, not the pool's: kept whole, with the room
            // they had left, rather than copied while the builder's are still held.
            if (normalForm is not null)
                (keyStarts, keyEnds) = (words.KeyStarts, words.KeyEnds);
            (starts, ends, keyHashes) = (new(words.Starts, 0, Count), new(words.Ends, 0, Count), new(words.KeyHashes, 0, Count));
            return;
        }
        if (normalForm is not null)
            (keyStarts, keyEnds) = (words.KeyStarts[..Count], words.KeyEnds[..Count]);
        starts = Slab<int>.Copy(words.Starts, Count);
        ends = Slab<int>.Copy(words.Ends, Count);
        keyHashes = Slab<ulong>.Copy(words.KeyHashes, Count);
    }

    /// <summary>Words of a normal form that is kept.</summary>
    internal TokenisedText(NormalisedText normalised, Builder words)
        : this(normalised.Original, normalised.Layers, normalised.Text.AsMemory(), normalised, words)
    {
    }

    /// <summary>
    /// Words found without keeping the normal form's map; it is made again when asked for.
    /// <paramref name="normalForm"/> is null where it maps one character to one onto the original.
    /// </summary>
    internal TokenisedText(string original, NormalisationLayers layers, ReadOnlyMemory<char>? normalForm, Builder words)
        : this(original, layers, normalForm, null, words)
    {
    }

    public string Original { get; }

    /// <summary>Pure, so two threads that both make it make the same one.</summary>
    public NormalisedText Normalised => normalised ??= Normaliser.Normalise(Original, layers);

    /// <summary>How many words the text has.</summary>
    public int Count { get; }

    public IReadOnlyList<Token> Tokens => tokens ??= new TokenList(this);

    /// <summary>
    /// Each word's key hashed (<see cref="HashKey"/>): words compare by these. Two different keys
    /// with one hash would count as the same word, a chance of one in 2^64 for each pair compared.
    /// </summary>
    public ReadOnlySpan<ulong> KeyHashes => keyHashes.AsSpan();

    public string KeyOf(int word) =>
        normalForm is { } form ? form.Span[keyStarts![word]..keyEnds![word]].ToString() : Normaliser.FoldOneToOne(Original.AsSpan(starts[word], ends[word] - starts[word]));

    public int StartOf(int word) => starts[word];

    /// <summary>Where word <paramref name="word"/>'s key lies in the normal form (the original's folded characters where that is not kept).</summary>
    internal (int Start, int End) KeyRangeOf(int word) => normalForm is null ? (starts[word], ends[word]) : (keyStarts![word], keyEnds![word]);

    /// <summary>Whether the normal form is kept: where it is not, it is the original's characters folded one to one.</summary>
    internal bool KeepsNormalForm => normalForm is not null;

    internal void AppendNormalForm(ArrayBufferWriter<char> joined) => joined.Write(normalForm is { } form ? form.Span : Normaliser.FoldOneToOne(Original));

    public int EndOf(int word) => ends[word];

    public TextRange RangeOf(int word) => TextRange.FromBounds(starts[word], ends[word]);

    /// <summary>The original text from the first token's start to the last one's end.</summary>
    public TextRange Span(int firstToken, int count) =>
        count == 0
            ? new TextRange(firstToken < Count ? starts[firstToken] : Original.Length, 0)
            : TextRange.FromBounds(starts[firstToken], ends[firstToken + count - 1]);

    /// <summary>
    /// XxHash3 (seed 0) of the key's UTF-16 code units, little-endian: the same on every machine and
    /// every run, so hashes made from it can be stored.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong HashKey(ReadOnlySpan<char> key)
    {
        if (BitConverter.IsLittleEndian)
            return XxHash3.HashToUInt64(MemoryMarshal.AsBytes(key));
        var bytes = new byte[key.Length * 2];
        for (var i = 0; i < key.Length; i++)
            (bytes[2 * i], bytes[(2 * i) + 1]) = ((byte)key[i], (byte)(key[i] >> 8));
        return XxHash3.HashToUInt64(bytes);
    }

    /// <summary>
    /// Collects the words as the tokeniser finds them, in arrays rented from
    /// <see cref="ArrayPool{T}.Shared"/>; the text copies what it keeps, and the builder is then returned.
    /// </summary>
    internal sealed class Builder : IDisposable
    {
        public int[] KeyStarts;
        public int[] KeyEnds;
        public int[] Starts;
        public int[] Ends;
        public ulong[] KeyHashes;
        public int Count;

        public Builder(int expected)
        {
            expected = Math.Max(16, expected);
            (KeyStarts, KeyEnds, Starts, Ends) = (Rent<int>(expected), Rent<int>(expected), Rent<int>(expected), Rent<int>(expected));
            KeyHashes = Rent<ulong>(expected);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add(ReadOnlySpan<char> normalForm, int keyStart, int keyEnd, int start, int end) =>
            Add(HashKey(normalForm[keyStart..keyEnd]), keyStart, keyEnd, start, end);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add(ulong keyHash, int keyStart, int keyEnd, int start, int end)
        {
            if (Count == KeyStarts.Length)
            {
                var size = 2 * Count;
                (KeyStarts, KeyEnds, Starts, Ends) = (Grown(KeyStarts, size), Grown(KeyEnds, size), Grown(Starts, size), Grown(Ends, size));
                KeyHashes = Grown(KeyHashes, size);
            }
            (KeyStarts[Count], KeyEnds[Count], Starts[Count], Ends[Count]) = (keyStart, keyEnd, start, end);
            KeyHashes[Count++] = keyHash;
        }

        /// <summary>Whether the arrays are this builder's own, not rented from the pool (<see cref="LargestPooled"/>): a text may keep them.</summary>
        public bool OwnsArrays => Starts.Length > LargestPooled;

        public void Dispose()
        {
            foreach (var rented in (int[][])[KeyStarts, KeyEnds, Starts, Ends])
                Return(rented);
            Return(KeyHashes);
        }

        // A long text's arrays are its own, not the shared pool's: a pool keeps what is returned
        // to it for the next caller, and the words of one long text are tens of megabytes.
        private const int LargestPooled = 1 << 18;

        private static T[] Rent<T>(int size) => size > LargestPooled ? GC.AllocateUninitializedArray<T>(size) : ArrayPool<T>.Shared.Rent(size);

        private static void Return<T>(T[] rented)
        {
            if (rented.Length <= LargestPooled)
                ArrayPool<T>.Shared.Return(rented);
        }

        private T[] Grown<T>(T[] rented, int size)
        {
            var larger = Rent<T>(size);
            rented.AsSpan(0, Count).CopyTo(larger);
            Return(rented);
            return larger;
        }
    }

    private sealed class TokenList(TokenisedText text) : IReadOnlyList<Token>
    {
        public Token this[int index] =>
            (uint)index < (uint)text.Count
                ? new Token(index, text.KeyOf(index), text.starts[index], text.ends[index] - text.starts[index])
                : throw new ArgumentOutOfRangeException(nameof(index));

        public int Count => text.Count;

        public IEnumerator<Token> GetEnumerator()
        {
            for (var i = 0; i < text.Count; i++)
                yield return this[i];
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
