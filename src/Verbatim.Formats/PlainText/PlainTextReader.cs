using Verbatim.Formats.Common;
using Verbatim.Model;
using Verbatim.Reading;

namespace Verbatim.Formats.PlainText;

/// <summary>
/// Text with no header: the first line is the title (its first words when long), blank lines
/// separate paragraphs.
/// </summary>
public sealed class PlainTextReader : IDocumentReader
{
    public const string FormatName = "text";

    public string Format => FormatName;

    // The fallback for any text: every more specific reader scores higher on its own format.
    public double Detect(SourceInput input) => input.Text is null ? 0 : FormatRegistry.FallbackConfidence;

    public ReadResult Read(SourceInput input)
    {
        if (input.Text is null)
            return ReadResult.Failed(new Diagnostic(input.DecodingError ?? "not a text file", input.FileName));

        var paragraphs = Paragraphs.Split(input.Text);
        if (paragraphs.Count == 0)
            return ReadResult.Failed(new Diagnostic("the file holds only white space", input.FileName));

        var first = paragraphs[0].Text;
        var firstLineEnd = first.IndexOf('\n');
        var blocks = Blocks.Build(paragraphs.Select((p, i) => (i == 0 && firstLineEnd < 0 ? BlockType.Heading : BlockType.P, p.Text, (int?)p.Line)));
        // A heading of one line is that line folded already: folding it again would copy a long text.
        var title = Titles.Bounded(firstLineEnd < 0 ? blocks[0].Text : Whitespace.CollapseToLine(first[..firstLineEnd]));
        return ReadResult.Of(new Document
        {
            Id = DocumentIds.For([], null, [], title),
            Title = title,
            Kind = DocumentKind.Other,
            Body = blocks,
            Origin = new SourceInfo(FormatName, input.FileName),
            Warnings = input.DecodingWarnings,
        });
    }
}
