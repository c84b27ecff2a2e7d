using Verbatim.Model;

namespace Verbatim.Formats.Mia;

/// <summary>
/// A page of the Marxists / Lenin Internet Archive as laid out, before its fields are read:
/// what both the plain-text and the HTML reader extract, so that one builder turns either into
/// the same <see cref="Document"/>.
/// </summary>
internal sealed class MiaPage
{
    public required string FileName { get; init; }
    public required string Format { get; init; }

    /// <summary>The author line ("V. I.   Lenin"), as written.</summary>
    public string? AuthorLine { get; set; }

    /// <summary>The 1-based line of <see cref="AuthorLine"/>, where the format has lines.</summary>
    public int? AuthorLineNumber { get; set; }

    /// <summary>The title line, as written.</summary>
    public string? TitleLine { get; set; }

    /// <summary>Every labelled field in page order, as written ("To", "Written", "Published", ...).</summary>
    public List<(HeaderField Field, int? Line)> Header { get; } = [];

    /// <summary>The body paragraphs in order, with the type the layout gives them.</summary>
    public List<(BlockType Type, string Text, int? Line)> Body { get; } = [];

    /// <summary>Footnotes: the marker's number and each paragraph of the note.</summary>
    public List<(string N, List<string> Paragraphs, int? Line)> Notes { get; } = [];

    public List<string> Navigation { get; } = [];

    public List<Diagnostic> Warnings { get; } = [];
}
