using System.Runtime.InteropServices;
using Verbatim.Searching;

namespace Verbatim.Text.Fingerprints;

/// <summary>
/// Fingerprints a lookup found, gathered by hash: each hash's places side by side in one array,
/// in the order they were found.
/// </summary>
/// <remarks>
/// A long text asks for the places of hundreds of thousands of runs at a time; a group and a list
/// made for each (LINQ's GroupBy and ToList) were most of what finding its reuse allocated. The
/// places are gathered when first asked for: a caller that only counts them never pays for it.
/// </remarks>
public sealed class FingerprintGroups
{
    private readonly IReadOnlyList<Fingerprint> _found;
    private readonly Dictionary<ulong, (int Start, int Count)> _groups = [];
    private Fingerprint[]? _gathered;

    public FingerprintGroups(IReadOnlyList<Fingerprint> found)
    {
        ArgumentNullException.ThrowIfNull(found);
        _found = found;
        foreach (var fingerprint in found)
            CollectionsMarshal.GetValueRefOrAddDefault(_groups, fingerprint.Hash, out _).Count++;
    }

    /// <summary>The hashes found, each once.</summary>
    public IEnumerable<ulong> Hashes => _groups.Keys;

    /// <summary>How many places of the hash were found.</summary>
    public int CountOf(ulong hash) => _groups.TryGetValue(hash, out var group) ? group.Count : 0;

    /// <summary>Where the places of the hash lie among all (<see cref="this[int]"/>), in the order they were found; an empty range where none was.</summary>
    public (int Start, int End) PlacesOf(ulong hash)
    {
        Gathered();
        return _groups.TryGetValue(hash, out var group) ? (group.Start, group.Start + group.Count) : (0, 0);
    }

    public Fingerprint this[int index] => Gathered()[index];

    private Fingerprint[] Gathered()
    {
        if (_gathered is not null)
            return _gathered;
        // Each group's start, its count set back to zero to be counted again as it is filled; a
        // value changed in place changes nothing the enumeration depends on.
        var start = 0;
        foreach (var hash in _groups.Keys)
        {
            ref var group = ref CollectionsMarshal.GetValueRefOrNullRef(_groups, hash);
            (group.Start, start, group.Count) = (start, start + group.Count, 0);
        }
        _gathered = new Fingerprint[_found.Count];
        foreach (var fingerprint in _found)
        {
            ref var group = ref CollectionsMarshal.GetValueRefOrNullRef(_groups, fingerprint.Hash);
            _gathered[group.Start + group.Count++] = fingerprint;
        }
        return _gathered;
    }
}
