using Verbatim.Searching;
using Verbatim.Text.Fingerprints;

namespace Verbatim.Quoting;

/// <summary>The catalog's fingerprint rows as the text engine looks them up, without those of the hidden documents.</summary>
internal sealed class CatalogFingerprints(ICatalog catalog, IReadOnlySet<string>? hidden = null) : IFingerprintLookup
{
    public IReadOnlyList<Fingerprint> Lookup(IReadOnlyCollection<ulong> hashes, int limitPerHash)
    {
        var found = catalog.FindFingerprints(hashes, limitPerHash);
        return hidden is { Count: > 0 } ? [.. found.Where(f => !hidden.Contains(f.DocumentId))] : found;
    }
}
