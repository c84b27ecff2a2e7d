using Verbatim.Formats.Common;
using Verbatim.Model;
using Verbatim.Reading;

namespace Verbatim.Formats.PlainText;

/// <summary>Text with no header: the first line is the title, blank lines separate paragraphs.</summary>
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

        var title = Whitespace.CollapseToLine(paragraphs[0].Text.Split('\n')[0]);
        var blocks = Blocks.Build(paragraphs.Select((p, i) => (i == 0 && p.Text.Split('\n').Length == 1 ? BlockType.Heading : BlockType.P, p.Text, (int?)p.Line)));
        // A heading that is the title is held once: a text of one long line is its own title.
        if (blocks.Count > 0 && blocks[0].Text == title)
            title = blocks[0].Text;
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
