using AngleSharp.Html.Dom.Events;
using AngleSharp.Html.Parser;
using Verbatim.Formats.Mia;
using Verbatim.Model;
using Verbatim.Reading;

namespace Verbatim.Formats.MiaHtml;

/// <summary>
/// Reads pages of the Marxists / Lenin Internet Archive as the site serves them (HTML): the author
/// and title headings, "To:" lines, the labelled fields of <c>p.information</c>, the body, the
/// endnotes and the footer's navigation. It fills the same <see cref="MiaPage"/> the plain-text
/// reader fills, so one page read either way gives the same <see cref="Document"/>, except:
/// <list type="bullet">
/// <item><see cref="SourceInfo.Format"/> is "mia-html".</item>
/// <item><see cref="Block.Line"/> is the 1-based line of the block's start tag in the HTML file
/// (for a line of the information block that has no element of its own: the line its text starts
/// on); null where the parser made the element up.</item>
/// <item>A block inside <c>blockquote</c> is a <see cref="BlockType.Quote"/>, which the text page
/// cannot show: the text reader calls it <see cref="BlockType.P"/>.</item>
/// </list>
/// The HTML is parsed as a browser parses it (AngleSharp), so broken markup never stops the reader:
/// syntax errors, and comments or scripts left open that swallow the rest of the file, are located
/// warnings; a page with no text at all is a located error. Script and style contents are never
/// text. The bytes are decoded as every text file is (<see cref="Common.TextDecoding"/>: UTF-8, else
/// Windows-1252); a <c>&lt;meta charset&gt;</c> is not consulted.
/// </summary>
public sealed class MiaHtmlReader : IDocumentReader
{
    public const string FormatName = "mia-html";

    public string Format => FormatName;

    public double Detect(SourceInput input) => MiaHtmlDetection.Score(input.Text);

    public ReadResult Read(SourceInput input)
    {
        if (input.Text is null)
            return ReadResult.Failed(new Diagnostic(input.DecodingError ?? "not a text file", input.FileName));
        if (string.IsNullOrWhiteSpace(input.Text))
            return ReadResult.Failed(new Diagnostic("the file holds only white space", input.FileName));
        if (Common.NestingDepth.Check(input.Text, input.FileName, html: true) is { } tooDeep)
            return ReadResult.Failed(tooDeep);

        var lines = new SourceLines(input.Text);
        var syntaxErrors = new List<HtmlErrorEvent>();
        var parser = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true });
        parser.Error += (_, e) =>
        {
            if (e is HtmlErrorEvent error)
                syntaxErrors.Add(error);
        };
        using var html = parser.ParseDocument(input.Text);

        var page = new MiaPage { FileName = input.FileName, Format = FormatName };
        page.Warnings.AddRange(input.DecodingWarnings);
        var damage = HtmlDamage.Find(input.Text, html, syntaxErrors, lines, input.FileName);
        page.Warnings.AddRange(damage);

        if ((html.Body ?? html.DocumentElement) is { } root)
            new MiaHtmlLayout(page, lines).Read(root);

        if (page.Header.Count == 0 && page.Body.Count == 0 && page.Notes.Count == 0 && page.AuthorLine is null && page.TitleLine is null)
        {
            return ReadResult.Failed(damage.Count > 0
                ? damage[0] with { Message = "no text found in the page: " + damage[0].Message }
                : new Diagnostic("no text found in the page's body", input.FileName, 1));
        }
        if (page.Header.Count == 0)
            page.Warnings.Add(new Diagnostic("no labelled header fields found (no p.information block): is this a page of the archive?", input.FileName, 1));
        return ReadResult.Of(MiaDocumentBuilder.Build(page));
    }
}
