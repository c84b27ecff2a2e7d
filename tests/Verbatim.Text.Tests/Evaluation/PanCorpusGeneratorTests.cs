using Verbatim.Text.Evaluation;
using Verbatim.Text.Normalisation;

namespace Verbatim.Text.Tests.Evaluation;

/// <summary>The kinds of issue 15 in a small generated corpus: each annotated with its kind, each annotation at its text.</summary>
public class PanCorpusGeneratorTests
{
    private static readonly IReadOnlyList<string> Texts =
        [.. Directory.GetFiles(RepositoryPaths.Shared("corpus", "seeds"), "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText)];

    private static readonly PanCorpusOptions Small = new()
    {
        Seed = 3,
        NoReusePairs = 1,
        VerbatimPairs = 2,
        EditedPairs = 2,
        MinimumPassageWords = 20,
        MaximumPassageWords = 120,
        SyntheticHostWords = 600,
        MinimumDocumentWords = 300,
    };

    private static readonly PanCorpusOptions Realistic = Small with
    {
        EllipsisPairs = 4,
        BracketedPairs = 3,
        WithinDocumentPairs = 3,
        BoilerplatePairs = 3,
        StockPhrasePairs = 3,
        TopicPairs = 3,
    };

    private static readonly PanCorpus Corpus = PanCorpusGenerator.Generate(Texts, Realistic);

    private static readonly Dictionary<string, string> TextOf = Corpus.Suspicious.Concat(Corpus.Sources).ToDictionary(t => t.Name, t => t.Text);

    private static IEnumerable<PanAnnotation> CasesOf(string folder) => Corpus.Pairs.Where(p => p.Folder == folder).SelectMany(p => p.Cases);

    private static string[] WordsOf(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    private static string Suspicious(PanAnnotation @case) => @case.Suspicious.Of(TextOf[@case.SuspiciousDocument]);

    private static string Source(PanAnnotation @case) => @case.Source.Of(TextOf[@case.SourceDocument]);

    [Theory]
    [InlineData(PanCorpusGenerator.EllipsisFolder, 4, PanCorpusGenerator.ObfuscationEllipsis)]
    [InlineData(PanCorpusGenerator.BracketedFolder, 3, PanCorpusGenerator.ObfuscationBracketed)]
    [InlineData(PanCorpusGenerator.WithinDocumentFolder, 3, PanCorpusGenerator.ObfuscationWithinDocument)]
    [InlineData(PanCorpusGenerator.BoilerplateFolder, 3, PanCorpusGenerator.ObfuscationNone)]
    [InlineData(PanCorpusGenerator.StockPhraseFolder, 3, PanCorpusGenerator.ObfuscationNone)]
    [InlineData(PanCorpusGenerator.TopicFolder, 3, PanCorpusGenerator.ObfuscationNone)]
    public void Every_kind_has_its_pairs_and_every_case_names_its_kind(string folder, int pairs, string obfuscation)
    {
        Assert.Equal(pairs, Corpus.Pairs.Count(p => p.Folder == folder));
        Assert.NotEmpty(CasesOf(folder));
        Assert.All(CasesOf(folder), c => Assert.Equal(obfuscation, c.Obfuscation));
    }

    [Theory]
    [InlineData(PanCorpusGenerator.WithinDocumentFolder)]
    [InlineData(PanCorpusGenerator.BoilerplateFolder)]
    [InlineData(PanCorpusGenerator.StockPhraseFolder)]
    [InlineData(PanCorpusGenerator.TopicFolder)]
    public void A_verbatim_case_points_at_the_same_text_on_both_sides(string folder) =>
        Assert.All(CasesOf(folder), c => Assert.Equal(Source(c), Suspicious(c)));

    [Fact]
    public void Reuse_within_a_document_repeats_an_earlier_passage_of_the_same_document_further_on()
    {
        Assert.All(Corpus.Pairs.Where(p => p.Folder == PanCorpusGenerator.WithinDocumentFolder), p => Assert.Equal(p.Suspicious, p.Source));
        Assert.All(CasesOf(PanCorpusGenerator.WithinDocumentFolder), c => Assert.True(c.Source.End <= c.Suspicious.Start, $"{c.Source} then {c.Suspicious}"));
    }

    [Fact]
    public void An_elided_passage_keeps_its_pieces_in_order_and_the_source_range_runs_from_the_first_to_the_last()
    {
        var marks = PanCorpusGenerator.EllipsisMarks.Select(m => $" {m} ").ToArray();
        var gaps = 0;
        foreach (var @case in CasesOf(PanCorpusGenerator.EllipsisFolder))
        {
            var pieces = Suspicious(@case).Split(marks, StringSplitOptions.None).Select(WordsOf).ToList();
            var source = WordsOf(Source(@case));
            Assert.True(pieces.Count >= 2, Suspicious(@case));
            gaps += pieces.Count - 1;
            Assert.Equal(pieces[0], source[..pieces[0].Length]);
            Assert.Equal(pieces[^1], source[^pieces[^1].Length..]);
            var at = 0;
            foreach (var piece in pieces)
            {
                var found = Enumerable.Range(at, source.Length - at - piece.Length + 1).FirstOrDefault(i => source.AsSpan(i, piece.Length).SequenceEqual(piece), -1);
                Assert.True(found >= at, $"piece '{string.Join(' ', piece)}' not after word {at}");
                at = found + piece.Length + 2;
            }
            Assert.True(pieces.Sum(p => p.Length) + 2 * (pieces.Count - 1) <= source.Length, "each gap leaves out two words or more");
        }
        Assert.True(gaps > CasesOf(PanCorpusGenerator.EllipsisFolder).Count(), "some passages have two gaps");
    }

    [Fact]
    public void A_bracketed_passage_is_its_source_with_editorial_insertions()
    {
        foreach (var @case in CasesOf(PanCorpusGenerator.BracketedFolder))
        {
            var suspicious = Suspicious(@case);
            var stripped = PanCorpusGenerator.EditorialInsertions.Aggregate(suspicious, (text, insertion) => text.Replace(" " + insertion, "", StringComparison.Ordinal));
            Assert.NotEqual(suspicious, stripped);
            Assert.Equal(WordsOf(Source(@case)), WordsOf(stripped));
        }
    }

    [Fact]
    public void Boilerplate_stands_at_the_top_or_the_end_of_every_document_of_its_pairs_and_several_share_it()
    {
        var stretches = Corpus.NotReuse.Where(s => s.Kind == PanCorpusGenerator.BoilerplateFolder).ToList();
        var documents = Corpus.Pairs.Where(p => p.Folder == PanCorpusGenerator.BoilerplateFolder).SelectMany(p => new[] { p.Suspicious, p.Source }).ToList();

        Assert.Equal(documents.Order(StringComparer.Ordinal), stretches.Select(s => s.Document).Order(StringComparer.Ordinal));
        foreach (var stretch in stretches)
        {
            var boilerplate = Assert.Single(PanCorpusGenerator.Boilerplate, b => b.Text == stretch.Range.Of(TextOf[stretch.Document]));
            Assert.Equal(boilerplate.AtTop, stretch.Range.Start == 0);
            Assert.Equal(boilerplate.AtTop, stretch.Range.End < TextOf[stretch.Document].Length);
        }
        Assert.True(stretches.Select(s => s.Range.Of(TextOf[s.Document])).Distinct().Count() < stretches.Count);
        Assert.DoesNotContain(CasesOf(PanCorpusGenerator.BoilerplateFolder), c => stretches.Any(s =>
            (s.Document == c.SuspiciousDocument && s.Range.Overlaps(c.Suspicious)) || (s.Document == c.SourceDocument && s.Range.Overlaps(c.Source))));
    }

    [Fact]
    public void Stock_phrases_are_marked_where_they_stand_in_both_documents_of_a_pair()
    {
        var stretches = Corpus.NotReuse.Where(s => s.Kind == PanCorpusGenerator.StockPhraseFolder).ToList();

        Assert.All(Corpus.Pairs.Where(p => p.Folder == PanCorpusGenerator.StockPhraseFolder), p =>
        {
            Assert.Contains(stretches, s => s.Document == p.Suspicious);
            Assert.Contains(stretches, s => s.Document == p.Source);
        });
        Assert.All(stretches, s =>
        {
            var text = s.Range.Of(TextOf[s.Document]);
            Assert.StartsWith(PanCorpusGenerator.StockPhrases.First(text.StartsWith), text, StringComparison.Ordinal);
            Assert.Empty(PanCorpusGenerator.StockPhrases.Aggregate(text, (rest, phrase) => rest.Replace(phrase, "", StringComparison.Ordinal)).Trim());
        });
    }

    [Fact]
    public void Documents_on_one_topic_share_words_but_no_run_of_eight_words_outside_their_cases()
    {
        var pairs = Corpus.Pairs.Where(p => p.Folder == PanCorpusGenerator.TopicFolder).ToList();
        Assert.All(pairs.SelectMany(p => new[] { p.Suspicious, p.Source }), d =>
            Assert.Contains(Corpus.NotReuse, s => s.Document == d && s.Kind == PanCorpusGenerator.TopicFolder && s.Range == new TextRange(0, TextOf[d].Length)));
        var sources = pairs.Select(p => TextOf[p.Source]).ToList();
        var runs = sources.Select(t => Runs(WordsOf(t), 8)).ToList();
        var vocabularies = sources.Select(t => WordsOf(t).ToHashSet()).ToList();
        for (var a = 0; a < sources.Count; a++)
        {
            for (var b = a + 1; b < sources.Count; b++)
            {
                Assert.Empty(runs[a].Intersect(runs[b]));
                Assert.True(vocabularies[a].Intersect(vocabularies[b]).Count() * 2 > vocabularies[a].Count, "they share most of their words");
            }
        }
    }

    [Fact]
    public void The_first_three_kinds_are_the_same_with_or_without_the_new_ones()
    {
        var before = PanCorpusGenerator.Generate(Texts, Small);

        Assert.Equal(before.Pairs.Count, Corpus.Pairs.Count(p => string.CompareOrdinal(p.Folder, PanCorpusGenerator.EllipsisFolder) < 0));
        for (var i = 0; i < before.Pairs.Count; i++)
        {
            Assert.Equal(before.Pairs[i].Cases, Corpus.Pairs[i].Cases);
            Assert.Equal(before.Suspicious[i], Corpus.Suspicious[i]);
            Assert.Equal(before.Sources[i], Corpus.Sources[i]);
        }
        Assert.Empty(before.NotReuse);
    }

    [Fact]
    public void The_same_seed_gives_the_same_corpus()
    {
        var again = PanCorpusGenerator.Generate(Texts, Realistic);

        Assert.Equal(Corpus.Suspicious, again.Suspicious);
        Assert.Equal(Corpus.Sources, again.Sources);
        Assert.Equal(Corpus.Pairs.SelectMany(p => p.Cases), again.Pairs.SelectMany(p => p.Cases));
        Assert.Equal(Corpus.NotReuse, again.NotReuse);
    }

    private static HashSet<string> Runs(string[] words, int length) =>
        [.. Enumerable.Range(0, Math.Max(0, words.Length - length + 1)).Select(i => string.Join(' ', words[i..(i + length)]))];
}
