using Verbatim.Searching;
using Verbatim.Text.Fingerprints;

namespace Verbatim.Quoting;

/// <summary>The catalog's fingerprint rows as the text engine looks them up.</summary>
internal sealed class CatalogFingerprints(ICatalog catalog) : IFingerprintLookup
{
    public IReadOnlyList<Fingerprint> Lookup(IReadOnlyCollection<ulong> hashes, int limitPerHash) => catalog.FindFingerprints(hashes, limitPerHash);
}
