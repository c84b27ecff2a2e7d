using Verbatim.Model;

namespace Verbatim.Tests.Model;

/// <summary>Each correctable field read as an editor's text and written back, keeping what the text cannot say.</summary>
public sealed class DocumentFieldsTests
{
    private static readonly Document Letter = new()
    {
        Id = "lenin-1921-10-20-to-stalin",
        Title = "To J. V. Stalin",
        Kind = DocumentKind.Letter,
        Authors = [new PersonRef("V. I. Lenin", Ref: "viaf:64009368")],
        Addressees = [new PersonRef("J. V. Stalin")],
        Written = new DateSpan { Date = "1921-10-20", Place = "Moscow", Mode = "dictated", Text = "October 20, 1921" },
        ArchivalRefs = [new ArchivalRef { Fond = "2", Opis = "1", Delo = "21437", Text = "RGASPI f. 2, op. 1, d. 21437" }],
        Published = [new Publication { Year = 1965, First = true, Extent = PublicationExtent.Part, Text = "Lenin Miscellany XXXVI (1959)" }],
    };

    [Theory]
    [InlineData(CorrectableField.Kind, "letter")]
    [InlineData(CorrectableField.Date, "1921-10-20")]
    [InlineData(CorrectableField.Place, "Moscow")]
    [InlineData(CorrectableField.Authors, "V. I. Lenin")]
    [InlineData(CorrectableField.Shelfmarks, "RGASPI f. 2, op. 1, d. 21437")]
    public void Each_field_reads_as_the_text_an_editor_edits(CorrectableField field, string text)
        => Assert.Equal(text, DocumentFields.Text(Letter, field));

    [Fact]
    public void A_corrected_date_replaces_the_sources_wording_of_it_and_keeps_the_place_and_mode()
    {
        var (corrected, error) = DocumentFields.Apply(Letter, CorrectableField.Date, " 1921-10-21? ");

        Assert.Null(error);
        Assert.Equal(new DateSpan { Date = "1921-10-21", Certainty = DateCertainty.Uncertain, Place = "Moscow", Mode = "dictated" }, corrected!.Written);
        Assert.Equal("1921-10-21?", DocumentFields.Text(corrected, CorrectableField.Date));
    }

    [Theory]
    [InlineData("1921-10/1921-12", "1921-10", "1921-12", DatePrecision.Month)]
    [InlineData("1921/", "1921", null, DatePrecision.Year)]
    public void A_range_sets_its_ends_and_no_single_date(string text, string? notBefore, string? notAfter, DatePrecision precision)
    {
        var written = DocumentFields.Apply(Letter, CorrectableField.Date, text).Corrected!.Written!;

        Assert.Equal((null, notBefore, notAfter, precision), (written.Date, written.NotBefore, written.NotAfter, written.Precision));
        Assert.Equal(text, DocumentFields.Text(Letter with { Written = written }, CorrectableField.Date));
    }

    [Theory]
    [InlineData(CorrectableField.Date, "1921-02-30", "not a date")]
    [InlineData(CorrectableField.Date, "20 October 1921", "not a date")]
    [InlineData(CorrectableField.Date, "1921-12/1921-10", "ends before it begins")]
    [InlineData(CorrectableField.Kind, "epistle", "letter, note, telegram")]
    public void A_text_that_is_no_value_of_the_field_is_refused_with_what_it_may_be(CorrectableField field, string text, string said)
    {
        var (corrected, error) = DocumentFields.Apply(Letter, field, text);

        Assert.Null(corrected);
        Assert.Contains(said, error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unchanged_line_keeps_what_the_reader_read_into_it_and_a_new_line_holds_its_text()
    {
        var people = DocumentFields.Apply(Letter, CorrectableField.Authors, "V. I. Lenin\r\n\r\n  L. D. Trotsky ").Corrected!;
        var printed = DocumentFields.Apply(Letter, CorrectableField.Published, "Lenin Miscellany XXXVI (1959)\nCollected Works, vol. 45, Moscow 1970").Corrected!;

        Assert.Equal([new PersonRef("V. I. Lenin", Ref: "viaf:64009368"), new PersonRef("L. D. Trotsky")], people.Authors);
        Assert.Equal(Letter.Published[0], printed.Published[0]);
        Assert.Equal(new Publication { Year = 1970, Text = "Collected Works, vol. 45, Moscow 1970" }, printed.Published[1]);
    }

    [Fact]
    public void Emptied_fields_are_empty()
    {
        var corrected = DocumentFields.Apply(DocumentFields.Apply(Letter, CorrectableField.Date, "").Corrected!, CorrectableField.Shelfmarks, "\n").Corrected!;

        Assert.Equal(("", ""), (DocumentFields.Text(corrected, CorrectableField.Date), DocumentFields.Text(corrected, CorrectableField.Shelfmarks)));
        Assert.Equal("Moscow", corrected.Written!.Place);
    }
}
