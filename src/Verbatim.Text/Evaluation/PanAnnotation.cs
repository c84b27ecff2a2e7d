using Verbatim.Text.Normalisation;

namespace Verbatim.Text.Evaluation;

/// <summary>
/// One plagiarism case of a PAN text-alignment corpus, or one detection: a range of the suspicious
/// document (PAN's <c>this_offset</c>, <c>this_length</c>) and the range of the source document it
/// comes from (<c>source_offset</c>, <c>source_length</c>). Documents are named by their file names
/// ("suspicious-document00001.txt"). <see cref="Obfuscation"/> is the truth's own word for how the
/// passage was changed ("none", "random"), when it says.
/// </summary>
public sealed record PanAnnotation(
    string SuspiciousDocument,
    TextRange Suspicious,
    string SourceDocument,
    TextRange Source,
    string? Obfuscation = null)
{
    /// <summary>PAN's |r|: the characters of both sides.</summary>
    public int Characters => Suspicious.Length + Source.Length;

    /// <summary>PAN's "r detects s": same pair of documents, and overlapping on both sides.</summary>
    public bool Detects(PanAnnotation other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return SuspiciousDocument == other.SuspiciousDocument && SourceDocument == other.SourceDocument
            && Suspicious.Overlaps(other.Suspicious) && Source.Overlaps(other.Source);
    }
}
