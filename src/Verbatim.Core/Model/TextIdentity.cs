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
    /// <remarks>
    /// The words are hashed as UTF-8 one piece at a time, never joined: the text of a very long
    /// document split into words and joined again took some ten bytes a character.
    /// </remarks>
    public static string? KeyOf(string bodyText)
    {
        ArgumentNullException.ThrowIfNull(bodyText);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // One encoder for the whole text: a surrogate is encoded as it would be in the joined text.
        var encoder = Encoding.UTF8.GetEncoder();
        var buffer = new byte[4096];
        var words = 0;
        var i = 0;
        while (true)
        {
            while (i < bodyText.Length && char.IsWhiteSpace(bodyText[i]))
                i++;
            if (i == bodyText.Length)
                break;
            var start = i;
            while (i < bodyText.Length && !char.IsWhiteSpace(bodyText[i]))
                i++;
            if (words++ > 0)
                AppendUtf8(hash, encoder, buffer, " ", flush: false);
            AppendUtf8(hash, encoder, buffer, bodyText.AsSpan(start, i - start), flush: false);
        }
        if (words == 0)
            return null;
        AppendUtf8(hash, encoder, buffer, [], flush: true);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void AppendUtf8(IncrementalHash hash, Encoder encoder, byte[] buffer, ReadOnlySpan<char> chars, bool flush)
    {
        bool completed;
        do
        {
            encoder.Convert(chars, buffer, flush, out var charsUsed, out var bytesUsed, out completed);
            hash.AppendData(buffer, 0, bytesUsed);
            chars = chars[charsUsed..];
        }
        while (!completed);
    }

    /// <summary>The digest OCFL names a source by (sha512, lower-case hex), by which a source already stored is known again.</summary>
    public static string SourceDigest(ReadOnlySpan<byte> source) => Convert.ToHexStringLower(SHA512.HashData(source));

    /// <inheritdoc cref="SourceDigest(ReadOnlySpan{byte})"/>
    public static string SourceDigest(Stream source) => Convert.ToHexStringLower(SHA512.HashData(source));
}
