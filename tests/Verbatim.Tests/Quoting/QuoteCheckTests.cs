using Verbatim.Archiving;
using Verbatim.Quoting;

namespace Verbatim.Tests.Quoting;

public sealed class QuoteCheckTests(SeedArchive seeds) : IClassFixture<SeedArchive>
{
    private const string Polemic = "trotsky-1930-03-22-with-lenin-against-stalin";
    private const string ToStalin = "lenin-1921-10-20-to-stalin";

    private string BodyOf(string id) => seeds.Archive.Show(id)!.BodyText;

    [Fact]
    public void A_faithful_quotation_is_found_with_offsets_into_the_stored_text()
    {
        const string quotation = "He is undoubtedly a loyal revolutionary, who must be used despite our political differences.";
        var check = seeds.Archive.CheckQuote(quotation);

        var match = check.Matches[0];
        Assert.Equal(ToStalin, match.Id);
        Assert.Equal(1.0, match.Score);
        Assert.Empty(match.Differences);
        Assert.Equal("He is undoubtedly a loyal revolutionary, who must be used despite our political differences", BodyOf(ToStalin)[match.Start..match.End]);
        Assert.Equal(match.Passage, BodyOf(ToStalin)[match.Start..match.End]);
        Assert.Equal((0, quotation.Length - 1), (match.QuotedStart, match.QuotedEnd));
    }

    [Fact]
    public void The_closing_phrase_the_polemic_says_was_replaced_is_a_substitution_with_both_readings()
    {
        // Seed 004: Stalin, reading the letter at the July 1926 plenum, "substituted for the words
        // 'with the very best comradely greetings' the official phrase 'with Communist greetings'".
        var check = seeds.Archive.CheckQuote(
            "If for some reason you do not agree, send me back all the papers. I will consider that a sign of your disagreement. With Communist greetings");

        var match = Assert.Single(check.Matches);
        Assert.Equal(Polemic, match.Id);
        var difference = Assert.Single(match.Differences);
        Assert.Equal(("substitution", "Communist", "the very best comradely"), (difference.Type, difference.Quoted, difference.Source));
        Assert.Equal("the very best comradely", BodyOf(Polemic).Substring(difference.Offset, difference.Source.Length));
    }

    [Fact]
    public void Omissions_are_told_apart_by_the_ellipsis_that_marks_them()
    {
        var marked = seeds.Archive.CheckQuote("He is undoubtedly a loyal revolutionary … despite our political differences and must be used").Matches;
        Assert.Contains(marked[0].Differences, d => d.Type == "marked-omission" && d.Source == "who must be used");

        var silent = seeds.Archive.CheckQuote("I knew Lalayants from the 1890s on as a Marxist. He is undoubtedly a loyal revolutionary").Matches;
        var omission = Assert.Single(silent[0].Differences);
        Assert.Equal(("silent-omission", "and then a Bolshevik"), (omission.Type, omission.Source));
    }

    [Fact]
    public void Sentences_joined_by_an_ellipsis_are_one_match_with_one_marked_omission_of_what_lies_between()
    {
        // Issue 15: the two sentences of the letter to Lutovinov stand some 450 characters apart.
        var check = seeds.Archive.CheckQuote("Facts—you will recall this yourself—are stubborn things. … You have not given any names. There are no facts.");

        var match = Assert.Single(check.Matches);
        var text = BodyOf(match.Id);
        Assert.Equal((946, 1546), (match.Start, match.End));
        Assert.StartsWith("Facts—you will recall", text[match.Start..match.End], StringComparison.Ordinal);
        Assert.EndsWith("There are no facts", text[match.Start..match.End], StringComparison.Ordinal);
        var omission = Assert.Single(match.Differences);
        Assert.Equal(("marked-omission", "…"), (omission.Type, omission.Quoted));
        Assert.StartsWith("So have a look at what are the facts you mention.", omission.Source, StringComparison.Ordinal);
        Assert.EndsWith("gossip loves darkness and anonymity", omission.Source, StringComparison.Ordinal);
        Assert.Equal(omission.Source, text.Substring(omission.Offset, omission.Source.Length));
    }

