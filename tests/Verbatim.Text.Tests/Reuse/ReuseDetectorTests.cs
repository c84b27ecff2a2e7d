using System.Globalization;
using Verbatim.Text.Alignment;
using Verbatim.Text.Reuse;

namespace Verbatim.Text.Tests.Reuse;

public class ReuseDetectorTests
{
    internal const string Letter =
        "Comrade Stalin, I ask you to read this letter to the congress. I am convinced that the question of "
        + "the monopoly of foreign trade must be settled in our favour, and I ask you to defend our common view "
        + "at the plenum. With communist greetings, Lenin.";

    internal const string Polemic =
        "At the plenum Stalin read out the letter. He read: I am convinced that the question of the monopoly "
        + "of foreign trade must be settled in our favour, and I ask you to defend our view at the plenum. "
        + "With best greetings. The words were not his own.";

    private static IReadOnlyList<ReusePassage> Detect(params ReuseDocument[] documents) => new ReuseDetector().Detect(documents);

    [Fact]
    public void A_later_document_quoting_an_earlier_one_is_found_and_directed_by_date_whatever_the_order_given()
    {
        var passage = Assert.Single(Detect(
            new ReuseDocument("polemic", Polemic, new DateOnly(1930, 3, 22)),
            new ReuseDocument("letter", Letter, new DateOnly(1922, 12, 13))));

        Assert.Equal(("letter", "polemic", ReuseDirection.ByDate), (passage.SourceId, passage.TargetId, passage.Direction));
        Assert.StartsWith("I am convinced", passage.Source.Of(Letter), StringComparison.Ordinal);
        Assert.StartsWith("I am convinced", passage.Target.Of(Polemic), StringComparison.Ordinal);
        var omission = Assert.Single(passage.Differences, d => d.Kind == DifferenceKind.SilentOmission);
        Assert.Equal("common", omission.SourceReading);
        Assert.Equal(Letter.IndexOf("common", StringComparison.Ordinal), omission.Source.Start);
    }

    [Fact]
    public void Without_dates_the_order_given_decides_and_the_direction_says_so()
    {
        var passage = Assert.Single(Detect(new ReuseDocument("polemic", Polemic), new ReuseDocument("letter", Letter)));

        Assert.Equal(("polemic", "letter", ReuseDirection.Undetermined), (passage.SourceId, passage.TargetId, passage.Direction));
        var insertion = Assert.Single(passage.Differences, d => d.Kind == DifferenceKind.Insertion);
        Assert.Equal("common", insertion.QuotingReading);
        Assert.Equal(Letter.IndexOf("common", StringComparison.Ordinal), insertion.Quoting.Start);
    }

    [Fact]
    public void Texts_sharing_fewer_than_eight_words_have_no_passage()
    {
        Assert.Empty(Detect(
            new ReuseDocument("a", "The resolution of the plenum was adopted unanimously that evening in Moscow."),
            new ReuseDocument("b", "Nobody expected that the resolution of the plenum was adopted so quickly.")));
        Assert.Empty(Detect(new ReuseDocument("a", Letter), new ReuseDocument("b", "Nothing here is shared with anything else at all, five words or more.")));
    }

    [Fact]
    public void A_quotation_with_a_long_omission_at_an_ellipsis_is_one_passage()
    {
        const string quoting = "He wrote: I am convinced that the question of the monopoly of foreign trade … defend our common view at the plenum.";
        var passage = Assert.Single(Detect(new ReuseDocument("letter", Letter), new ReuseDocument("note", quoting)));

        var omission = Assert.Single(passage.Differences);
        Assert.Equal(DifferenceKind.MarkedOmission, omission.Kind);
        Assert.Equal("must be settled in our favour, and I ask you to", omission.SourceReading);
        Assert.Equal("…", omission.QuotingReading);
    }

    [Fact]
    public void A_document_that_gives_one_passage_twice_is_reuse_within_it_without_overlap()
    {
        var page = "First version. " + Letter + " Between the two versions stands a long note about the sources of this text. " + Polemic;
        var passage = Assert.Single(Detect(new ReuseDocument("page", page)));

        Assert.Equal(ReuseDirection.WithinDocument, passage.Direction);
        Assert.True(passage.Source.End <= passage.Target.Start);
        Assert.StartsWith("I am convinced", passage.Source.Of(page), StringComparison.Ordinal);
        Assert.True(passage.Target.Start > page.IndexOf("Between the two", StringComparison.Ordinal));
    }

