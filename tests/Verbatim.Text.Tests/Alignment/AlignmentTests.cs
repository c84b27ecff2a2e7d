using Verbatim.Text.Alignment;
using Verbatim.Text.Normalisation;
using Verbatim.Text.Tokens;

namespace Verbatim.Text.Tests.Alignment;

public class AlignmentTests
{
    private static (LocalAlignment Alignment, IReadOnlyList<Difference> Differences) Compare(string source, string quoting)
    {
        var alignment = LocalAligner.Align(Tokeniser.Tokenise(source), Tokeniser.Tokenise(quoting));
        return (alignment, DifferenceClassifier.Classify(alignment));
    }

    [Fact]
    public void An_identical_quotation_inside_a_longer_text_aligns_locally_with_no_differences()
    {
        const string source = "I am sending you the letter of comrade Zalutsky on the question of the purge.";
        const string quoting = "In his note he wrote: I am sending you the letter of comrade Zalutsky; and went on.";
        var (alignment, differences) = Compare(source, quoting);

        Assert.Equal("I am sending you the letter of comrade Zalutsky", alignment.SourceRange.Of(source));
        Assert.Equal("I am sending you the letter of comrade Zalutsky", alignment.QuotingRange.Of(quoting));
        Assert.Equal(9, alignment.MatchedWords);
        Assert.Empty(differences);
    }

    [Fact]
    public void A_band_of_diagonals_around_the_shared_words_gives_the_alignment_of_the_whole_rectangle()
    {
        var source = Tokeniser.Tokenise("Some words first. I am sending you the letter of comrade Zalutsky on the question of the purge, and more words after it.");
        var quoting = Tokeniser.Tokenise("He wrote: I am sending you now the letter of Zalutsky on the question of the purge and went on.");
        var whole = LocalAligner.Align(source, quoting);
        var steps = whole.Steps.Where(s => s.Operation == AlignmentOperation.Match).Select(s => s.QuotingWord!.Value - s.SourceWord!.Value).ToList();

        // The band: the diagonals the whole alignment's matches lie on ("now" added and "comrade"
        // dropped move them), two more on each side; too narrow: the last of them alone.
        var banded = LocalAligner.Align(source, 0, source.Tokens.Count, quoting, 0, quoting.Tokens.Count, null, steps.Min() - 2, steps.Max() + 2);
        var tooNarrow = LocalAligner.Align(source, 0, source.Tokens.Count, quoting, 0, quoting.Tokens.Count, null, steps.Max(), steps.Max());

        Assert.Equal(whole.Steps, banded.Steps);
        Assert.Equal(whole.Score, banded.Score);
        Assert.True(tooNarrow.MatchedWords < whole.MatchedWords);
    }

    [Fact]
    public void A_wordless_mark_put_into_a_quotation_is_an_insertion_and_one_left_out_an_omission()
    {
        // Seed 004 gives Stalin's sentence twice, the second time with Trotsky's "(!)" after "liberalism".
        const string source = "will supply fuel to the advocates of independence to the detriment of the national liberalism of Lenin.";
        const string quoting = "will supply fuel to the advocates of independence to the detriment of the national liberalism (!) of Lenin.";

        var inserted = Assert.Single(Compare(source, quoting).Differences);
        Assert.Equal((DifferenceKind.Insertion, "", "(!)"), (inserted.Kind, inserted.SourceReading, inserted.QuotingReading));
        Assert.Equal(quoting.IndexOf("(!)", StringComparison.Ordinal), inserted.Quoting.Start);
        Assert.Equal(new TextRange(source.IndexOf(" of Lenin", StringComparison.Ordinal), 0), inserted.Source);

        var leftOut = Assert.Single(Compare(quoting, source).Differences);
        Assert.Equal((DifferenceKind.SilentOmission, "(!)", ""), (leftOut.Kind, leftOut.SourceReading, leftOut.QuotingReading));
        Assert.Empty(Compare(quoting, quoting).Differences);
    }

