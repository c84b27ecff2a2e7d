using System.Text;
using Verbatim.Formats.Common;
using Verbatim.Formats.Tei;
using Verbatim.Model;
using Verbatim.Reading;

namespace Verbatim.Formats.Tests.Tei;

public class TeiReaderTests
{
    private const string TeiOpen = """<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="X1">""";

    private static ReadResult ReadLetter(string letter)
    {
        var name = letter + ".xml";
        return new TeiReader().Read(TextDecoding.Decode(name, File.ReadAllBytes(Path.Combine(SharedMaterial.TeiLetters, name))));
    }

    private static ReadResult ReadText(string xml, string name = "test.xml")
        => new TeiReader().Read(TextDecoding.Decode(name, Encoding.UTF8.GetBytes(xml)));

    [Theory]
    [InlineData("L03634", "conjectured-range")]
    [InlineData("L02710", "footnote-and-commentary")]
    [InlineData("L00806", "postscript-three-witnesses")]
    public void Golden_letters(string letter, string shape)
        => Golden.VerifyDocuments(SharedMaterial.TestFolder("Tei", "Golden", $"{letter}-{shape}.expected.json"), ReadLetter(letter).Documents);

    [Fact]
    public void Mamroth_to_Schnitzler_1889()
    {
        var result = ReadLetter("L00001");
        Assert.True(result.Succeeded);
        var letter = Assert.Single(result.Documents);

        Assert.Equal("mamroth-1889-08-02-to-schnitzler-l00001", letter.Id);
        Assert.Equal("Fedor Mamroth an Arthur Schnitzler, 2. 8. 1889", letter.Title);
        Assert.Equal(DocumentKind.Letter, letter.Kind);
        Assert.Equal("de-AT", letter.Language);

        var author = Assert.Single(letter.Authors);
        Assert.Equal(new PersonRef("Fedor Mamroth", Ref: "#pmb4986", Text: "Mamroth, Fedor"), author);
        var addressee = Assert.Single(letter.Addressees);
        Assert.Equal("Arthur Schnitzler", addressee.Name);
        Assert.Equal("#pmb2121", addressee.Ref);

        var written = Assert.IsType<DateSpan>(letter.Written);
        Assert.Equal("1889-08-02", written.Date);
        Assert.Equal(DatePrecision.Day, written.Precision);
        Assert.Equal("Frankfurt am Main", written.Place);
        Assert.Equal("#pmb146", written.PlaceRef);
        Assert.Equal("written", written.Mode);
        Assert.Equal("correspDesc", written.From);
        Assert.Equal("2. 8. 1889", written.Text);
        Assert.Null(written.NotBefore);

        var archival = Assert.Single(letter.ArchivalRefs);
        Assert.Equal("University Library", archival.Repository);
        Assert.Equal("Schnitzler, B 68", archival.Idno);
        Assert.Equal("Cambridge", archival.Settlement);
        Assert.Equal("GB", archival.Country);
        Assert.Equal(ArchivalForm.Manuscript, archival.Form);

        Assert.Equal("https://hdl.handle.net/21.11115/0000-000E-6B22-4", letter.Source?.Url);
        Assert.Equal("https://creativecommons.org/licenses/by/4.0/deed.de", letter.Rights);
        Assert.Equal(["Martin Anton Müller", "Gerd-Hermann Susen"], letter.Transcribers);
        Assert.Equal(new SourceInfo("tei", "L00001.xml"), letter.Origin);

        Assert.Equal(
            [BlockType.Heading, BlockType.Heading, BlockType.Heading, BlockType.Heading, BlockType.Salutation,
             BlockType.P, BlockType.P, BlockType.Closing, BlockType.Signature],
            letter.Body.Select(b => b.Type));
        Assert.Equal("Frankfurter Zeitung\nund\nHandelsblatt.", letter.Body[0].Text);
        Assert.Equal("Redaction. Frankfurt a. M., 2. Aug. 1889", letter.Body[1].Text);
        Assert.Equal("Hochgeehrter Herr Doctor!", letter.Body[4].Text);
        Assert.StartsWith("»Der Sohn« ist leider auch mir zu düster, so kunstvoll", letter.Body[5].Text);
        Assert.Equal("Ihr\nergebener", letter.Body[7].Text);
        Assert.Equal("Dr FMamroth", letter.Body[8].Text);

        // Each note stands right after the words it comments on, and its words are not in the body.
        var text = letter.BodyText;
        Assert.Equal(2, letter.Notes.Count);
        Assert.Equal(["1", "2"], letter.Notes.Select(n => n.N));
        Assert.All(letter.Notes, n => Assert.Equal("commentary", n.Type));
        Assert.StartsWith("Die Erzählung entstand im Sommer 1889", letter.Notes[0].Text);
        Assert.EndsWith("»Der Sohn", text[..letter.Notes[0].Anchors.Single()]);
        Assert.StartsWith("« ist leider", text[letter.Notes[0].Anchors.Single()..]);
        Assert.StartsWith("Erst am 24. 12. 1891 erschien", letter.Notes[1].Text);
        Assert.EndsWith("erfreuen Sie mich bald durch einen anderen Beitrag", text[..letter.Notes[1].Anchors.Single()]);
        Assert.StartsWith(" u. empfangen Sie", text[letter.Notes[1].Anchors.Single()..]);
        Assert.DoesNotContain("Erzählung", text);

        Assert.Contains(new HeaderField("title", "Fedor Mamroth an Arthur Schnitzler, 2. 8. 1889"), letter.Header);
        Assert.Contains(new HeaderField("author", "Mamroth, Fedor [ref=#pmb4986]"), letter.Header);
        Assert.Contains(new HeaderField("msIdentifier", "University Library, Cambridge (GB): Schnitzler, B 68"), letter.Header);
        Assert.Contains(letter.Header, f => f.Label == "received" && f.Value.Contains("notBefore=1889-08-03", StringComparison.Ordinal));
        Assert.Empty(letter.Warnings);
    }

