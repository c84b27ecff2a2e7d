namespace Verbatim.Searching;

/// <summary>
/// One hashed word n-gram of one document: the run of words starting at word
/// <see cref="FirstWord"/> of the document's body text. Plain data, so that a catalog can keep
/// fingerprints as rows (hash, document, word) without knowing how they are made; the text engine
/// makes them and names the scheme they were made under.
/// </summary>
public readonly record struct Fingerprint(ulong Hash, string DocumentId, int FirstWord);
