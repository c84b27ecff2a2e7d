using Verbatim.Text.Alignment;
using Verbatim.Text.Reuse;

namespace Verbatim.Text.Tests.Reuse;

/// <summary>
/// Seed 003 gives Krupskaya's 1936 passage twice, in two translations, a few paragraphs apart. The
/// page is given to the detector as one document, which compares it with itself in
/// non-overlapping windows: that is the general case of a page quoting itself, and it needs no
/// knowledge of where the page's items begin.
/// </summary>
public class SeedReuseTests
{
    private static readonly string Page = File.ReadAllText(RepositoryPaths.Seed("003"));
    private static readonly IReadOnlyList<ReusePassage> Passages = new ReuseDetector().Detect([new ReuseDocument("003", Page)]);

    private static int At(string phrase, int occurrence = 0)
    {
        var at = -1;
        for (var k = 0; k <= occurrence; k++)
        {
            at = Page.IndexOf(phrase, at + 1, StringComparison.Ordinal);
            Assert.True(at >= 0, $"'{phrase}' occurrence {occurrence} is not in seed 003");
        }
        return at;
    }

    private static ReusePassage Krupskaya =>
        Assert.Single(Passages, p => p.Source.Contains(new(At("Everyone can see, how the friendship"), 10)));

    [Fact]
    public void The_two_translations_of_Krupskayas_passage_are_found_as_one_passage_from_first_to_second()
    {
        var passage = Krupskaya;

        Assert.Equal(ReuseDirection.WithinDocument, passage.Direction);
        Assert.Equal(("003", "003"), (passage.SourceId, passage.TargetId));
        Assert.True(passage.Target.Contains(new(At("Everybody can see how on the foundation"), 10)));
        Assert.True(passage.Source.End <= passage.Target.Start);
        Assert.True(passage.Source.Contains(new(At("forward towards a better life"), 20)));
        Assert.True(passage.Target.Contains(new(At("forward towards a better life", 1), 20)));
        Assert.True(passage.MatchedWords >= 40, $"{passage.MatchedWords} words aligned");
    }

    [Fact]
    public void The_two_translations_are_aligned_word_by_word_through_their_shared_words()
    {
        var alignment = Krupskaya.Alignment;
        var pairs = alignment.Steps
            .Where(s => s.Operation == AlignmentOperation.Match)
            .Select(s => (alignment.Source.Tokens[s.SourceWord!.Value].Start, alignment.Quoting.Tokens[s.QuotingWord!.Value].Start))
            .ToList();

        Assert.Contains((At("comrade Stalin is giving himself"), At("comrade Stalin is giving himself", 1)), pairs);
        Assert.Contains((At("friendship between people"), At("friendship amongst people")), pairs);
        Assert.Contains((At("culturally. The masses"), At("culturally. And millions")), pairs);
        Assert.Contains((At("love.”\n"), At("love.”\n", 1)), pairs);
    }

    [Fact]
    public void The_translators_choices_are_classified_with_both_readings_in_place()
    {
        var differences = Krupskaya.Differences;

        Assert.Contains(differences, d => d is { Kind: DifferenceKind.Substitution, SourceReading: "carrying", QuotingReading: "leading" });
        Assert.Contains(differences, d => d is { Kind: DifferenceKind.Substitution, SourceReading: "this sacred", QuotingReading: "their vital" });
        Assert.Contains(differences, d => d is { Kind: DifferenceKind.Substitution, SourceReading: "between", QuotingReading: "amongst" });
        Assert.Contains(differences, d => d is { Kind: DifferenceKind.Insertion, QuotingReading: "selflessly" });
        Assert.All(differences, d =>
        {
            Assert.True(Krupskaya.Source.Contains(d.Source));
            Assert.True(Krupskaya.Target.Contains(d.Quoting));
            Assert.Equal(d.SourceReading, d.Source.Of(Page));
            Assert.Equal(d.QuotingReading, d.Quoting.Of(Page));
        });
    }

    [Fact]
    public void Every_passage_of_the_page_has_eight_aligned_words_and_never_overlaps_itself()
    {
        Assert.True(Passages.Count > 1);
        Assert.All(Passages, p =>
        {
            Assert.True(p.MatchedWords >= 8);
            Assert.True(p.Source.End <= p.Target.Start);
        });
    }
}