    [Fact]
    public void A_changed_closing_phrase_is_a_substitution_with_both_readings()
    {
        const string source = "Please read this letter to the whole congress today. With communist greetings, Lenin and the others";
        const string quoting = "Please read this letter to the whole congress today. With best wishes, Lenin and the others";
        var (_, differences) = Compare(source, quoting);

        var substitution = Assert.Single(differences);
        Assert.Equal(DifferenceKind.Substitution, substitution.Kind);
        Assert.Equal("communist greetings", substitution.SourceReading);
        Assert.Equal("best wishes", substitution.QuotingReading);
        Assert.Equal(source.IndexOf("communist greetings", StringComparison.Ordinal), substitution.Source.Start);
        Assert.Equal(quoting.IndexOf("best wishes", StringComparison.Ordinal), substitution.Quoting.Start);
    }

    [Theory]
    [InlineData("...")]
    [InlineData("…")]
    [InlineData("[...]")]
    [InlineData("[…]")]
    [InlineData(". . .")]
    public void Words_left_out_at_an_ellipsis_are_a_marked_omission_located_at_the_ellipsis(string ellipsis)
    {
        const string source = "The masses can see how completely and tirelessly comrade Stalin is giving himself to this work of building";
        var quoting = $"The masses can see how completely {ellipsis} comrade Stalin is giving himself to this work of building";
        var (_, differences) = Compare(source, quoting);

        var omission = Assert.Single(differences);
        Assert.Equal(DifferenceKind.MarkedOmission, omission.Kind);
        Assert.Equal("and tirelessly", omission.SourceReading);
        Assert.Equal(ellipsis, omission.QuotingReading);
        Assert.Equal(quoting.IndexOf(ellipsis, StringComparison.Ordinal), omission.Quoting.Start);
    }

    [Fact]
    public void Words_left_out_without_a_mark_are_a_silent_omission()
    {
        const string source = "The masses can see how completely and tirelessly comrade Stalin is giving himself to this work of building";
        const string quoting = "The masses can see how completely comrade Stalin is giving himself to this work of building";
        var (_, differences) = Compare(source, quoting);

        var omission = Assert.Single(differences);
        Assert.Equal(DifferenceKind.SilentOmission, omission.Kind);
        Assert.Equal("and tirelessly", omission.SourceReading);
        Assert.True(omission.Quoting.IsEmpty);
        Assert.Equal(quoting.IndexOf(" comrade", StringComparison.Ordinal), omission.Quoting.Start);
    }

    [Fact]
    public void A_long_omission_at_an_ellipsis_does_not_split_the_quotation()
    {
        const string source = "one two three four five six a b c d e f g h i j k l m n o p seven eight nine ten";
        const string quoting = "one two three four five six … seven eight nine ten";
        var (alignment, differences) = Compare(source, quoting);

        Assert.Equal(source, alignment.SourceRange.Of(source));
        Assert.Equal(DifferenceKind.MarkedOmission, Assert.Single(differences).Kind);
        var silent = Compare(source, quoting.Replace(" …", "", StringComparison.Ordinal)).Alignment;
        Assert.NotEqual(source, silent.SourceRange.Of(source));
    }

    [Fact]
    public void Words_the_quoting_text_adds_are_an_insertion()
    {
        const string source = "we must remove him from the post of general secretary and appoint another man";
        const string quoting = "we must remove him at once from the post of general secretary and appoint another man";
        var (_, differences) = Compare(source, quoting);

        var insertion = Assert.Single(differences);
        Assert.Equal(DifferenceKind.Insertion, insertion.Kind);
        Assert.Equal("at once", insertion.QuotingReading);
        Assert.True(insertion.Source.IsEmpty);
        Assert.Equal(source.IndexOf(" from", StringComparison.Ordinal), insertion.Source.Start);
    }

