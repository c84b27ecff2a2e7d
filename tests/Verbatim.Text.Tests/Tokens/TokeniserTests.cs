using Verbatim.Text.Normalisation;
using Verbatim.Text.Tokens;

namespace Verbatim.Text.Tests.Tokens;

public class TokeniserTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_text_long_enough_to_be_tokenised_in_pieces_gives_the_words_of_the_whole(bool awkwardFromTheStart)
    {
        // The seeds, then every kind of text the normal form changes the length of or reads in
        // context (Cyrillic, a ligature, a combining accent, an ellipsis), until several pieces long.
        var seeds = string.Concat(Directory.GetFiles(RepositoryPaths.Shared("corpus", "seeds"), "*.txt").Order().Select(File.ReadAllText));
        const string awkward = "Товарищ Щербаков объявил «Всё» — e\u0301te\u0301 ﬁnal… Ilyich’s   \n\n  сьезд ёлка ";
        var text = new System.Text.StringBuilder();
        while (text.Length < (Tokeniser.PieceCharacters * 5 / 2))
            text.Append(seeds).Append(awkwardFromTheStart ? awkward : " ");
        // Else only the last piece's normal form differs from its characters folded one to one.
        text.Append(awkward);
        var whole = Tokeniser.Tokenise(Normaliser.Normalise(text.ToString()));
        var pieces = Tokeniser.Tokenise(text.ToString());

        Assert.Equal(whole.Count, pieces.Count);
        Assert.True(whole.KeyHashes.SequenceEqual(pieces.KeyHashes));
        for (var w = 0; w < whole.Count; w++)
        {
            Assert.Equal(whole.RangeOf(w), pieces.RangeOf(w));
            Assert.Equal(whole.KeyOf(w), pieces.KeyOf(w));
        }
    }

    [Fact]
    public void Words_and_numbers_come_with_original_offsets_and_punctuation_is_dropped()
    {
        const string text = "“Don’t,” he said — on 7.3, 1,000 times… (Ilyich’s).";
        var tokens = Tokeniser.Tokenise(text).Tokens;

        Assert.Equal(["don't", "he", "said", "on", "7.3", "1,000", "times", "ilyich's"], tokens.Select(t => t.Key));
        Assert.Equal(["Don’t", "he", "said", "on", "7.3", "1,000", "times", "Ilyich’s"], tokens.Select(t => t.Range.Of(text)));
        Assert.Equal(Enumerable.Range(0, tokens.Count), tokens.Select(t => t.Index));
    }

    [Fact]
    public void Quote_marks_and_hyphens_around_words_are_separators()
    {
        var tokens = Tokeniser.Tokenise("'quoted' well-known, 3. end").Tokens;

        Assert.Equal(["quoted", "well", "known", "3", "end"], tokens.Select(t => t.Key));
    }

    [Fact]
    public void Cyrillic_words_are_keyed_in_Latin_but_located_in_the_original()
    {
        const string text = "Товарищ Щербаков, объявил: «Всё»";
        var tokens = Tokeniser.Tokenise(text).Tokens;

        Assert.Equal(["tovarishch", "shcherbakov", "obyavil", "vse"], tokens.Select(t => t.Key));
        Assert.Equal(["Товарищ", "Щербаков", "объявил", "Всё"], tokens.Select(t => t.Range.Of(text)));
    }

    [Fact]
    public void A_soft_hyphen_inside_a_word_does_not_split_it_and_is_inside_its_range()
    {
        const string text = "the Polit\u00ADburo met";
        var tokens = Tokeniser.Tokenise(text).Tokens;

        Assert.Equal(["the", "politburo", "met"], tokens.Select(t => t.Key));
        Assert.Equal("Polit\u00ADburo", tokens[1].Range.Of(text));
    }

    [Fact]
    public void Ligatures_and_decomposed_letters_join_their_words()
    {
        const string text = "ﬁnal cafe\u0301s";
        var tokens = Tokeniser.Tokenise(text).Tokens;

        Assert.Equal(["final", "cafés"], tokens.Select(t => t.Key));
        Assert.Equal(["ﬁnal", "cafe\u0301s"], tokens.Select(t => t.Range.Of(text)));
    }

    [Fact]
    public void Span_covers_the_original_from_first_to_last_word()
    {
        const string text = "one, two… three";
        var tokenised = Tokeniser.Tokenise(text);

        Assert.Equal("two… three", tokenised.Span(1, 2).Of(text));
        Assert.Equal(new(text.Length, 0), tokenised.Span(3, 0));
        Assert.Empty(Tokeniser.Tokenise(" — … ").Tokens);
    }

    [Theory]
    [InlineData("“Don’t STOP,” said Ilyich’s «friend»")]
    [InlineData("“Don’t STOP,” said Ilyich’s «friend»… and ﬁnally")]
    public void Keys_and_places_are_the_same_whether_or_not_every_character_folds_to_one(string text)
    {
        // The first folds character for character, so its normal form is not kept; the second has
        // an ellipsis and a ligature, which change the length. Keys made from the normal form and
        // keys made from each word's own characters must agree.
        var tokenised = Tokeniser.Tokenise(text);
        var fromNormalForm = Tokeniser.Tokenise(Normaliser.Normalise(text));

        Assert.Equal(fromNormalForm.Tokens, tokenised.Tokens);
        Assert.Equal(fromNormalForm.Tokens.Select(t => TokenisedText.HashKey(t.Key)), tokenised.KeyHashes.ToArray());
        Assert.Equal(["don't", "stop", "said", "ilyich's", "friend"], tokenised.Tokens.Take(5).Select(t => t.Key));
        Assert.Equal("Ilyich’s", tokenised.RangeOf(3).Of(text));
    }
}
