using Verbatim.Formats.Common;
using Verbatim.Model;
using Verbatim.Reading;

namespace Verbatim.Formats;

/// <summary>
/// The readers Verbatim knows, in the order they are tried. "auto" asks every reader how sure it
/// is that the input is its format and takes the surest; a tie goes to the earlier reader.
/// </summary>
public sealed class FormatRegistry
{
    public const string Auto = "auto";

    // UTF-8 is what a document's origin means when it names no encoding: recording it for every
    // document would make each one stored before differ from what a re-ingest reads.
    private const string Utf8 = "utf-8";

    /// <summary>
    /// What the plain-text reader, which takes any text, scores: a file no reader scores above it
    /// is claimed by no reader with confidence.
    /// </summary>
    public const double FallbackConfidence = 0.1;

    private readonly IReadOnlyList<IDocumentReader> _readers;

    public FormatRegistry(IEnumerable<IDocumentReader> readers) => _readers = [.. readers];

    public IReadOnlyList<IDocumentReader> Readers => _readers;

    public IEnumerable<string> Formats => _readers.Select(r => r.Format);

    public IDocumentReader? Find(string format)
        => _readers.FirstOrDefault(r => string.Equals(r.Format, format, StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads a received file with the named reader, or the one detection picks.</summary>
    public ReadResult Read(string fileName, ReadOnlyMemory<byte> bytes, string format = Auto)
        => Read(TextDecoding.Decode(fileName, bytes), format);

    public ReadResult Read(SourceInput input, string format = Auto)
    {
        if (input.DecodingError is { } decodingError)
            return ReadResult.Failed(new Diagnostic(decodingError, input.FileName));

        IDocumentReader? reader;
        if (string.Equals(format, Auto, StringComparison.OrdinalIgnoreCase))
        {
            reader = Detect(input);
            if (reader is null)
                return ReadResult.Failed(new Diagnostic(
                    $"no reader recognises this file (tried {string.Join(", ", Formats)}); name one with --format", input.FileName));
        }
        else
        {
            reader = Find(format);
            if (reader is null)
                return ReadResult.Failed(new Diagnostic(
                    $"unknown format '{format}' (known: {Auto}, {string.Join(", ", Formats)})", input.FileName));
        }

        try
        {
            var result = reader.Read(input);
            return reader is IReadsDeclaredEncoding || input.Encoding is null or Utf8
                ? result
                : result with { Documents = [.. result.Documents.Select(d => d with { Origin = (d.Origin ?? new SourceInfo(reader.Format, input.FileName)) with { Encoding = input.Encoding } })] };
        }
        catch (Exception exception)
        {
            // A reader that throws has a bug; the batch still goes on, and the user is told where.
            return ReadResult.Failed(new Diagnostic(
                $"internal error in the {reader.Format} reader ({exception.GetType().Name}: {exception.Message}); please report it", input.FileName));
        }
    }

    public IDocumentReader? Detect(SourceInput input) => Detect(input, 0.0);

    /// <summary>The reader detection picks, when it is surer than the plain-text fallback; null when none is.</summary>
    public IDocumentReader? DetectConfidently(SourceInput input) => Detect(input, FallbackConfidence);

    private IDocumentReader? Detect(SourceInput input, double threshold)
    {
        IDocumentReader? best = null;
        var bestScore = threshold;
        foreach (var reader in _readers)
        {
            var score = reader.Detect(input);
            if (score > bestScore)
            {
                best = reader;
                bestScore = score;
            }
        }
        return best;
    }
}
