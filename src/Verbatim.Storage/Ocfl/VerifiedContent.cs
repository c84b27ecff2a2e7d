using System.Collections.Concurrent;

namespace Verbatim.Storage.Ocfl;

/// <summary>
/// The content files found to match their digests, remembered while their length and time of last
/// change stay as they were, so that a file read again and again is hashed once.
/// </summary>
/// <remarks>
/// A file's time of change can be set back by hand; one changed that way, to the same length,
/// passes until the store is opened again, and is caught by <c>audit</c>, which hashes every file.
/// </remarks>
internal sealed class VerifiedContent
{
    public const string Missing = "missing";

    /// <summary>What a content file whose bytes no longer hash to the inventory's digest is, in words.</summary>
    public static string Changed(string algorithm) => $"changed since it was stored: its {algorithm} is not the inventory's";

    private readonly ConcurrentDictionary<string, (long Length, DateTime Changed, string Digest)> _sound = new(StringComparer.Ordinal);

    /// <summary>The bytes of a content file and what is wrong with them (null when they match the digest).</summary>
    public (byte[] Bytes, string? Problem) Read(string file, string algorithm, string digest)
    {
        var before = new FileInfo(file);
        if (!before.Exists)
            return ([], Missing);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return ([], Missing);
        }
        var stamp = (before.Length, before.LastWriteTimeUtc);
        if (_sound.TryGetValue(file, out var known) && (known.Length, known.Changed) == stamp && Digests.AreEqual(known.Digest, digest) && bytes.Length == known.Length)
            return (bytes, null);
        if (!Digests.AreEqual(Digests.Compute(algorithm, bytes), digest))
        {
            _sound.TryRemove(file, out _);
            return (bytes, Changed(algorithm));
        }
        _sound[file] = (before.Length, before.LastWriteTimeUtc, digest);
        return (bytes, null);
    }
}
