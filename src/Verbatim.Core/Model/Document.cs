namespace Verbatim.Model;

/// <summary>
/// The canonical form of one received document: every fact its source states, read into fields,
/// and the text as blocks. Serialised as document.json (see <see cref="DocumentJson"/>).
/// </summary>
/// <remarks>
/// Offsets (block <see cref="Block.Start"/>, note anchors) point into <see cref="BodyText"/>: the
/// blocks' texts joined by <see cref="Document.BlockSeparator"/>, in order.
/// </remarks>
public sealed record Document
{
    /// <summary>Between two blocks of <see cref="BodyText"/>.</summary>
    public const string BlockSeparator = "\n\n";

    public required string Id { get; init; }
    public required string Title { get; init; }
    public DocumentKind Kind { get; init; } = DocumentKind.Other;
    public string? Language { get; init; }

    public IReadOnlyList<PersonRef> Authors { get; init; } = [];
    public IReadOnlyList<PersonRef> Addressees { get; init; } = [];
    public IReadOnlyList<PersonRef> CopiesTo { get; init; } = [];

    public DateSpan? Written { get; init; }
    public IReadOnlyList<Publication> Published { get; init; } = [];
    public string? PrintedFrom { get; init; }
    public SourceEdition? Source { get; init; }

    public IReadOnlyList<string> Translators { get; init; } = [];
    public IReadOnlyList<string> Transcribers { get; init; } = [];
    public string? Rights { get; init; }
    public IReadOnlyList<string> OtherFormats { get; init; } = [];

    public IReadOnlyList<ArchivalRef> ArchivalRefs { get; init; } = [];

    public IReadOnlyList<Block> Body { get; init; } = [];
    public IReadOnlyList<Note> Notes { get; init; } = [];

    /// <summary>Pointers the source makes in its text and notes, in source order, with the place each stood.</summary>
    public IReadOnlyList<Link> Links { get; init; } = [];

    /// <summary>Names the source marks in its text and notes, in source order, each with its key and authority where given.</summary>
    public IReadOnlyList<NameMention> Mentions { get; init; } = [];

    /// <summary>Every labelled field of the source exactly as written, in source order, known or not.</summary>
    public IReadOnlyList<HeaderField> Header { get; init; } = [];

    /// <summary>Site navigation lines recognised in the source and kept out of the body.</summary>
    public IReadOnlyList<string> Navigation { get; init; } = [];

    /// <summary>For a compilation: the ids of the documents it was split into, in page order.</summary>
    public IReadOnlyList<string> Parts { get; init; } = [];

    /// <summary>For a part of a compilation: the compilation's id.</summary>
    public string? PartOf { get; init; }

    /// <summary>Which reader produced the document and from which lines of the received file.</summary>
    public SourceInfo? Origin { get; init; }

    /// <summary>Editors' corrections of what the reader read, oldest first: applied to the fields above, and applied again to any later reading of the source.</summary>
    public IReadOnlyList<Correction> Corrections { get; init; } = [];

    /// <summary>What the reader could not read with certainty; the document is still usable.</summary>
    public IReadOnlyList<Diagnostic> Warnings { get; init; } = [];

    /// <summary>The text every offset of the document points into.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string BodyText => string.Join(BlockSeparator, Body.Select(b => b.Text));
}