    [Fact]
    public void Two_separate_passages_between_two_documents_are_both_found()
    {
        const string second = "Much later he also wrote that the whole of the Central Committee must discuss the Georgian question at once and in full.";
        var source = Letter + " Other matters follow here, unrelated to the congress. " + second;
        var target = "One speaker recalled: the whole of the Central Committee must discuss the Georgian question at once. "
            + "Earlier, it was said: I am convinced that the question of the monopoly of foreign trade must be settled in our favour.";

        var passages = Detect(new ReuseDocument("source", source), new ReuseDocument("target", target));

        Assert.Equal(2, passages.Count);
        Assert.Contains(passages, p => p.Source.Of(source).StartsWith("I am convinced", StringComparison.Ordinal));
        Assert.Contains(passages, p => p.Source.Of(source).StartsWith("the whole of the Central Committee", StringComparison.Ordinal));
    }

    [Fact]
    public void Detecting_over_many_documents_finds_between_each_two_what_detecting_over_those_two_finds()
    {
        var page = "First version. " + Letter + " Between the two versions stands a long note about the sources of this text. " + Polemic;
        ReuseDocument[] documents = [new("letter", Letter), new("unrelated", "Nothing here is shared with anything else at all, five words or more."), new("polemic", Polemic), new("page", page)];

        var all = Detect(documents);

        var accounted = 0;
        for (var a = 0; a < documents.Length; a++)
        {
            for (var b = a; b < documents.Length; b++)
            {
                var (idA, idB) = (documents[a].Id, documents[b].Id);
                bool Between(ReusePassage p) => (p.SourceId, p.TargetId) == (idA, idB) || (p.SourceId, p.TargetId) == (idB, idA);
                var alone = (a == b ? Detect(documents[a]) : Detect(documents[a], documents[b])).Where(Between);
                var within = all.Where(Between);
                Assert.Equal(alone.Select(p => (p.SourceId, p.Source, p.TargetId, p.Target)), within.Select(p => (p.SourceId, p.Source, p.TargetId, p.Target)));
                accounted += within.Count();
            }
        }
        Assert.Equal(all.Count, accounted);
        Assert.Contains(all, p => p.Direction == ReuseDirection.WithinDocument);
        Assert.Equal(all.Select(p => (p.SourceId, p.Source, p.Target)), Detect(documents).Select(p => (p.SourceId, p.Source, p.Target)));
    }

    [Fact]
    public void Ids_given_twice_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Detect(new ReuseDocument("a", "x"), new ReuseDocument("a", "y")));
    }

    [Fact]
    public void A_transliterated_quotation_of_a_Cyrillic_text_is_found_and_differs_only_typographically()
    {
        const string original = "Письмо к съезду: товарищ Сталин слишком груб, и этот недостаток, вполне терпимый в среде коммунистов.";
        const string quoting = "He cites: “tovarishch Stalin slishkom grub, i etot nedostatok, vpolne terpimyy v srede” and stops.";

        var passage = Assert.Single(Detect(new ReuseDocument("original", original), new ReuseDocument("quoting", quoting)));

        Assert.Equal(11, passage.MatchedWords);
        Assert.Equal("товарищ Сталин слишком груб, и этот недостаток, вполне терпимый в среде", passage.Source.Of(original));
        Assert.Equal("tovarishch Stalin slishkom grub, i etot nedostatok, vpolne terpimyy v srede", passage.Target.Of(quoting));
        Assert.All(passage.Differences, d => Assert.Equal(DifferenceKind.TypographicOnly, d.Kind));
        Assert.Equal(11, passage.Differences.Count);
    }
}

public class ReuseEdgeTests
{
    private const string Shared = "the question of the monopoly of foreign trade must be settled in our favour at the plenum";

    /// <summary>
    /// Around the shared words, "in the" and "of the" agree again between changed words: a local
    /// alignment gains by running on through them, but they are not the passage.
    /// </summary>
    [Theory]
    [InlineData("Comrade Stalin, I am convinced that {0} soon in the spring of the year, as we agreed.",
        "He wrote that he was convinced that {0} thus in the winter of the war, or so he said.", "convinced that the question")]
    [InlineData("It was in the spring of the year that {0}. Nothing else followed here.",
        "Once in the winter of the war when {0}. And then he stopped.", "the question")]
    public void A_passage_stops_at_its_last_agreeing_words_though_common_words_agree_beyond(string letterForm, string polemicForm, string start)
    {
        var (letter, polemic) = (string.Format(CultureInfo.InvariantCulture, letterForm, Shared), string.Format(CultureInfo.InvariantCulture, polemicForm, Shared));

        var passage = Assert.Single(new ReuseDetector().Detect([new ReuseDocument("letter", letter), new ReuseDocument("polemic", polemic)]));

        foreach (var given in new[] { passage.Source.Of(letter), passage.Target.Of(polemic) })
        {
            Assert.StartsWith(start, given, StringComparison.Ordinal);
            Assert.EndsWith("at the plenum", given, StringComparison.Ordinal);
        }
    }
}

