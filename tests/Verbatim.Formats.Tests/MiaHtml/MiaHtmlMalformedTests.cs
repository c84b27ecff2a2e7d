using Verbatim.Model;
using static Verbatim.Formats.Tests.MiaHtml.HtmlPages;

namespace Verbatim.Formats.Tests.MiaHtml;

/// <summary>Broken markup gives a document or a located error, never an exception, and never script text.</summary>
public class MiaHtmlMalformedTests
{
    [Fact]
    public void Unclosed_tags_are_closed_as_a_browser_closes_them()
    {
        var document = ReadDocument(Head + """
            <h2>V. I. &nbsp; Lenin
            <p class="information"><span class="info">Written:</span> Written on May 30, 1921<br>
            <span class="info">Source:</span> Lenin Collected Works
            <p class="salutation">Comrade Lutovinov:
            <p>I have read your letter.<blockquote><p>quoted words
            <p class="closing">With comradely greetings,
            """);

        Assert.Equal("V. I. Lenin", Assert.Single(document.Authors).Name);
        Assert.Equal(["Written", "Source"], document.Header.Select(h => h.Label));
        Assert.Equal("1921-05-30", document.Written?.Date);
        Assert.Equal(
            [(BlockType.Salutation, "Comrade Lutovinov:"), (BlockType.P, "I have read your letter."), (BlockType.Quote, "quoted words"), (BlockType.Closing, "With comradely greetings,")],
            document.Body.Select(b => (b.Type, b.Text)));
        Assert.Contains(document.Warnings, w => w.Message.Contains("syntax error", StringComparison.Ordinal) && w.Line is not null);
    }

    [Fact]
    public void Stray_end_tags_change_nothing_but_a_located_warning()
    {
        var clean = Page(Information + """
            <p class="salutation">Comrade Lutovinov:</p>
            <p>I have read your letter.</p>
            """);
        var stray = Page(Information.Replace("<br>", "</div><br>", StringComparison.Ordinal) + """
            <p class="salutation">Comrade Lutovinov:</p></div></span>
            <p>I have read your letter.</p></div>
            """);

        var expected = ReadDocument(clean);
        var actual = ReadDocument(stray);

        Assert.Equal(DocumentJson.Serialize(expected with { Warnings = [] }), DocumentJson.Serialize(actual with { Warnings = [] }));
        var warning = Assert.Single(actual.Warnings);
        Assert.Contains("syntax error", warning.Message, StringComparison.Ordinal);
        Assert.Equal(10, warning.Line);
    }

    [Fact]
    public void Script_and_style_contents_never_become_text()
    {
        var document = ReadDocument(Page(Information + """
            <style>p.secret { display: none }</style>
            <p class="salutation">Comrade Lutovinov:</p>
            <p>I have read <script>document.write("[2] injected words");</script>your letter.</p>
            <script type="text/javascript">
              var salutation = "Comrade Injected:";
            </script>
            <p>A second paragraph.</p>
            """));

        Assert.Equal(["Comrade Lutovinov:", "I have read your letter.", "A second paragraph."], document.Body.Select(b => b.Text));
        var json = DocumentJson.Serialize(document);
        Assert.DoesNotContain("injected", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secret", json, StringComparison.Ordinal);
        Assert.Empty(document.Warnings);
    }

    [Fact]
    public void A_script_left_open_swallows_the_rest_and_says_where()
    {
        var document = ReadDocument(Page(Information + """
            <p>Before the script.</p>
            <script>var x = 1;
            <p>Swallowed paragraph.</p>
            """));

        Assert.Equal(["Before the script."], document.Body.Select(b => b.Text));
        Assert.DoesNotContain("Swallowed", DocumentJson.Serialize(document), StringComparison.Ordinal);
        var warning = Assert.Single(document.Warnings, w => w.Message.Contains("<script> opened here is never closed", StringComparison.Ordinal));
        Assert.Equal(("page.html", 14, 1), (warning.File, warning.Line, warning.Column));
        Assert.Contains("the rest of the file (4 line(s))", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unterminated_comment_swallows_the_rest_and_says_where()
    {
        var document = ReadDocument(Page(Information + """
            <p>Before the comment.</p>
              <!-- a note to the editor
            <p>After the comment.</p>
            """));

        Assert.Equal(["Before the comment."], document.Body.Select(b => b.Text));
        Assert.DoesNotContain("After", DocumentJson.Serialize(document), StringComparison.Ordinal);
        var warning = Assert.Single(document.Warnings, w => w.Message.Contains("comment opened here is never closed", StringComparison.Ordinal));
        Assert.Equal((14, 3), (warning.Line, warning.Column));
    }

    [Fact]
    public void A_page_a_comment_swallows_whole_is_a_located_error()
    {
        var result = Read("<!DOCTYPE html>\n<html><body>\n<!-- <p>Everything</p>\n<p>and more</p>\n");

        Assert.False(result.Succeeded);
        Assert.Empty(result.Documents);
        var error = Assert.Single(result.Errors);
        Assert.Contains("no text found", error.Message, StringComparison.Ordinal);
        Assert.Equal(("page.html", 3, 1), (error.File, error.Line, error.Column));
    }

    [Fact]
    public void A_page_with_an_empty_body_is_a_located_error()
    {
        var result = Read("<!DOCTYPE html><html><head><title>Nothing</title></head><body>  </body></html>");

        var error = Assert.Single(result.Errors);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void Deep_nesting_does_not_exhaust_the_stack()
    {
        const int depth = 20_000;
        var html = Page(Information + string.Concat(Enumerable.Repeat("<div><b>", depth)) + "Deep words." + string.Concat(Enumerable.Repeat("</b></div>", depth)));

        var result = Read(html);

        Assert.True(result.Succeeded || result.Errors.All(e => e.Line is not null));
    }

    [Fact]
    public void Plain_text_read_as_html_gives_a_document_not_an_exception()
    {
        var result = Read(File.ReadAllText(SharedMaterial.Seed("000")), "000.txt");

        var document = Assert.Single(result.Documents);
        Assert.Contains(document.Warnings, w => w.Message.Contains("no labelled header fields", StringComparison.Ordinal));
    }
}
