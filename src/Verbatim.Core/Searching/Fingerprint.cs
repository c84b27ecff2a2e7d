namespace Verbatim.Searching;

/// <summary>
/// One hashed word n-gram of one document: the run of words starting at word
/// <see cref="FirstWord"/> of the document's body text, whose first character is at offset
/// <see cref="Start"/> of that text. Plain data, so that a catalog can keep fingerprints as rows
/// without knowing how they are made; the text engine makes them and names the scheme they were
/// made under. The offset lets a reader cut the few hundred characters around a hit out of a long
/// text instead of tokenising all of it.
/// </summary>
public readonly record struct Fingerprint(ulong Hash, string DocumentId, int FirstWord, int Start);