    [Fact]
    public void Each_of_several_ellipses_is_an_omission_of_its_own_within_one_match()
    {
        var check = seeds.Archive.CheckQuote("Facts—you will recall this yourself—are stubborn things. . . . I list all your factual statements: [...] You have not given any names. There are no facts.");

        var match = Assert.Single(check.Matches);
        Assert.Equal((946, 1546), (match.Start, match.End));
        Assert.Equal(["marked-omission", "marked-omission"], match.Differences.Select(d => d.Type));
        Assert.Equal((". . .", "So have a look at what are the facts you mention"), (match.Differences[0].Quoted, match.Differences[0].Source));
        Assert.Equal("[...]", match.Differences[1].Quoted);
        Assert.StartsWith("1) The railwaymen", match.Differences[1].Source, StringComparison.Ordinal);
        Assert.EndsWith("darkness and anonymity", match.Differences[1].Source, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ellipsis_where_the_letter_leaves_nothing_out_is_reported_as_such()
    {
        var match = Assert.Single(seeds.Archive.CheckQuote("Facts—you will recall this yourself—are stubborn things. … So have a look at what are the facts you mention.").Matches);

        var empty = Assert.Single(match.Differences);
        Assert.Equal(("empty-ellipsis", "…", ""), (empty.Type, empty.Quoted, empty.Source));
        Assert.Equal(". So have a look at what are the facts you mention", BodyOf(match.Id)[empty.Offset..match.End]);
    }

    [Fact]
    public void Words_in_square_brackets_are_the_editors_and_never_a_falsification()
    {
        const string quotation = "[Lalayants] is undoubtedly a loyal revolutionary [emphasis added], who must be used despite our political differences";
        var match = seeds.Archive.CheckQuote(quotation).Matches[0];

        Assert.Equal(ToStalin, match.Id);
        Assert.Equal(
            [("editorial-replacement", "[Lalayants]", "He", 0), ("editorial-insertion", "[emphasis added]", "", quotation.IndexOf('[', 1))],
            match.Differences.Select(d => (d.Type, d.Quoted, d.Source, d.QuotedOffset)));
        Assert.Equal("He", BodyOf(ToStalin).Substring(match.Differences[0].Offset, 2));
    }

    [Fact]
    public void Quotation_marks_nested_in_a_quotation_are_typography_only()
    {
        var match = Assert.Single(seeds.Archive.CheckQuote(
            "\"having taken a look 'from outside' (you always get a clearer view from outside), and having thought things out\"").Matches);

        Assert.Equal("lenin-1921-05-30-to-lutovinov", match.Id);
        Assert.StartsWith("having taken a look “from outside”", BodyOf(match.Id)[match.Start..match.End], StringComparison.Ordinal);
        Assert.All(match.Differences, d => Assert.Equal("typographic", d.Type));
    }

    [Fact]
    public void A_quotation_that_runs_across_a_paragraph_break_is_found_whole()
    {
        var match = Assert.Single(seeds.Archive.CheckQuote("You must not allow this. Facts—you will recall this yourself—are stubborn things.").Matches);

        Assert.Contains("this.\n\nFacts", BodyOf(match.Id)[match.Start..match.End], StringComparison.Ordinal);
        Assert.EndsWith("stubborn things", BodyOf(match.Id)[match.Start..match.End], StringComparison.Ordinal);
        Assert.Empty(match.Differences);
    }

    [Fact]
    public void A_changed_closing_phrase_after_an_ellipsis_is_a_substitution_beside_the_omission()
    {
        var match = Assert.Single(seeds.Archive.CheckQuote("If for some reason you do not agree, send me back all the papers. … With Communist greetings").Matches);

        Assert.Equal(Polemic, match.Id);
        Assert.Equal(
            [("marked-omission", "…", "I will consider that a sign of your disagreement"), ("substitution", "Communist", "the very best comradely")],
            match.Differences.Select(d => (d.Type, d.Quoted, d.Source)));
    }

    [Fact]
    public void A_check_past_its_time_limit_is_stopped_with_a_clear_reason()
    {
        var checker = new QuoteChecker(seeds.Archive.Catalog);
        var error = Assert.Throws<Searching.QueryTooCostlyException>(() =>
            checker.Check("He is undoubtedly a loyal revolutionary, who must be used", timeLimit: TimeSpan.Zero));
        Assert.Contains("stopped after", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_check_whose_caller_has_gone_is_stopped()
    {
        using var gone = new CancellationTokenSource();
        gone.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => seeds.Archive.CheckQuote("He is undoubtedly a loyal revolutionary, who must be used", cancellationToken: gone.Token));
    }

    [Fact]
    public void A_quotation_longer_than_a_check_takes_is_refused_before_any_work()
    {
        var error = Assert.Throws<ArchiveException>(() => seeds.Archive.CheckQuote(string.Join(' ', Enumerable.Repeat("word", QuoteChecker.MaximumWords + 1))));
        Assert.Contains($"at most {QuoteChecker.MaximumWords} words", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Typography_alone_is_reported_as_typographic()
    {
        var match = seeds.Archive.CheckQuote("That affair is now under \"prosecution\" at the hands of Stalin and Dzerzhinsky").Matches[0];
        Assert.Equal(Polemic, match.Id);
        Assert.All(match.Differences, d => Assert.Equal("typographic", d.Type));
        Assert.Contains(match.Differences, d => d.Source.Contains('“') && d.Quoted.Contains('"'));
    }

    [Fact]
    public void Text_the_archive_does_not_hold_gives_no_source_and_the_nearest_partial_matches()
    {
        var check = seeds.Archive.CheckQuote("He is certainly a faithful revolutionist, whom we should employ in spite of political disagreements");
        Assert.False(check.Found);
        Assert.Contains(check.Nearest, m => m.Id == ToStalin);
        Assert.All(check.Nearest, m => Assert.True(m.Score < 0.6));
    }

    [Fact]
    public void A_quotation_with_no_five_words_left_as_written_is_found_at_its_place_deep_in_a_long_text()
    {
        // Every third word replaced, so no run of five words is left to look up: the full-text
        // fallback must find the document and align the window around the right place.
        var body = BodyOf(Polemic);
        var words = System.Text.RegularExpressions.Regex.Matches(body, @"\S+").ToList();
        var first = words.Count * 7 / 10;
        var quoted = words.Skip(first).Take(10).Select((w, i) => i % 3 == 2 ? "zzyzx" : w.Value);
        var (start, end) = (words[first].Index, words[first + 9].Index + words[first + 9].Length);

        var match = Assert.Single(seeds.Archive.CheckQuote(string.Join(' ', quoted)).Matches, m => m.Id == Polemic);
        Assert.True(match.Start < end && start < match.End, $"found at {match.Start}-{match.End}, cut from {start}-{end}");
        Assert.Equal(3, match.Differences.Count(d => d.Type == "substitution" && d.Quoted == "zzyzx"));
    }

    [Fact]
    public void A_quotation_of_fewer_than_five_words_is_refused_with_a_reason()
    {
        var error = Assert.Throws<ArchiveException>(() => seeds.Archive.CheckQuote("a loyal revolutionary"));
        Assert.Contains("at least 5 words", error.Message);
    }

    [Fact]
    public void The_two_translations_of_Krupskayas_passage_in_seed_003_are_linked_and_aligned()
    {
        var id = seeds.Archive.List(new Searching.WorkFilter()).Single(w => w.Title.Contains("Stalin and the Trotskyites", StringComparison.Ordinal)).Id;
        var text = BodyOf(id);
        var link = seeds.Archive.QuoteLinks(id).Single(l => l.SourceId == id && l.TargetId == id);
        Assert.Equal("within-document", link.Direction);
        Assert.Contains("Everyone can see", text.Substring(link.SourceStart, link.SourceLength), StringComparison.Ordinal);
        Assert.Contains("Everybody can see", text.Substring(link.TargetStart, link.TargetLength), StringComparison.Ordinal);

        var document = seeds.Archive.Show(id)!;
        var passage = PassageAlignment.Align(link, document, document);
        Assert.Contains(passage.Differences, d => d.Type == "substitution");
        Assert.Equal(text.Substring(link.SourceStart, link.SourceLength), string.Concat(passage.Source.Select(s => s.Text)));
        Assert.Equal(text.Substring(link.TargetStart, link.TargetLength), string.Concat(passage.Target.Select(s => s.Text)));
    }

    [Fact]
    public void A_compilation_page_is_not_said_to_quote_its_own_parts()
    {
        var page = seeds.Archive.Show("compilation-lenin-on-jewish-nation")!;
        Assert.NotEmpty(page.Parts);
        Assert.Empty(seeds.Archive.QuoteLinks(page.Id));
    }
}