    [Fact]
    public void A_block_of_words_given_in_another_place_is_a_transposition()
    {
        const string source = "he is too rude and this defect becomes intolerable in the office of general secretary of the party";
        const string quoting = "he is too rude and this defect becomes in the office of general secretary intolerable of the party";
        var (_, differences) = Compare(source, quoting);

        var transposition = Assert.Single(differences);
        Assert.Equal(DifferenceKind.Transposition, transposition.Kind);
        Assert.Equal("intolerable", transposition.SourceReading);
        Assert.Equal("intolerable", transposition.QuotingReading);
        Assert.Equal(source.IndexOf("intolerable", StringComparison.Ordinal), transposition.Source.Start);
        Assert.Equal(quoting.IndexOf("intolerable", StringComparison.Ordinal), transposition.Quoting.Start);
    }

    [Fact]
    public void A_moved_block_of_several_words_is_one_transposition()
    {
        const string source = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron";
        const string quoting = "alpha beta gamma delta eta theta iota kappa epsilon zeta lambda mu nu xi omicron";
        var (_, differences) = Compare(source, quoting);

        var transposition = Assert.Single(differences);
        Assert.Equal(DifferenceKind.Transposition, transposition.Kind);
        Assert.Equal("epsilon zeta", transposition.SourceReading);
        Assert.Equal("epsilon zeta", transposition.QuotingReading);
    }

    [Fact]
    public void Curly_against_straight_quotes_dashes_and_case_are_typographic_only()
    {
        const string source = "He said: “we shall not retreat” — and the Party’s line held firm that winter";
        const string quoting = "He said: \"we shall not retreat\" - and the party's line held firm that winter";
        var (alignment, differences) = Compare(source, quoting);

        Assert.Equal(source.Length, alignment.SourceRange.Length);
        Assert.All(differences, d => Assert.Equal(DifferenceKind.TypographicOnly, d.Kind));
        Assert.Equal(
            [(": “", ": \""), ("” — ", "\" - "), ("Party’s", "party's")],
            differences.Select(d => (d.SourceReading, d.QuotingReading)));
    }

    [Fact]
    public void Changed_punctuation_that_is_not_typographic_is_not_reported()
    {
        var (_, differences) = Compare("one two three four five, six seven eight", "one two three four five; six seven eight");

        Assert.Empty(differences);
    }

    [Fact]
    public void Line_breaks_and_runs_of_spaces_are_layout_not_differences()
    {
        var (_, differences) = Compare("one two three\nfour five   six seven\u00A0eight", "one two three four five six\n  seven eight");

        Assert.Empty(differences);
    }

    [Fact]
    public void Texts_in_two_scripts_align_through_transliteration_and_differ_typographically()
    {
        const string source = "Надежда Константиновна Крупская";
        const string quoting = "Nadezhda Konstantinovna Krupskaya";
        var (alignment, differences) = Compare(source, quoting);

        Assert.Equal(3, alignment.MatchedWords);
        Assert.Equal(3, differences.Count(d => d.Kind == DifferenceKind.TypographicOnly));
    }

    [Fact]
    public void Unrelated_texts_give_an_empty_alignment()
    {
        var (alignment, differences) = Compare("alpha beta gamma", "delta epsilon zeta");

        Assert.True(alignment.IsEmpty);
        Assert.Equal(0, alignment.Score);
        Assert.Empty(differences);
    }

