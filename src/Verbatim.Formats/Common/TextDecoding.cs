using System.Text;
using Verbatim.Model;
using Verbatim.Reading;

namespace Verbatim.Formats.Common;

/// <summary>
/// Turns received bytes into a <see cref="SourceInput"/>: detects binary files, reads UTF-8 (with or
/// without BOM), UTF-16 with BOM, and falls back to Windows-1252 for the old single-byte pages that
/// are common on long-lived sites. Line endings become "\n".
/// </summary>
public static class TextDecoding
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);
    private static readonly Encoding LenientUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: false);

    // How far a NUL byte is looked for: enough to catch every binary format we know of without
    // reading a large file twice.
    private const int BinaryProbeLength = 8192;

    static TextDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static SourceInput Decode(string fileName, ReadOnlyMemory<byte> bytes)
    {
        var span = bytes.Span;
        if (span.Length == 0)
            return new SourceInput(fileName, bytes, null, null, "the file is empty");

        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return DecodeUtf8(fileName, bytes, 3);
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return Finish(fileName, bytes, Encoding.Unicode.GetString(span[2..]), "utf-16le", []);
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return Finish(fileName, bytes, Encoding.BigEndianUnicode.GetString(span[2..]), "utf-16be", []);

        var nul = span[..Math.Min(span.Length, BinaryProbeLength)].IndexOf((byte)0);
        if (nul >= 0)
            return new SourceInput(fileName, bytes, null, null, $"binary file, not text (a NUL byte at byte offset {nul})");

        return DecodeUtf8(fileName, bytes, 0);
    }

    private static SourceInput DecodeUtf8(string fileName, ReadOnlyMemory<byte> bytes, int start)
    {
        var span = bytes.Span[start..];
        try
        {
            return Finish(fileName, bytes, StrictUtf8.GetString(span), "utf-8", []);
        }
        catch (DecoderFallbackException)
        {
            var (valid, invalid, firstInvalid) = CountUtf8Sequences(span);
            if (valid == 0)
            {
                // No well-formed multi-byte sequence at all: a single-byte page, not damaged UTF-8.
                var text = Encoding.GetEncoding(1252).GetString(span);
                return Finish(fileName, bytes, text, "windows-1252",
                    [new Diagnostic("not UTF-8: read as Windows-1252", fileName)]);
            }
            var decoded = LenientUtf8.GetString(span);
            var (line, column) = Locate(span, firstInvalid);
            return Finish(fileName, bytes, decoded, "utf-8",
                [new Diagnostic($"invalid UTF-8 ({invalid} bad byte sequence(s)); each replaced by U+FFFD", fileName, line, column)]);
        }
    }

    private static SourceInput Finish(string fileName, ReadOnlyMemory<byte> bytes, string text, string encoding, IReadOnlyList<Diagnostic> warnings)
        => new(fileName, bytes, NormaliseLineEndings(text), encoding, null) { DecodingWarnings = warnings };

    public static string NormaliseLineEndings(string text)
        => text.Contains('\r') ? text.Replace("\r\n", "\n").Replace('\r', '\n') : text;

    private static (int Valid, int Invalid, int FirstInvalid) CountUtf8Sequences(ReadOnlySpan<byte> span)
    {
        int valid = 0, invalid = 0, firstInvalid = -1;
        var i = 0;
        while (i < span.Length)
        {
            var b = span[i];
            if (b < 0x80) { i++; continue; }
            var length = b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 && b <= 0xDF ? 2 : 0;
            var ok = length > 0 && i + length <= span.Length;
            for (var k = 1; ok && k < length; k++)
                ok = (span[i + k] & 0xC0) == 0x80;
            if (ok) { valid++; i += length; }
            else
            {
                invalid++;
                if (firstInvalid < 0) firstInvalid = i;
                i++;
            }
        }
        return (valid, invalid, firstInvalid);
    }

    private static (int Line, int Column) Locate(ReadOnlySpan<byte> span, int offset)
    {
        var before = span[..Math.Max(0, offset)];
        var line = before.Count((byte)'\n') + 1;
        var lastBreak = before.LastIndexOf((byte)'\n');
        var column = LenientUtf8.GetCharCount(before[(lastBreak + 1)..]) + 1;
        return (line, column);
    }
}
