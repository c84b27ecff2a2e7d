using Verbatim.Model;
using static Verbatim.Formats.Tests.MiaHtml.HtmlPages;

namespace Verbatim.Formats.Tests.MiaHtml;

/// <summary>The variants of the archive's markup the reader accepts, each read as its text page would be.</summary>
public class MiaHtmlMarkupTests
{
    [Fact]
    public void Author_title_and_addressee_come_from_headings_and_a_toc_paragraph()
    {
        var document = ReadDocument(Page("""
            <h1>V. I. &nbsp; Lenin</h1>
            <h3>Telegram to J. V. Stalin</h3>
            <p class="toc">To: &nbsp;J. V. STALIN</p>
            """ + Information + """
            <p>Send the grain.</p>
            """));

        Assert.Equal("V. I. Lenin", Assert.Single(document.Authors).Name);
        Assert.Equal("Telegram to J. V. Stalin", document.Title);
        Assert.Equal(DocumentKind.Telegram, document.Kind);
        Assert.Equal(new HeaderField("To", "J. V. STALIN"), document.Header[0]);
        Assert.Equal("J. V. Stalin", Assert.Single(document.Addressees).Name);
    }

    [Fact]
    public void Header_values_are_kept_as_the_page_renders_them()
    {
        var document = ReadDocument(Page("""
            <h2>V. I. Lenin</h2>
            <p class="information">
            <span class="info">Source:</span> <a href="../../cw/index.htm">Lenin Collected Works</a>,
                Progress Publishers, 1976, Moscow, Volume&nbsp;45, page&nbsp;348b.<br>
            <span class="info">Public Domain:</span> <a href="lia.htm">Lenin Internet Archive</a>
            Please credit “Marxists Internet Archive” as your source.<a href="pd.htm">README</a>
            </p>
            <p>Text.</p>
            """));

        Assert.Equal(
            [
                new HeaderField("Source", "Lenin Collected Works, Progress Publishers, 1976, Moscow, Volume\u00A045, page\u00A0348b."),
                new HeaderField("Public Domain", "Lenin Internet Archive Please credit “Marxists Internet Archive” as your source.README"),
            ],
            document.Header);
        Assert.Equal("Public Domain: Lenin Internet Archive Please credit “Marxists Internet Archive” as your source.", document.Rights);
    }

    [Fact]
    public void Labels_may_be_bold_or_plain_text()
    {
        var document = ReadDocument(Page("""
            <h2>V. I. Lenin</h2>
            <p class="information">
            <b>Written:</b> Written on May 30, 1921<br>
            Translated: Yuri Sdobnikov<br>
            </p>
            <p>Text.</p>
            """));

        Assert.Equal([new HeaderField("Written", "Written on May 30, 1921"), new HeaderField("Translated", "Yuri Sdobnikov")], document.Header);
    }

    [Fact]
    public void Classes_name_the_parts_of_a_letter()
    {
        var document = ReadDocument(Page(Information + """
            <p class="fst">Comrade Lutovinov:</p>
            <p>I have read your letter of 20/V.</p>
            <p class="closing">With comradely greetings,</p>
            <p class="sig">Lenin</p>
            <p class="signed">V. Ulyanov</p>
            <p class="date">May 30, 1921</p>
            <p class="placedate">Moscow, Kremlin</p>
            <blockquote>A quotation without a paragraph of its own.</blockquote>
            <h3>A heading in the body</h3>
            """));

        Assert.Equal(
            [BlockType.Salutation, BlockType.P, BlockType.Closing, BlockType.Signature, BlockType.Signature, BlockType.Dateline, BlockType.Dateline, BlockType.Quote, BlockType.Heading],
            document.Body.Select(b => b.Type));
    }

    [Fact]
    public void Without_classes_the_text_rules_type_the_blocks()
    {
        var document = ReadDocument(Page(Information + """
            <p>Comrade Zalutsky and Comrade Solts</p>
            <p>I consider it my duty to inform the Commission.</p>
            <p>20.00 hours, December 20, 1921.</p>
            """));

        Assert.Equal([BlockType.Salutation, BlockType.P, BlockType.Dateline], document.Body.Select(b => b.Type));
    }