    [Fact]
    public void A_window_aligns_only_its_own_words_and_a_window_outside_the_text_is_refused()
    {
        var source = Tokeniser.Tokenise("alpha beta gamma delta epsilon zeta eta theta");
        var quoting = Tokeniser.Tokenise("alpha beta gamma delta epsilon zeta eta theta");

        var windowed = LocalAligner.Align(source, 2, 4, quoting, 0, 8);

        Assert.Equal((2, 5), (windowed.FirstSourceWord, windowed.LastSourceWord));
        Assert.Equal((2, 5), (windowed.FirstQuotingWord, windowed.LastQuotingWord));
        Assert.Throws<ArgumentOutOfRangeException>(() => LocalAligner.Align(source, 6, 4, quoting, 0, 8));
        Assert.Throws<ArgumentOutOfRangeException>(() => LocalAligner.Align(source, -1, 4, quoting, 0, 8));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void A_band_gives_the_best_score_the_same_band_of_a_full_matrix_gives(int seed)
    {
        // Texts of a few words drawn from a small vocabulary, so that they share many words in
        // every order; the reference below fills the whole matrix and ignores cells off the band.
        var random = new Random(seed);
        string[] vocabulary = ["a", "b", "c", "d", "e"];
        for (var round = 0; round < 200; round++)
        {
            var source = Tokeniser.Tokenise(string.Join(' ', Enumerable.Range(0, random.Next(1, 25)).Select(_ => vocabulary[random.Next(vocabulary.Length)])));
            var quoting = Tokeniser.Tokenise(string.Join(' ', Enumerable.Range(0, random.Next(1, 25)).Select(_ => vocabulary[random.Next(vocabulary.Length)])));
            var lowest = random.Next(-30, 10);
            var highest = lowest + random.Next(0, 20);

            var banded = LocalAligner.Align(source, 0, source.Count, quoting, 0, quoting.Count, null, lowest, highest);

            Assert.Equal(BestScoreInBand(source, quoting, lowest, highest), banded.Score);
            Assert.Equal(banded.Score, ScoreOf(banded));
            Assert.All(banded.Steps.Where(s => s.SourceWord is not null && s.QuotingWord is not null),
                s => Assert.InRange(s.QuotingWord!.Value - s.SourceWord!.Value, lowest, highest));
        }
    }

    /// <summary>Gotoh's recurrence over the whole matrix, cells off the band kept at no alignment.</summary>
    private static int BestScoreInBand(TokenisedText source, TokenisedText quoting, int lowest, int highest)
    {
        var scoring = AlignmentScoring.Default;
        const int Impossible = -1_000_000;
        var (n, m) = (source.Count, quoting.Count);
        var best = new int[n + 1, m + 1];
        var sourceGap = new int[n + 1, m + 1];
        var quotingGap = new int[n + 1, m + 1];
        var top = 0;
        for (var i = 0; i <= n; i++)
        {
            for (var j = 0; j <= m; j++)
            {
                (sourceGap[i, j], quotingGap[i, j]) = (Impossible, Impossible);
                if (i == 0 || j == 0 || j - i < lowest || j - i > highest)
                    continue;
                sourceGap[i, j] = Math.Max(best[i - 1, j] + scoring.GapOpen, sourceGap[i - 1, j] + scoring.GapExtend);
                quotingGap[i, j] = Math.Max(best[i, j - 1] + scoring.GapOpen, quotingGap[i, j - 1] + scoring.GapExtend);
                var diagonal = best[i - 1, j - 1] + (source.KeyOf(i - 1) == quoting.KeyOf(j - 1) ? scoring.Match : scoring.Mismatch);
                best[i, j] = Math.Max(0, Math.Max(diagonal, Math.Max(sourceGap[i, j], quotingGap[i, j])));
                top = Math.Max(top, best[i, j]);
            }
        }
        return top;
    }

    /// <summary>What the steps of an alignment score, gaps priced as runs.</summary>
    private static int ScoreOf(LocalAlignment alignment)
    {
        var scoring = AlignmentScoring.Default;
        var (score, previous) = (0, (AlignmentOperation?)null);
        foreach (var step in alignment.Steps)
        {
            score += step.Operation switch
            {
                AlignmentOperation.Match => scoring.Match,
                AlignmentOperation.Mismatch => scoring.Mismatch,
                _ when step.Operation == previous => scoring.GapExtend,
                _ => scoring.GapOpen,
            };
            previous = step.Operation;
        }
        return score;
    }
}