public class ChanceOverlapTests
{
    private static readonly string[] Commonest = ["the", "of", "and", "a", "in", "to", "it", "was", "that", "he"];

    /// <summary>
    /// Prose of 600 words, every other one of the commonest (drawn at random, as prose uses them)
    /// and the rest its own, with <paramref name="shared"/> in the middle.
    /// </summary>
    private static string Text(string id, int seed, string shared)
    {
        var random = new Random(seed);
        var words = Enumerable.Range(0, 600).Select(k => k % 2 == 0 ? Commonest[random.Next(Commonest.Length)] : $"{id}x{k}").ToList();
        words.Insert(300, $"{id}zz {shared} {id}yy");
        return string.Join(' ', words);
    }

    private static IReadOnlyList<ReusePassage> Between(string shared) =>
        new ReuseDetector().Detect([new ReuseDocument("a", Text("p", 1, shared)), new ReuseDocument("b", Text("q", 2, shared))]);

    [Fact]
    public void Eight_of_the_commonest_words_shared_by_two_texts_are_no_passage()
    {
        Assert.Empty(Between("of the and the in a to the"));
    }

    [Fact]
    public void Eight_rare_words_shared_by_two_texts_are_a_passage()
    {
        var passage = Assert.Single(Between("zeugma quibble ostrich lantern meadow fathom cobalt walrus"));

        Assert.Equal(8, passage.MatchedWords);
    }
}

public class TopicPhrasingTests
{
    private const string TopicRun = "plenum condemned opposition platform demanded unconditional factional discipline";
    private const string RareRun = "zeugma quibble ostrich lantern meadow fathom cobalt walrus";

    /// <summary>A text of 600 words of its own, each once, with <paramref name="shared"/> in the middle.</summary>
    private static ReuseDocument Text(string id, string shared)
    {
        var words = Enumerable.Range(0, 600).Select(k => $"{id}x{k}").ToList();
        words.Insert(300, shared);
        return new ReuseDocument(id, string.Join(' ', words));
    }

    /// <summary>
    /// A text on the same topic: its own words, and every step of the topic's run (a word and the
    /// word after it) apart, in an order of its own, so that it makes each step and shares no run
    /// of five words.
    /// </summary>
    private static ReuseDocument OnTopic(string id, int seed)
    {
        var words = TopicRun.Split(' ');
        var random = new Random(seed);
        var steps = Enumerable.Range(0, words.Length - 1).OrderBy(_ => random.Next()).ToList();
        var own = Enumerable.Range(0, 100).Select(k => $"{id}x{k}");
        return new ReuseDocument(id, string.Join(' ', own.Concat(steps.Select((s, k) => $"{words[s]} {words[s + 1]} {id}y{k}"))));
    }

    private static IReadOnlyList<ReusePassage> DetectAmongTheTopic(params ReuseDocument[] pair) =>
        new ReuseDetector().Detect([.. pair, .. Enumerable.Range(1, 4).Select(k => OnTopic($"topic-{k}", k))]);

    [Fact]
    public void A_short_run_whose_every_step_the_topics_documents_make_is_no_passage_between_two_texts()
    {
        Assert.DoesNotContain(DetectAmongTheTopic(Text("a", TopicRun), Text("b", TopicRun)), p => p.SourceId != p.TargetId);
    }

    [Fact]
    public void A_run_as_short_in_words_no_other_document_puts_together_is_a_passage_among_the_same_documents()
    {
        var passages = DetectAmongTheTopic(Text("a", TopicRun), Text("b", TopicRun), Text("c", RareRun), Text("d", RareRun));

        var passage = Assert.Single(passages, p => p.SourceId != p.TargetId);
        Assert.Equal(("c", "d", 8), (passage.SourceId, passage.TargetId, passage.MatchedWords));
    }

    [Fact]
    public void Without_other_documents_the_same_short_run_is_a_passage_as_before()
    {
        Assert.Single(new ReuseDetector().Detect([Text("a", TopicRun), Text("b", TopicRun)]));
    }
}

public class BoilerplateTests
{
    private const string Letterhead = "Verlag der Wiener Rundschau Wien Kohlmarkt sieben Fernsprecher Telegramme Rundschau Redaktion Schriftleitung";
    private const string Quotation = "the question of the monopoly of foreign trade must be settled in our favour at the plenum";

