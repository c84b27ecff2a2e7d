using System.Collections;
using Verbatim.Searching;
using Verbatim.Text.Fingerprints;
using Verbatim.Text.Tokens;

namespace Verbatim.Quoting;

/// <summary>
/// One document's fingerprints as the indexer writes and looks them up, made into
/// <see cref="Fingerprint"/> values only when read: the hash of every run in word order (8 bytes a
/// run, where a list of fingerprints took 24 and writing them took a sorted copy of as many again),
/// and the text's words for their offsets.
/// </summary>
/// <remarks>
/// A run the document itself holds more than <c>limit</c> + 1 times keeps its first
/// <c>limit</c> + 1 places only: it is formulaic whatever else the archive holds, and its further
/// places pair nothing. A text of few words repeated (a 50 MB line of one word) would otherwise
/// give millions of rows of one hash.
/// </remarks>
internal sealed class DocumentFingerprints : IReadOnlyList<Fingerprint>
{
    private readonly ulong[] _hashes;

    // The words whose runs are kept, in order; null where every run is.
    private readonly int[]? _kept;

    // The kept runs' hashes in order with their words, as writing wants them; dropped once written.
    private ulong[]? _sortedHashes;
    private int[]? _sortedWords;

    /// <param name="toWrite">Whether they will be read in order of hash (<see cref="InHashOrder"/>).</param>
    public DocumentFingerprints(string id, TokenisedText text, FingerprintScheme scheme, int limit, bool toWrite)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(scheme);
        (Id, Text) = (id, text);
        _hashes = scheme.Hashes(text);
        var sortedHashes = (ulong[])_hashes.Clone();
        var sortedWords = new int[_hashes.Length];
        for (var word = 0; word < sortedWords.Length; word++)
            sortedWords[word] = word;
        // The runs held more than the limit, found in the hashes sorted: a long text's distinct runs
        // are millions, and counting each in a dictionary took several times the memory of the hashes.
        Array.Sort(sortedHashes, sortedWords);
        bool[]? dropped = null;
        for (var start = 0; start < sortedHashes.Length;)
        {
            var end = start + 1;
            while (end < sortedHashes.Length && sortedHashes[end] == sortedHashes[start])
                end++;
            if (end - start > limit + 1)
            {
                // The sort leaves equal hashes in no set order of their words: the first places are kept.
                Array.Sort(sortedWords, start, end - start);
                dropped ??= new bool[_hashes.Length];
                for (var k = start + limit + 1; k < end; k++)
                    dropped[sortedWords[k]] = true;
            }
            start = end;
        }
        if (dropped is not null)
            _kept = [.. Enumerable.Range(0, _hashes.Length).Where(w => !dropped[w])];
        if (!toWrite)
            return;
        if (dropped is null)
        {
            (_sortedHashes, _sortedWords) = (sortedHashes, sortedWords);
            return;
        }
        var keptInOrder = Enumerable.Range(0, sortedWords.Length).Where(k => !dropped[sortedWords[k]]).ToArray();
        (_sortedHashes, _sortedWords) = ([.. keptInOrder.Select(k => sortedHashes[k])], [.. keptInOrder.Select(k => sortedWords[k])]);
    }

    public string Id { get; }

    public TokenisedText Text { get; }

    public int Count => _kept?.Length ?? _hashes.Length;

    public Fingerprint this[int index] => Of(_kept is null ? index : _kept[index]);

    private Fingerprint Of(int word) => new(_hashes[word], Id, word, Text.StartOf(word));

    /// <summary>
    /// The same fingerprints in order of hash, as a catalog writes them best; readable once, after
    /// which the sorted copy is let go.
    /// </summary>
    public IEnumerable<Fingerprint> InHashOrder()
    {
        var (hashes, words) = (_sortedHashes ?? throw new InvalidOperationException($"the fingerprints of {Id} were read in order of hash already"), _sortedWords!);
        (_sortedHashes, _sortedWords) = (null, null);
        return Sorted();

        IEnumerable<Fingerprint> Sorted()
        {
            for (var k = 0; k < hashes.Length; k++)
                yield return new Fingerprint(hashes[k], Id, words[k], Text.StartOf(words[k]));
        }
    }

    public IEnumerator<Fingerprint> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
            yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
