using Verbatim.Searching;
using Verbatim.Storage.Catalog;

namespace Verbatim.Storage.Tests.Catalog;

public sealed class SnippetsTests
{
    private const char S = SearchResults.MarkStart;
    private const char E = SearchResults.MarkEnd;

    [Fact]
    public void Marks_each_matched_word_as_written_and_keeps_the_text_between()
        => Assert.Equal($"To the {S}Politbureau{E}, {S}Comrade{E} Stalin.", Snippets.Best("To the Politbureau, Comrade Stalin.", [new SearchWord("politbureau", false), new SearchWord("com", true)]));

    [Fact]
    public void Marked_words_with_only_spaces_between_them_are_one_mark()
        => Assert.Equal($"With the very best {S}comradely greetings{E}, Lenin", Snippets.Best("With the very best comradely greetings, Lenin", [new SearchWord("comradely", false), new SearchWord("greetings", false)]));

    [Fact]
    public void Diacritics_and_case_are_folded_as_the_index_folds_them()
        => Assert.Equal($"{S}Über{E} den {S}Fluß{E}", Snippets.Best("Über den Fluß", [new SearchWord("uber", false), new SearchWord("fluß", false)]));

    [Fact]
    public void The_window_holding_the_most_different_words_wins_and_starts_a_little_before_them()
    {
        var words = Enumerable.Range(0, 100).Select(i => $"w{i}").ToArray();
        words[10] = "alpha";
        words[60] = "alpha";
        words[63] = "beta";
        var snippet = Snippets.Best(string.Join(' ', words), [new SearchWord("alpha", false), new SearchWord("beta", false)]);
        Assert.Equal($"…w56 w57 w58 w59 {S}alpha{E} w61 w62 {S}beta{E} w64 w65 w66 w67 w68 w69 w70 w71 w72 w73…", snippet);
    }

    [Fact]
    public void A_match_beyond_the_window_shows_the_start_unmarked()
    {
        var text = string.Concat(Enumerable.Repeat("filler ", Snippets.WindowCharacters / 7 + 10)) + "needle";
        var snippet = Snippets.Best(text, [new SearchWord("needle", false)]);
        Assert.StartsWith("filler filler", snippet, StringComparison.Ordinal);
        Assert.DoesNotContain(S, snippet);
        Assert.EndsWith("…", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void Notes_give_the_snippet_when_only_they_hold_a_match()
        => Assert.Equal($"See {S}Izvestia{E}", Snippets.Best("A letter.", "See Izvestia", [new SearchWord("izvestia", false)]));
}
