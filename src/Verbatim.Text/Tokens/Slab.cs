namespace Verbatim.Text.Tokens;

/// <summary>
/// Hands out pieces of large arrays, one array at a time for each thread, for the word arrays of
/// many texts. Tokenising a collection made thousands of arrays of a few kilobytes that all lived
/// to the end; the collector copied each of them from generation to generation, and that copying
/// was the largest part of its work. An array this large is allocated where the collector does not
/// move it.
/// </summary>
/// <remarks>
/// A piece keeps its whole array alive, so an array lives until the last text holding a piece of
/// it is gone: at most one array per thread is being filled at a time.
/// </remarks>
internal static class Slab<T>
{
    // 128 Ki elements: half a megabyte of int, a megabyte of ulong, well above the 85,000 bytes
    // at which an array goes to the large object heap.
    private const int Length = 128 * 1024;

    [ThreadStatic]
    private static T[]? current;

    [ThreadStatic]
    private static int used;

    /// <summary>A piece of <paramref name="count"/> elements, not cleared: the caller writes every one.</summary>
    public static ArraySegment<T> Take(int count)
    {
        // A piece of more than an eighth of an array is an array of its own.
        if (count > Length / 8)
            return new ArraySegment<T>(GC.AllocateUninitializedArray<T>(count));
        if (current is null || used + count > current.Length)
            (current, used) = (GC.AllocateUninitializedArray<T>(Length), 0);
        var piece = new ArraySegment<T>(current, used, count);
        used += count;
        return piece;
    }

    /// <summary>A copy of the first <paramref name="count"/> elements of <paramref name="source"/>.</summary>
    public static ArraySegment<T> Copy(T[] source, int count)
    {
        var piece = Take(count);
        source.AsSpan(0, count).CopyTo(piece);
        return piece;
    }
}
