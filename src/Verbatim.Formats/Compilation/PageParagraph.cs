namespace Verbatim.Formats.Compilation;

/// <summary>What one paragraph of a compilation page is, read from the paragraph alone.</summary>
internal enum ParagraphKind
{
    Prose,
    Quote,
    List,

    /// <summary>A short line that could be a title, a heading or a caption; its place decides which.</summary>
    Short,

    /// <summary>"No. 1": a numbered item begins.</summary>
    Number,

    SourceLine,
    CourtesyLine,
    AvailableLine,
    Shelfmark,
    Attribution,
    Imprint,
    ProvenanceNote,

    Byline,
    Dateline,
    DatedSignature,
    Address,
    Salutation,
    Editorial,
    Translator,
}

/// <summary>
/// One paragraph of the page (lines between blank lines). <see cref="Text"/> is the lines as
/// received joined by "\n"; <see cref="Line"/> is the same with white space folded to one line.
/// </summary>
internal sealed record PageParagraph(int Index, string Text, string Line, int FirstLine, int LastLine, ParagraphKind Kind)
{
    /// <summary>Only names or picture alt text: a caption where it stands between items or under a title.</summary>
    public bool CaptionLike { get; init; }

    /// <summary>A picture's alt text left in the page: a caption wherever it stands.</summary>
    public bool AltText { get; init; }

    /// <summary>A personal name on its own: a signature where it ends an item.</summary>
    public bool NameLine { get; init; }

    /// <summary>A line that ends an item on a compilation page: its source, archive or attribution.</summary>
    public bool IsCloser => Kind is ParagraphKind.SourceLine or ParagraphKind.CourtesyLine or ParagraphKind.AvailableLine
        or ParagraphKind.Shelfmark or ParagraphKind.Attribution or ParagraphKind.Imprint or ParagraphKind.ProvenanceNote;
}