    [Fact]
    public void Conjectured_range_keeps_its_bounds_and_evidence()
    {
        var written = ReadLetter("L03634").Documents.Single().Written!;
        Assert.Null(written.Date);
        Assert.Equal("1911-06-05", written.NotBefore);
        Assert.Equal("1911-06-12", written.NotAfter);
        Assert.Equal("conjecture", written.Evidence);
        Assert.Equal("[zwischen 5. und 12. 6. 1911?]", written.Text);
    }

    [Fact]
    public void Letter_written_over_two_days_has_from_and_to_as_bounds()
    {
        var written = ReadLetter("L01422").Documents.Single().Written!;
        Assert.Null(written.Date);
        Assert.Equal(("1904-08-05", "1904-08-06"), (written.NotBefore, written.NotAfter));
    }

    [Fact]
    public void Telegram_is_a_telegram_in_typescript()
    {
        var telegram = ReadLetter("L01079").Documents.Single();
        Assert.Equal(DocumentKind.Telegram, telegram.Kind);
        Assert.Equal(ArchivalForm.Typescript, telegram.ArchivalRefs.Single().Form);
        Assert.Contains(new HeaderField("objectType", "corresp=telegramm"), telegram.Header);
    }

    [Fact]
    public void Author_without_a_name_is_named_from_the_sender_with_the_same_key()
    {
        var letter = ReadLetter("L04471").Documents.Single();
        Assert.Equal(["Arthur Schnitzler", "Olga Schnitzler"], letter.Authors.Select(a => a.Name));
        Assert.Contains(letter.Warnings, w => w.Message.Contains("#pmb2173", StringComparison.Ordinal));
    }

    [Fact]
    public void Date_whose_attribute_and_words_disagree_is_reported()
    {
        var letter = ReadLetter("L01254").Documents.Single();
        Assert.Equal("1902-11-30", letter.Written!.Date);
        Assert.Contains(letter.Warnings, w => w.Message.Contains("30. 11. 1903", StringComparison.Ordinal));
    }

