using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Digests;

namespace Verbatim.Storage.Bagit;

/// <summary>
/// The checksum algorithms a bag's manifests may name (RFC 8493 section 2.4: the manifest's file
/// name carries the algorithm), and their lowercase hex digests. SHA-224, which .NET lacks, is
/// BouncyCastle's.
/// </summary>
public static class BagDigests
{
    /// <summary>The algorithm a bag made here uses (RFC 8493 asks for SHA-512 or SHA-256).</summary>
    public const string Sha512 = "sha512";

    private static readonly string[] Known = ["md5", "sha1", "sha224", "sha256", "sha384", Sha512];

    public static bool IsKnown(string algorithm) => Known.Contains(algorithm, StringComparer.Ordinal);

    /// <summary>The lowercase hex digest of a file, read as a stream.</summary>
    /// <exception cref="NotSupportedException">An algorithm <see cref="IsKnown"/> does not name.</exception>
    public static string Compute(string algorithm, string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Compute(algorithm, stream);
    }

    /// <inheritdoc cref="Compute(string, string)"/>
    public static string Compute(string algorithm, Stream stream) => algorithm switch
    {
        "md5" => Convert.ToHexStringLower(MD5.HashData(stream)),
        "sha1" => Convert.ToHexStringLower(SHA1.HashData(stream)),
        "sha224" => Sha224(stream),
        "sha256" => Convert.ToHexStringLower(SHA256.HashData(stream)),
        "sha384" => Convert.ToHexStringLower(SHA384.HashData(stream)),
        Sha512 => Convert.ToHexStringLower(SHA512.HashData(stream)),
        _ => throw new NotSupportedException($"no checksum algorithm \"{algorithm}\""),
    };

    private static string Sha224(Stream stream)
    {
        var digest = new Sha224Digest();
        var buffer = new byte[1 << 16];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            digest.BlockUpdate(buffer, 0, read);
        var result = new byte[digest.GetDigestSize()];
        digest.DoFinal(result, 0);
        return Convert.ToHexStringLower(result);
    }
}