    [Fact]
    public void Bare_number_markers_are_read_as_bracketed_markers_and_notes_gather_their_paragraphs()
    {
        var document = ReadDocument(Page(Information + """
            <p>He is a loyal revolutionary.<sup class="anote"><a href="#n1" name="bk1">1</a></sup> More.<a href="#n2">2</a></p>
            <hr class="end">
            <p class="endnote"><a name="n1" href="#bk1">1</a> First note.</p>
            <p class="endnote">Its second paragraph.</p>
            <p class="endnote"><a name="n2" href="#bk2">[2]</a>Second note.</p>
            """));

        var paragraph = Assert.Single(document.Body);
        Assert.Equal("He is a loyal revolutionary.[1] More.[2]", paragraph.Text);
        Assert.Equal(
            [new Note("1", "First note.\n\nIts second paragraph.", [28]), new Note("2", "Second note.", [37])],
            document.Notes,
            NoteComparer.Instance);
        Assert.Empty(document.Warnings);
    }

    [Fact]
    public void Notes_without_classes_are_found_as_on_the_text_page()
    {
        var document = ReadDocument(Page(Information + """
            <p>Text with a marker.[1]</p>
            <p>[1] The note.</p>
            <p>The note's second paragraph.</p>
            """));

        Assert.Single(document.Body);
        Assert.Equal("The note.\n\nThe note's second paragraph.", Assert.Single(document.Notes).Text);
    }

    [Fact]
    public void Footer_links_are_navigation_with_or_without_the_footer_class()
    {
        var document = ReadDocument(Page(Information + """
            <p>Text.</p>
            <p class="updat"><a href="a.htm">&lt; backward</a> &nbsp; <a href="b.htm">forward &gt;</a></p>
            <p><a href="../index.htm">Works Index</a> &nbsp; | &nbsp; <a href="../cw/index.htm">Collected Works</a></p>
            <p>See the <a href="../index.htm">index</a> for more.</p>
            """));

        Assert.Equal(["< backward forward >", "Works Index | Collected Works"], document.Navigation);
        Assert.Equal(["Text.", "See the index for more."], document.Body.Select(b => b.Text));
    }

    [Fact]
    public void Line_breaks_are_br_elements_and_source_newlines_are_spaces()
    {
        var document = ReadDocument(Page(Information + """
            <p>L. Fotevia,<br>
            Personal secretary
              of comrade Lenin<br>March 16, 1923</p>
            <pre>First line
            second   line</pre>
            """));

        Assert.Equal(["L. Fotevia,\nPersonal secretary of comrade Lenin\nMarch 16, 1923", "First line\nsecond line"], document.Body.Select(b => b.Text));
    }

    [Fact]
    public void A_block_line_is_the_line_of_its_start_tag()
    {
        var document = ReadDocument(Page(Information + """
            <p class="salutation">Comrade Lutovinov:</p>

            <p>
            I have read your letter.</p>
            <blockquote>
              <p>Quoted.</p>
            </blockquote>
            """));

        Assert.Equal([13, 15, 18], document.Body.Select(b => b.Line));
    }

    [Fact]
    public void An_editorial_introduction_reads_the_same_inside_or_after_the_information_block()
    {
        const string intro = "The following is a chapter from a large work. – Ed.";
        var inside = ReadDocument(Page($"""
            <h2>L.D. Trotsky</h2>
            <h1>With Lenin Against Stalin</h1>
            <p class="information"><span class="info">Source:</span> <em>The Militant</em>, 22 March 1930.<br>
            {intro}
            </p>
            <p>I will not quote here.</p>
            """));
        var after = ReadDocument(Page($"""
            <h2>L.D. Trotsky</h2>
            <h1>With Lenin Against Stalin</h1>
            <p class="information"><span class="info">Source:</span> <em>The Militant</em>, 22 March 1930.</p>
            <p class="intro">{intro}</p>
            <p>I will not quote here.</p>
            """));

        Assert.Equal((BlockType.Editorial, intro, 12), (inside.Body[0].Type, inside.Body[0].Text, inside.Body[0].Line));
        Assert.Equal(DocumentJson.Serialize(inside with { Body = [] }), DocumentJson.Serialize(after with { Body = [] }));
        Assert.Equal(inside.Body.Select(b => (b.Type, b.Text)), after.Body.Select(b => (b.Type, b.Text)));
    }

    private sealed class NoteComparer : IEqualityComparer<Note>
    {
        public static readonly NoteComparer Instance = new();

        public bool Equals(Note? x, Note? y)
            => x is not null && y is not null && x.N == y.N && x.Text == y.Text && x.Anchors.SequenceEqual(y.Anchors);

        public int GetHashCode(Note obj) => HashCode.Combine(obj.N, obj.Text);
    }
}
