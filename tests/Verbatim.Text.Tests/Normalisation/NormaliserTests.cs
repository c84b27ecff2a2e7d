using System.Text;
using Verbatim.Text.Normalisation;

namespace Verbatim.Text.Tests.Normalisation;

public class NormaliserTests
{
    public static TheoryData<string> Samples => new()
    {
        "plain ascii text",
        "“Curly” ‘quotes’ — dashes – and… ellipses",
        "ﬁne ﬂour, ﬀ ﬃ ﬄ",
        "no\u00A0break\u2009thin\u3000ideographic",
        "soft\u00ADhyphen and zero\u200Bwidth",
        "e\u0301te\u0301 and A\u030A and Hangul \u1100\u1161\u11A8",
        "Щедрин, Ежов, Ульянова, объявил, Мартовъ, ёлка, Её",
        "Крупская: «Все видят…» — сказала",
        "۔۔۔When Lenin died",
        "",
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Nfc_layer_equals_the_nfc_of_the_whole_string(string sample)
    {
        var normalised = Normaliser.Normalise(sample, NormalisationLayers.Nfc);

        Assert.Equal(sample.Normalize(NormalizationForm.FormC), normalised.Text);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_character_maps_to_a_nonempty_original_range_in_order(string sample)
    {
        var normalised = Normaliser.Normalise(sample);
        var previous = new TextRange(0, 0);
        for (var i = 0; i < normalised.Text.Length; i++)
        {
            var range = normalised.ToOriginal(i, 1);
            Assert.True(range.Length > 0);
            Assert.True(range.End <= sample.Length);
            Assert.True(range.Start >= previous.Start && range.End >= previous.End);
            previous = range;
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Each_space_separated_piece_maps_back_to_an_original_piece_that_normalises_to_it(string sample)
    {
        var normalised = Normaliser.Normalise(sample);
        var text = normalised.Text;
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != ' ')
                continue;
            if (i > start)
            {
                var original = normalised.ToOriginal(TextRange.FromBounds(start, i)).Of(sample);
                Assert.Equal(text[start..i], Normaliser.Normalise(original).Text);
            }
            start = i + 1;
        }
    }

    [Theory]
    [InlineData("“Curly” ‘Quotes’ — Dashes – and… ELLIPSES, ﬁne ﬂour, soft\u00ADhyphen, no\u00A0break, Straße, İstanbul")]
    [InlineData("Wien, 12. März 1912. Lieber Arthur! Ihr A. S.")]
    public void A_text_without_Cyrillic_in_NFC_folds_in_one_pass_exactly_as_layer_after_layer(string sample)
    {
        // Without Cyrillic, the transliteration layer changes nothing, so the layers short of it
        // (which take the layered path) must give what all layers give (the one-pass path).
        var onePass = Normaliser.Normalise(sample);
        var layered = Normaliser.Normalise(sample, NormalisationLayers.Nfc | NormalisationLayers.Typography | NormalisationLayers.Case);

        Assert.Equal(layered.Text, onePass.Text);
        for (var i = 0; i < onePass.Text.Length; i++)
            Assert.Equal(layered.ToOriginal(i, 1), onePass.ToOriginal(i, 1));
        Assert.Equal(NormalisationLayers.All, onePass.Layers);
    }

    [Fact]
    public void Every_layer_folds_what_it_names()
    {
        Assert.Equal("\"Curly\" 'quotes' - dashes - and... ellipses",
            Normaliser.Normalise("“Curly” ‘quotes’ — dashes – and… ellipses", NormalisationLayers.Typography).Text);
        Assert.Equal("fine flour", Normaliser.Normalise("ﬁne ﬂour", NormalisationLayers.Typography).Text);
        Assert.Equal("a b c", Normaliser.Normalise("a\u00A0b\u2009c", NormalisationLayers.Typography).Text);
        Assert.Equal("Mixed Case", Normaliser.Normalise("Mixed Case", NormalisationLayers.Typography).Text);
        Assert.Equal("mixed case", Normaliser.Normalise("Mixed Case", NormalisationLayers.Case).Text);
        Assert.Equal("Shchedrin Yezhov Ulyanova obyavil", Normaliser.Normalise("Щедрин Ежов Ульянова объявил", NormalisationLayers.Transliteration).Text);
        Assert.Equal("krupskaya nadezhda konstantinovna", Normaliser.Normalise("Крупская Надежда Константиновна").Text);
        Assert.Equal("“x”", Normaliser.Normalise("“x”", NormalisationLayers.None).Text);
    }

    [Fact]
    public void An_expanded_ellipsis_maps_every_dot_to_the_one_original_character()
    {
        const string original = "and… so";
        var normalised = Normaliser.Normalise(original);

        Assert.Equal("and... so", normalised.Text);
        for (var dot = 3; dot < 6; dot++)
            Assert.Equal(new TextRange(3, 1), normalised.ToOriginal(dot, 1));
        Assert.Equal(new TextRange(3, 1), normalised.ToOriginal(3, 3));
        Assert.Equal(new TextRange(0, 4), normalised.ToOriginal(0, 4));
        Assert.Equal(new TextRange(5, 2), normalised.ToOriginal(7, 2));
    }

    [Fact]
    public void A_transliterated_letter_that_expands_maps_back_to_itself_and_part_of_it_to_all_of_it()
    {
        const string original = "Щука";
        var normalised = Normaliser.Normalise(original);

        Assert.Equal("shchuka", normalised.Text);
        Assert.Equal(new TextRange(0, 1), normalised.ToOriginal(0, 4));
        Assert.Equal(new TextRange(0, 1), normalised.ToOriginal(1, 2));
        Assert.Equal(new TextRange(0, 2), normalised.ToOriginal(2, 3));
        Assert.Equal(new TextRange(1, 3), normalised.ToOriginal(4, 3));
    }

    [Fact]
    public void Characters_that_vanish_are_covered_by_ranges_that_span_them_and_by_no_others()
    {
        const string original = "Polit\u00ADburo объявил";
        var normalised = Normaliser.Normalise(original);

        Assert.Equal("politburo obyavil", normalised.Text);
        Assert.Equal(new TextRange(0, 10), normalised.ToOriginal(0, 9));
        Assert.Equal(new TextRange(0, 5), normalised.ToOriginal(0, 5));
        Assert.Equal(new TextRange(6, 4), normalised.ToOriginal(5, 4));
        Assert.Equal("объявил", normalised.ToOriginal(10, 7).Of(original));
        Assert.Equal("я", normalised.ToOriginal(12, 2).Of(original));
        Assert.Equal("бъя", normalised.ToOriginal(11, 2).Of(original));
    }

    [Fact]
    public void Composed_characters_map_to_the_base_and_its_marks()
    {
        const string original = "cafe\u0301 ok";
        var normalised = Normaliser.Normalise(original, NormalisationLayers.Nfc);

        Assert.Equal("café ok", normalised.Text);
        Assert.Equal(new TextRange(3, 2), normalised.ToOriginal(3, 1));
        Assert.Equal(new TextRange(5, 3), normalised.ToOriginal(4, 3));
    }

    [Fact]
    public void Empty_ranges_map_to_a_position_and_the_end_maps_to_the_end()
    {
        const string original = "a…b";
        var normalised = Normaliser.Normalise(original);

        Assert.Equal(new TextRange(1, 0), normalised.ToOriginal(1, 0));
        Assert.Equal(new TextRange(2, 0), normalised.ToOriginal(4, 0));
        Assert.Equal(new TextRange(3, 0), normalised.ToOriginal(5, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => normalised.ToOriginal(5, 1));
    }

    [Fact]
    public void Yes_after_a_vowel_or_sign_and_at_a_word_start_plain_e_after_a_consonant()
    {
        Assert.Equal("yeye", Normaliser.Normalise("Её").Text);
        Assert.Equal("obyekt", Normaliser.Normalise("объект").Text);
        Assert.Equal("lenin", Normaliser.Normalise("Ленин").Text);
        Assert.Equal("zinovyev", Normaliser.Normalise("Зиновьев").Text);
    }
}
