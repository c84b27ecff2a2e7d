using System.CommandLine;
using System.Globalization;
using Verbatim.Evaluating;
using Verbatim.Presenting;
using Verbatim.Text.Evaluation;

namespace Verbatim.Cli.Verbs;

/// <summary>
/// `verbatim generate-pan OUT TEXT...` (hidden): writes a PAN corpus made from the documents the
/// files yield, for `eval-pan`. Hidden because it makes test material, not archive work; it is a
/// verb so that anyone holding the binary can remake the corpus a figure was measured on.
/// </summary>
public static class GeneratePanVerb
{
    public static Command Create()
    {
        var output = new Argument<string>("OUT") { Description = "The folder to write the corpus into (created; must be empty or absent)." };
        var texts = new Argument<string[]>("TEXT") { Description = "Files, folders or globs whose documents' body texts serve as hosts and sources.", Arity = ArgumentArity.OneOrMore };
        var defaults = new PanCorpusOptions();
        var seed = new Option<int>("--seed") { Description = "Seed of every random choice.", DefaultValueFactory = _ => defaults.Seed };
        var none = new Option<int>("--no-reuse-pairs") { DefaultValueFactory = _ => defaults.NoReusePairs };
        var verbatim = new Option<int>("--verbatim-pairs") { DefaultValueFactory = _ => defaults.VerbatimPairs };
        var edited = new Option<int>("--edited-pairs") { DefaultValueFactory = _ => defaults.EditedPairs };
        var rates = new Option<string>("--edit-rates")
        {
            Description = "Per word: substitution,deletion,insertion,shuffle.",
            DefaultValueFactory = _ => string.Create(CultureInfo.InvariantCulture, $"{defaults.Edits.Substitution},{defaults.Edits.Deletion},{defaults.Edits.Insertion},{defaults.Edits.Shuffle}"),
        };
        var madeUpWords = new Option<int>("--made-up-words") { Description = "Words of a made-up document, when the real texts run out.", DefaultValueFactory = _ => defaults.SyntheticHostWords };
        var command = new Command("generate-pan", "Write a PAN text-alignment corpus with passages inserted verbatim and with random word edits.")
        {
            output, texts, seed, none, verbatim, edited, rates, madeUpWords,
        };
        command.Hidden = true;
        command.SetAction(result => ArchiveOptions.Run(result, (stdout, error) =>
        {
            var folder = result.GetValue(output)!;
            if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
            {
                error.WriteLine($"error: {folder} is not empty");
                return 2;
            }
            var parts = result.GetValue(rates)!.Split(',').Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN).ToList();
            if (parts.Count != 4 || parts.Any(p => !(p >= 0 && p <= 1)))
            {
                error.WriteLine("error: --edit-rates takes four rates from 0 to 1: substitution,deletion,insertion,shuffle");
                return 2;
            }
            var bodies = PanCorpusFolder.BodyTexts(result.GetValue(texts)!, out var unreadable);
            foreach (var problem in unreadable)
                error.WriteLine($"warning: {problem}");
            var corpus = PanCorpusGenerator.Generate(bodies, new PanCorpusOptions
            {
                Seed = result.GetValue(seed),
                NoReusePairs = result.GetValue(none),
                VerbatimPairs = result.GetValue(verbatim),
                EditedPairs = result.GetValue(edited),
                Edits = new WordEditRates(parts[0], parts[1], parts[2], parts[3]),
                SyntheticHostWords = result.GetValue(madeUpWords),
            });
            PanCorpusFolder.Write(corpus, folder);
            stdout.WriteLine($"{folder}: {Wording.Counted(corpus.Pairs.Count, "pair")}, {Wording.Counted(corpus.Pairs.Sum(p => p.Cases.Count), "case")}, {corpus.Suspicious.Count} suspicious and {Wording.Counted(corpus.Sources.Count, "source document")} from {Wording.Counted(bodies.Count, "text")}.");
            return 0;
        }));
        return command;
    }
}