    /// <summary>A letter of its own words, with the letterhead on top where asked and the quotation where asked.</summary>
    private static ReuseDocument Letter(int i, bool letterhead, bool quotation)
    {
        var own = string.Join(' ', Enumerable.Range(0, 60).Select(k => $"w{i}x{k}"));
        return new ReuseDocument($"letter-{i:00}", $"{(letterhead ? Letterhead + "\n\n" : "")}{own} {(quotation ? Quotation : "")} {own}.");
    }

    [Fact]
    public void A_letterhead_three_of_five_letters_carry_is_boilerplate_and_a_passage_two_share_is_not()
    {
        var letters = Enumerable.Range(1, 5).Select(i => Letter(i, letterhead: i <= 3, quotation: i >= 4)).ToList();

        var passages = new ReuseDetector().Detect(letters);

        var heads = passages.Where(p => p.Source.Of(letters.Single(l => l.Id == p.SourceId).Text).StartsWith("Verlag", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, heads.Count);
        Assert.All(heads, p => Assert.True(p.IsBoilerplate));
        var quoted = Assert.Single(passages, p => (p.SourceId, p.TargetId) == ("letter-04", "letter-05"));
        Assert.False(quoted.IsBoilerplate);
        Assert.Contains(passages, p => p.SourceId == p.TargetId && !p.IsBoilerplate);
    }

    [Fact]
    public void A_letterhead_one_letter_repeats_counts_that_letter_once()
    {
        var letters = Enumerable.Range(1, 5).Select(i => Letter(i, letterhead: i <= 2, quotation: false)).ToList();
        letters[0] = letters[0] with { Text = $"{letters[0].Text}\n\n{Letterhead}\n\n{Letterhead}" };

        var passages = new ReuseDetector().Detect(letters);

        var heads = passages.Where(p => p.Source.Of(letters.Single(l => l.Id == p.SourceId).Text).StartsWith("Verlag", StringComparison.Ordinal)).ToList();
        Assert.Contains(heads, p => p.TargetId == "letter-02");
        Assert.All(heads, p => Assert.False(p.IsBoilerplate));
    }

    [Theory]
    [InlineData(5, 3)]
    [InlineData(300, 3)]
    [InlineData(4420, 45)]
    [InlineData(100_000, 64)]
    public void The_threshold_grows_with_the_collection_up_to_the_formulaic_limit(int documents, int threshold)
    {
        Assert.Equal(threshold, Boilerplate.Threshold(documents, ReuseOptions.Default.MaximumOccurrences));
    }
}

public class ReuseDirectionTests
{
    private static ReusePassage Between(ReuseDocument a, ReuseDocument b) => Assert.Single(new ReuseDetector().Detect([a, b]));

    [Fact]
    public void A_text_known_only_by_a_later_printing_is_not_directed_against_a_dated_writing()
    {
        // The essay's only date is its printing (1989): it may have been written at any time before,
        // so it cannot be said to quote a letter of 1922, nor to be quoted by it.
        var passage = Between(
            new ReuseDocument("a-essay", ReuseDetectorTests.Polemic, Date: null, ExistedBy: new DateOnly(1989, 12, 31)),
            new ReuseDocument("b-letter", ReuseDetectorTests.Letter, new DateOnly(1922, 12, 13)));

        Assert.Equal(ReuseDirection.Undetermined, passage.Direction);
    }

    [Fact]
    public void A_text_printed_before_another_was_written_is_its_source()
    {
        var passage = Between(
            new ReuseDocument("a-polemic", ReuseDetectorTests.Polemic, new DateOnly(1930, 3, 22)),
            new ReuseDocument("b-letter", ReuseDetectorTests.Letter, Date: null, ExistedBy: new DateOnly(1923, 12, 31)));

        Assert.Equal(("b-letter", "a-polemic", ReuseDirection.ByDate), (passage.SourceId, passage.TargetId, passage.Direction));
    }

    [Fact]
    public void A_year_alone_does_not_put_a_text_before_a_day_of_that_year()
    {
        var passage = Between(
            new ReuseDocument("a-polemic", ReuseDetectorTests.Polemic, new DateOnly(1922, 1, 1), ExistedBy: new DateOnly(1922, 12, 31)),
            new ReuseDocument("b-letter", ReuseDetectorTests.Letter, new DateOnly(1922, 12, 13)));

        Assert.Equal(ReuseDirection.Undetermined, passage.Direction);
    }
}
