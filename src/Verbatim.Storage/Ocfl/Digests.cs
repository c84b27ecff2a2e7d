using System.Globalization;
using System.Security.Cryptography;

namespace Verbatim.Storage.Ocfl;

/// <summary>
/// The digest algorithms OCFL names (specification 3.4 and extension 0009-digest-algorithms), which
/// of them this build computes, and how digests are computed and compared. Digests are lowercase hex;
/// they compare case-insensitively, as the specification says base16 is case-insensitive.
/// </summary>
internal static class Digests
{
    public const string Sha512 = "sha512";
    public const string Sha256 = "sha256";
    public const string Sha1 = "sha1";
    public const string Md5 = "md5";
    public const string Blake2b512 = "blake2b-512";

    /// <summary>Extension 0009's byte count, written in decimal.</summary>
    public const string Size = "size";

    private static readonly string[] SpecAlgorithms = [Md5, Sha1, Sha256, Sha512, Blake2b512];

    private static readonly string[] ExtensionAlgorithms = ["blake2b-160", "blake2b-256", "blake2b-384", "sha512/256", Size];

    /// <summary>The two algorithms the specification allows for content addressing (E025).</summary>
    public static bool IsContentAddressing(string algorithm) => algorithm is Sha512 or Sha256;

    /// <summary>Named by the specification or by a registered extension (E056).</summary>
    public static bool IsKnown(string algorithm)
        => SpecAlgorithms.Contains(algorithm) || ExtensionAlgorithms.Contains(algorithm);

    /// <summary>
    /// Whether this build can compute the algorithm. .NET 10 has neither BLAKE2 nor SHA-512/256, so
    /// those names are known but unsupported; a validator reports them instead of checking them.
    /// </summary>
    public static bool IsSupported(string algorithm) => algorithm is Md5 or Sha1 or Sha256 or Sha512 or Size;

    /// <summary>The lowercase hex digest (for <see cref="Size"/>, the decimal length) of a stream read to its end.</summary>
    /// <exception cref="NotSupportedException">The algorithm is not <see cref="IsSupported">supported</see>.</exception>
    public static string Compute(string algorithm, Stream stream) => algorithm switch
    {
        Sha512 => Convert.ToHexStringLower(SHA512.HashData(stream)),
        Sha256 => Convert.ToHexStringLower(SHA256.HashData(stream)),
        Sha1 => Convert.ToHexStringLower(SHA1.HashData(stream)),
        Md5 => Convert.ToHexStringLower(MD5.HashData(stream)),
        Size => CountBytes(stream).ToString(CultureInfo.InvariantCulture),
        _ => throw Unsupported(algorithm),
    };

    /// <inheritdoc cref="Compute(string, Stream)"/>
    public static string Compute(string algorithm, ReadOnlySpan<byte> bytes) => algorithm switch
    {
        Sha512 => Convert.ToHexStringLower(SHA512.HashData(bytes)),
        Sha256 => Convert.ToHexStringLower(SHA256.HashData(bytes)),
        Sha1 => Convert.ToHexStringLower(SHA1.HashData(bytes)),
        Md5 => Convert.ToHexStringLower(MD5.HashData(bytes)),
        Size => bytes.Length.ToString(CultureInfo.InvariantCulture),
        _ => throw Unsupported(algorithm),
    };

    public static string ComputeFile(string algorithm, string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Compute(algorithm, stream);
    }

    public static bool AreEqual(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static NotSupportedException Unsupported(string algorithm)
        => new($"Digest algorithm '{algorithm}' is not supported by this build.");

    private static long CountBytes(Stream stream)
    {
        var buffer = new byte[1 << 16];
        long total = 0;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            total += read;
        return total;
    }
}
