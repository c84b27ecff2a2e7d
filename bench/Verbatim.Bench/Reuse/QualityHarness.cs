using System.Diagnostics;
using System.Globalization;
using Verbatim.Evaluating;
using Verbatim.Text.Evaluation;

namespace Verbatim.Bench.Reuse;

/// <summary>
/// The quality harness on a realistic corpus (issue 15, item 5): a PAN corpus generated from the
/// seeds and the Schnitzler letters with every kind the generator knows, <c>--pairs</c> pairs of
/// each (half as many without reuse), the detector run once over all its documents together as
/// over an archive, and PAN's measures printed kind by kind beside the aims.
/// </summary>
/// <remarks>
/// Run from the repository root: <c>dotnet run -c Release --project bench/Verbatim.Bench -- harness [--pairs 40] [--seed 7] [--examples 0] [--boilerplate]</c>;
/// <c>--boilerplate</c> scores the passages `reuse` leaves out as boilerplate too;
/// <c>--examples N</c> prints the first N false passages of each kind with their text.
/// </remarks>
public static class QualityHarness
{
    public static int Run(string[] args)
    {
        int Number(string option, int fallback) => args.SkipWhile(a => a != option).Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(fallback);
        var (pairs, seed, examples) = (Number("--pairs", 40), Number("--seed", 7), Number("--examples", 0));
        var options = new PanCorpusOptions
        {
            Seed = seed,
            NoReusePairs = pairs / 2,
            VerbatimPairs = pairs,
            EditedPairs = pairs,
            EllipsisPairs = pairs,
            BracketedPairs = pairs,
            WithinDocumentPairs = pairs,
            BoilerplatePairs = pairs,
            StockPhrasePairs = pairs,
            TopicPairs = pairs,
        };
        var texts = PanCorpusFolder.BodyTexts(
            [.. Directory.GetFiles(BenchPaths.Shared("corpus", "seeds"), "*.txt").Order(StringComparer.Ordinal), BenchPaths.Shared("corpus", "schnitzler-tei")], out _);
        var corpus = PanCorpusGenerator.Generate(texts, options);
        var documents = corpus.Suspicious.Concat(corpus.Sources).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"corpus: seed {seed}, {corpus.Pairs.Count} pairs, {corpus.Pairs.Sum(p => p.Cases.Count)} cases, {documents.Count} documents, {documents.Sum(d => d.Text.Length) / 1e6:0.00} M characters, {corpus.NotReuse.Count} stretches of text shared without reuse"));

        var clock = Stopwatch.StartNew();
        var evaluation = PanEvaluator.EvaluateTogether(corpus, withBoilerplate: args.Contains("--boilerplate"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"detector over all documents together: {evaluation.Detections.Count} passages in {clock.Elapsed.TotalSeconds:0.00} s"));
        Console.WriteLine();
        Console.WriteLine($"| kind | pairs | cases | detections | false passages | precision (aim ≥ {PanKindScore.AimedPrecision:0.00}) | recall | granularity (aim ≤ {PanKindScore.AimedGranularity:0.00}) | plagdet (aim) | aims |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var kind in evaluation.Kinds)
        {
            var score = kind.Score;
            var reuse = kind.AimedPlagdet is not null;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {kind.Kind} | {kind.Pairs} | {score.Cases} | {score.Detections} | {kind.FalsePassages} | {score.Precision:0.000} | {(reuse ? score.Recall.ToString("0.000", CultureInfo.InvariantCulture) : "")} | {(reuse ? score.Granularity.ToString("0.000", CultureInfo.InvariantCulture) : "")} | {(reuse ? $"{score.Plagdet:0.000} ({kind.AimedPlagdet:0.00})" : "")} | {(kind.MeetsAims ? "met" : "**not met**")} |"));
        }
        var overall = evaluation.Overall;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| all | {corpus.Pairs.Count} | {overall.Cases} | {overall.Detections} | {evaluation.Kinds.Sum(k => k.FalsePassages)} | {overall.Precision:0.000} | {overall.Recall:0.000} | {overall.Granularity:0.000} | {overall.Plagdet:0.000} | |"));
        if (examples > 0)
            PrintExamples(corpus, evaluation, examples);
        return 0;
    }

    private static void PrintExamples(PanCorpus corpus, PanKindEvaluation evaluation, int examples)
    {
        var texts = corpus.Suspicious.Concat(corpus.Sources).DistinctBy(t => t.Name).ToDictionary(t => t.Name, t => t.Text);
        var cases = corpus.Pairs.SelectMany(p => p.Cases).ToList();
        var kindOf = corpus.Pairs.ToDictionary(p => (p.Suspicious, p.Source), p => p.Folder);
        var stretches = corpus.NotReuse.ToLookup(s => s.Document);
        string Kind(PanAnnotation d) => kindOf.TryGetValue((d.SuspiciousDocument, d.SourceDocument), out var kind) ? kind
            : stretches[d.SuspiciousDocument].Where(s => s.Range.Overlaps(d.Suspicious)).Concat(stretches[d.SourceDocument].Where(s => s.Range.Overlaps(d.Source))).Select(s => s.Kind).FirstOrDefault(PanKindScoring.NoPair);
        string Shown(string name, Verbatim.Text.Normalisation.TextRange range)
        {
            var text = range.Of(texts[name]).ReplaceLineEndings(" ");
            return text.Length <= 160 ? text : text[..100] + " … " + text[^50..];
        }
        foreach (var group in evaluation.Detections.Where(d => !cases.Any(d.Detects)).GroupBy(Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Console.WriteLine();
            Console.WriteLine($"false passages of {group.Key}, the first {Math.Min(examples, group.Count())} of {group.Count()}:");
            foreach (var detection in group.Take(examples))
            {
                Console.WriteLine($"  {detection.SuspiciousDocument} {detection.Suspicious.Start}-{detection.Suspicious.End}: {Shown(detection.SuspiciousDocument, detection.Suspicious)}");
                Console.WriteLine($"  {detection.SourceDocument} {detection.Source.Start}-{detection.Source.End}: {Shown(detection.SourceDocument, detection.Source)}");
            }
        }
    }
}
