using System.Security.Cryptography;
using System.Text;

namespace Verbatim.Model;

/// <summary>
/// What makes two documents one text though their sources differ (a page saved as text and as
/// HTML): the same words in the same order, the white space between them aside.
/// </summary>
public static class TextIdentity
{
    /// <summary>A digest of the body text with every run of white space made one space; null for a text without a word.</summary>
    public static string? KeyOf(string bodyText)
    {
        ArgumentNullException.ThrowIfNull(bodyText);
        var words = bodyText.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 0 ? null : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(' ', words))));
    }

    /// <summary>The digest OCFL names a source by (sha512, lower-case hex), by which a source already stored is known again.</summary>
    public static string SourceDigest(ReadOnlySpan<byte> source) => Convert.ToHexStringLower(SHA512.HashData(source));

    /// <inheritdoc cref="SourceDigest(ReadOnlySpan{byte})"/>
    public static string SourceDigest(Stream source) => Convert.ToHexStringLower(SHA512.HashData(source));
}