    [Fact]
    public void Reading_text_rules()
    {
        var xml = $"""
            <?xml version="1.0" encoding="UTF-8"?>
            {TeiOpen}
              <teiHeader><fileDesc><titleStmt><title level="a">A an B</title><author ref="#a">Alpha, Anna</author></titleStmt></fileDesc>
                <profileDesc><correspDesc>
                  <correspAction type="sent"><persName ref="#a">Alpha, Anna</persName><date when="1900-05">Mai 1900</date></correspAction>
                  <correspAction type="received"><persName ref="#b">Beta, Bert</persName></correspAction>
                </correspDesc></profileDesc></teiHeader>
              <text><body><div type="writingSession">
                <p><salute>Lieber Bert!</salute> Ich <del>schreibe</del><subst><del>sende</del><add>schicke</add></subst> Dir
                   Brot <c rendition="#kaufmannsund"/> Salz<note type="commentary">Ein Gruß.</note>, Du<lb/>Freund,
                   und grüße, <salute>lieber Bert</salute>, auch <gap reason="illegible"/> sehr.<space unit="chars" quantity="3"/>Ende<del>nicht<note type="commentary">Gestrichen.</note></del>.</p>
                <closer>Deine<lb/><signed>Anna</signed><note type="textConst">am Rand</note></closer>
              </div></body><back><listPerson/></back></text>
            </TEI>
            """;
        var document = ReadText(xml).Documents.Single();

        Assert.Equal(
            [(BlockType.Salutation, "Lieber Bert!"),
             (BlockType.P, "Ich schicke Dir Brot & Salz, Du\nFreund, und grüße, lieber Bert, auch […] sehr. Ende."),
             (BlockType.Closing, "Deine"),
             (BlockType.Signature, "Anna")],
            document.Body.Select(b => (b.Type, b.Text)));
        Assert.Equal(DatePrecision.Month, document.Written!.Precision);
        Assert.Equal("alpha-1900-05-to-beta-x1", document.Id);

        var text = document.BodyText;
        Assert.Equal(["Ein Gruß.", "Gestrichen.", "am Rand"], document.Notes.Select(n => n.Text));
        Assert.EndsWith("Brot & Salz", text[..document.Notes[0].Anchors[0]]);
        Assert.EndsWith("sehr. Ende", text[..document.Notes[1].Anchors[0]]);
        Assert.Equal(text.Length, document.Notes[2].Anchors[0]);
        Assert.Equal("textConst", document.Notes[2].Type);
    }

    [Fact]
    public void A_keyed_mention_is_named_by_the_editions_index_and_keeps_its_words_as_its_form()
    {
        var letter = ReadLetter("L00806").Documents.Single();

        // <rs type="person" ref="#pmb2378" subtype="implied">sie</rs>, and "ihr" twice.
        var reinhard = letter.Mentions.Where(m => m.Ref == "#pmb2378").ToList();
        Assert.Equal(["sie", "ihr", "ihr"], reinhard.Select(m => m.Form));
        Assert.All(reinhard, m => Assert.Equal("Marie Reinhard", m.Name));
        Assert.Contains(new NameMention("Graz", NameKind.Place, "#pmb860", Form: "Gr."), letter.Mentions);
        Assert.DoesNotContain(letter.Mentions, m => m.Name is "sie" or "ihr" or "Gr.");
    }

    [Fact]
    public void A_mention_of_several_keys_names_each_and_a_keyless_reference_names_nobody()
    {
        var xml = $"""
            {TeiOpen}<teiHeader><fileDesc><titleStmt><title level="a">A an B</title></titleStmt></fileDesc></teiHeader>
            <text><body><p>Die <rs type="person" ref="#p1 #p2">Eltern</rs> und <rs type="person">sie</rs> grüßen
            <persName>Bert</persName> und <rs type="person" ref="#p3">Tante</rs>.</p></body>
            <back><listPerson>
              <person xml:id="p1"><persName><forename>Anna</forename> <surname>Alpha</surname></persName><persName type="person_pseudonym">A. A.</persName></person>
              <person xml:id="p2"><persName><surname>Alpha</surname><forename>Otto</forename></persName></person>
            </listPerson></back></text></TEI>
            """;
        var document = ReadText(xml).Documents.Single();

        Assert.Equal(
            [new NameMention("Anna Alpha", NameKind.Person, "#p1", Form: "Eltern"),
             new NameMention("Otto Alpha", NameKind.Person, "#p2", Form: "Eltern"),
             new NameMention("Bert", NameKind.Person),
             new NameMention("Tante", NameKind.Person, "#p3")],
            document.Mentions);
    }

