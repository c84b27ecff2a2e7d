namespace Verbatim.Model;

/// <summary>The fields of a document an editor may correct, each edited as one piece of text (<see cref="DocumentFields"/>).</summary>
public enum CorrectableField
{
    Kind,
    Date,
    Place,
    Authors,
    Addressees,
    Shelfmarks,
    Published,
}

/// <summary>
/// An editor's correction of one field of what a reader read from the source: what the field read
/// before and what it reads now (each as <see cref="DocumentFields.Text"/> gives it), who made it,
/// in which version, and why.
/// </summary>
/// <remarks>
/// Corrections are kept in document.json in the order they were made, so that a later reading of the
/// same source (a re-ingest, a better reader) has them applied again rather than silently undone.
/// </remarks>
public sealed record Correction
{
    public required CorrectableField Field { get; init; }

    /// <summary>The field before the correction, "" where it was empty.</summary>
    public required string Was { get; init; }

    /// <summary>The field after it, "" where it was emptied.</summary>
    public required string Value { get; init; }

    public required string Editor { get; init; }

    /// <summary>The version of the object the correction was first saved in.</summary>
    public required int Version { get; init; }

    public required string Reason { get; init; }
}
