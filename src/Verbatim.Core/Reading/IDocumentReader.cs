namespace Verbatim.Reading;

/// <summary>
/// Reads one format. Readers never throw for bad input: a file they cannot read is a
/// <see cref="ReadResult"/> with located errors; exceptions are for bugs.
/// </summary>
public interface IDocumentReader
{
    /// <summary>The name users give with --format ("mia-text", "tei", ...).</summary>
    string Format { get; }

    /// <summary>
    /// How sure the reader is that the input is its format: 0 means "not mine"; the registry picks
    /// the highest score. Must be cheap: it looks at the start of the input only.
    /// </summary>
    double Detect(SourceInput input);

    ReadResult Read(SourceInput input);
}