    [Theory]
    [InlineData("L00036", "[22.? 8. 1891]", DateCertainty.Uncertain, DatePart.Day)]
    [InlineData("L00092", "[4. 4. 1892?]", DateCertainty.Uncertain, null)]
    [InlineData("L00001", "2. 8. 1889", null, null)]
    public void The_date_of_writing_keeps_the_doubt_its_source_states(string letter, string text, DateCertainty? certainty, DatePart? part)
    {
        var written = ReadLetter(letter).Documents.Single().Written!;
        Assert.Equal(text, written.Text);
        Assert.Equal((certainty, part), (written.Certainty, written.UncertainPart));
    }

    [Fact]
    public void Empty_pointers_are_links_not_words()
    {
        var letter = ReadLetter("L00001").Documents.Single();

        // "(<ref target="1889-09-08" type="schnitzler-tagebuch"/>)" in the first commentary.
        Assert.Equal("Die Erzählung entstand im Sommer 1889 ().", letter.Notes[0].Text);
        Assert.DoesNotContain(letter.Notes, n => n.Text.Contains("schnitzler-tagebuch", StringComparison.Ordinal));
        var link = letter.Links.First();
        Assert.Equal(new Link("1889-09-08", "schnitzler-tagebuch", null, "Die Erzählung entstand im Sommer 1889 (".Length, "1"), link);
    }

    [Fact]
    public void Pointers_in_the_letter_text_leave_its_words_alone()
    {
        var xml = $"""
            {TeiOpen}<teiHeader><fileDesc><titleStmt><title level="a">A an B</title></titleStmt></fileDesc></teiHeader>
            <text><body><p>Wie am <ref type="schnitzler-briefe" target="L00002" subtype="date-only"/> gesagt, <ptr target="#n1"/>siehe <ref target="https://example.org/x">hier</ref>.</p></body></text></TEI>
            """;
        var document = ReadText(xml).Documents.Single();

        Assert.Equal("Wie am gesagt, siehe hier.", document.BodyText);
        Assert.Equal(
            [new Link("L00002", "schnitzler-briefe", "date-only", "Wie am".Length),
             new Link("#n1", null, null, "Wie am gesagt,".Length),
             new Link("https://example.org/x", null, null, "Wie am gesagt, siehe ".Length, Text: "hier")],
            document.Links);
    }

    [Fact]
    public void Letter_without_correspDesc_is_read_with_a_warning()
    {
        var xml = $"""
            {TeiOpen}<teiHeader><fileDesc><titleStmt><title level="a">Ein Blatt</title><author>Alpha, Anna</author></titleStmt></fileDesc></teiHeader>
            <text><body><p>Nur Text.</p></body></text></TEI>
            """;
        var result = ReadText(xml);
        Assert.True(result.Succeeded);
        var document = result.Documents.Single();
        Assert.Equal("Anna Alpha", document.Authors.Single().Name);
        Assert.Empty(document.Addressees);
        Assert.Null(document.Written);
        Assert.Equal(DocumentKind.Other, document.Kind);
        Assert.Equal("Nur Text.", document.Body.Single().Text);
        Assert.Contains(document.Warnings, w => w.Message.Contains("correspDesc", StringComparison.Ordinal));
    }

