namespace Verbatim.Text.Fingerprints;

/// <summary>
/// One hashed word n-gram of one document: the run of words starting at word
/// <see cref="FirstWord"/>. Plain data, so that the catalog can keep the index as rows
/// (hash, document, word) and hand them back to <see cref="FingerprintIndex.Add(IEnumerable{Fingerprint})"/>.
/// </summary>
public readonly record struct Fingerprint(ulong Hash, string DocumentId, int FirstWord);
