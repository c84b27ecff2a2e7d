using Verbatim.Text.Alignment;
using Verbatim.Text.Tokens;

namespace Verbatim.Text.Tests.Alignment;

public class ChainedAlignerTests
{
    private static LocalAlignment Chain(TokenisedText source, TokenisedText quoting) =>
        ChainedAligner.Align(source, 0, source.Tokens.Count, quoting, 0, quoting.Tokens.Count);

    [Fact]
    public void A_reordered_clause_is_crossed_and_the_words_before_it_join_the_passage()
    {
        const string source = "Everyone can see how the friendship between peoples grows stronger on the basis of the various new economic organisations of the country, how the masses have grown in culture and in strength";
        const string quoting = "Everyone can see how on the foundation of these economic organisations in this land of Soviets the friendship between peoples grows stronger, how the masses have grown in culture and in strength";
        var (s, q) = (Tokeniser.Tokenise(source), Tokeniser.Tokenise(quoting));

        var single = LocalAligner.Align(s, q);
        var chained = Chain(s, q);

        Assert.DoesNotContain("Everyone can see", single.SourceRange.Of(source), StringComparison.Ordinal);
        Assert.Equal(source, chained.SourceRange.Of(source));
        Assert.Equal(quoting, chained.QuotingRange.Of(quoting));
        Assert.True(chained.MatchedWords > single.MatchedWords);
        var words = chained.Steps.Select(step => (step.SourceWord, step.QuotingWord)).ToList();
        Assert.Equal(words.Where(w => w.SourceWord is not null).Select(w => w.SourceWord), words.Where(w => w.SourceWord is not null).Select(w => w.SourceWord).Order());
        Assert.Equal(words.Where(w => w.QuotingWord is not null).Select(w => w.QuotingWord), words.Where(w => w.QuotingWord is not null).Select(w => w.QuotingWord).Order());
    }

    [Fact]
    public void Every_word_between_the_first_and_last_aligned_word_is_in_exactly_one_step()
    {
        const string source = "alpha beta gamma delta one two three four five six seven eight nine ten epsilon zeta eta";
        const string quoting = "alpha beta gamma x y z one two three four five six seven eight nine ten w epsilon zeta eta";
        var chained = Chain(Tokeniser.Tokenise(source), Tokeniser.Tokenise(quoting));

        var sourceWords = chained.Steps.Where(s => s.SourceWord is not null).Select(s => s.SourceWord!.Value).ToList();
        var quotingWords = chained.Steps.Where(s => s.QuotingWord is not null).Select(s => s.QuotingWord!.Value).ToList();
        Assert.Equal(Enumerable.Range(sourceWords[0], sourceWords.Count), sourceWords);
        Assert.Equal(Enumerable.Range(quotingWords[0], quotingWords.Count), quotingWords);
        Assert.Equal(source, chained.SourceRange.Of(source));
    }

    [Fact]
    public void A_couple_of_common_words_beyond_a_passage_do_not_extend_it()
    {
        const string source = "one two three four five six seven eight nine ten and then quite a different story of the party follows";
        const string quoting = "one two three four five six seven eight nine ten but elsewhere a long account of the war";
        var (s, q) = (Tokeniser.Tokenise(source), Tokeniser.Tokenise(quoting));

        Assert.Equal(LocalAligner.Align(s, q).Steps, Chain(s, q).Steps);
        Assert.Equal("one two three four five six seven eight nine ten", Chain(s, q).SourceRange.Of(source));
    }

    [Fact]
    public void Nothing_in_common_gives_an_empty_chain()
    {
        Assert.True(Chain(Tokeniser.Tokenise("alpha beta"), Tokeniser.Tokenise("gamma delta")).IsEmpty);
    }
}