    [Fact]
    public void Manuscript_described_without_a_witness_is_an_archival_ref()
    {
        var xml = $"""
            {TeiOpen}<teiHeader><fileDesc><titleStmt><title level="a">Brief</title><author ref="#a">Alpha, Anna</author></titleStmt>
            <sourceDesc><msDesc><msIdentifier><settlement>Wien</settlement><repository>Wienbibliothek</repository><idno>H.I.N. 1</idno></msIdentifier>
            <physDesc><handDesc><handNote medium="tinte" corresp="#a"/></handDesc></physDesc></msDesc></sourceDesc></fileDesc></teiHeader>
            <text><body><p>Text.</p></body></text></TEI>
            """;
        var archival = ReadText(xml).Documents.Single().ArchivalRefs.Single();
        Assert.Equal(("Wienbibliothek", "Wien", "H.I.N. 1"), (archival.Repository, archival.Settlement, archival.Idno));
        Assert.Equal("Wienbibliothek, Wien: H.I.N. 1", archival.Text);
        Assert.Equal(ArchivalForm.Autograph, archival.Form);
    }

    [Fact]
    public void Truncated_file_is_a_located_error()
    {
        var bytes = File.ReadAllBytes(Path.Combine(SharedMaterial.TeiLetters, "L00001.xml"));
        var input = TextDecoding.Decode("L00001.xml", bytes.AsMemory(0, bytes.Length / 2));
        var result = new TeiReader().Read(input);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("malformed XML:", error.Message, StringComparison.Ordinal);
        Assert.Equal("L00001.xml", error.File);
        Assert.True(error.Line > 100, $"line {error.Line}");
        Assert.NotNull(error.Column);
    }

    [Fact]
    public void Mismatched_tags_are_a_located_error()
    {
        var result = ReadText($"{TeiOpen}\n  <teiHeader>\n  </fileDesc>\n</TEI>");
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("malformed XML:", error.Message, StringComparison.Ordinal);
        Assert.Contains("fileDesc", error.Message, StringComparison.Ordinal);
        Assert.Equal((3, 5), (error.Line, error.Column));
        Assert.DoesNotContain("Line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Entity_bomb_in_a_doctype_is_a_located_error_not_expanded()
    {
        var xml = """
            <?xml version="1.0"?>
            <!DOCTYPE TEI [
              <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
              <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
              <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
              <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
              <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
            ]>
            <TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>&e;&e;&e;&e;&e;&e;&e;&e;</p></body></text></TEI>
            """;
        var started = DateTime.UtcNow;
        var result = ReadText(xml);
        var error = Assert.Single(result.Errors);
        Assert.Contains("'e'", error.Message, StringComparison.Ordinal);
        Assert.Equal((9, 58), (error.Line, error.Column)); // the name in the first "&e;"
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(2), "the entities were expanded");
    }

    [Fact]
    public void Doctype_whose_entities_are_not_used_is_passed_over()
    {
        var xml = $"""
            <!DOCTYPE TEI SYSTEM "http://example.org/tei_all.dtd" [ <!ENTITY a "aaaa"> ]>
            {TeiOpen}<teiHeader/><text><body><p>Text.</p></body></text></TEI>
            """;
        Assert.Equal("Text.", ReadText(xml).Documents.Single().Body.Single().Text);
    }

    [Fact]
    public void Malformed_file_through_the_registry_is_an_error_not_an_exception()
    {
        var result = Readers.CreateDefaultRegistry().Read("broken.xml", Encoding.UTF8.GetBytes($"{TeiOpen}<teiHeader>"), "tei");
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("malformed XML:", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void Other_xml_is_not_tei()
    {
        var result = ReadText("""<letter xmlns="urn:x"><p>Hallo</p></letter>""");
        var error = Assert.Single(result.Errors);
        Assert.Contains("not a TEI P5 document", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Detects_tei_by_its_root_and_namespace_only()
    {
        var reader = new TeiReader();
        var tei = TextDecoding.Decode("L00001.xml", File.ReadAllBytes(Path.Combine(SharedMaterial.TeiLetters, "L00001.xml")));
        Assert.Equal(0.9, reader.Detect(tei));
        Assert.Equal(0, reader.Detect(TextDecoding.Decode("a.txt", "Letter to Stalin\n\nText of the TEI."u8.ToArray())));
        Assert.Equal(0, reader.Detect(TextDecoding.Decode("b.xml", """<TEI xmlns="urn:other"/>"""u8.ToArray())));
        Assert.IsType<TeiReader>(Readers.CreateDefaultRegistry().Detect(tei));
    }
}
