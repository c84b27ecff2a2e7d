using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Verbatim.Evaluating;
using Verbatim.Text.Evaluation;

namespace Verbatim.Cli.Verbs;

/// <summary>`verbatim eval-pan DIR`: the reuse detector on a PAN text-alignment corpus, scored by PAN's measures.</summary>
public static class EvalPanVerb
{
    public static Command Create()
    {
        var directory = new Argument<string>("DIR") { Description = "A PAN text-alignment corpus: susp/, src/, a pairs file, and one truth XML a pair (in DIR or a folder below it)." };
        var json = ArchiveOptions.Json("{\"overall\":{precision,recall,granularity,plagdet,...},\"folders\":[...],\"problems\":[...]}");
        var detections = new Option<string?>("--detections") { Description = "Also write the detections into this folder, one PAN XML a pair (feature name=\"detected-plagiarism\")." };
        var command = new Command("eval-pan", "Align every pair of a PAN corpus and print precision, recall, granularity and plagdet. Exit 1 if any pair could not be read.")
        {
            directory, json, detections,
        };
        command.SetAction(result => ArchiveOptions.Run(result, (output, error) =>
        {
            var reading = PanCorpusFolder.Read(result.GetValue(directory)!);
            foreach (var problem in reading.Problems)
                error.WriteLine($"error: {problem}");
            var evaluation = PanEvaluator.Evaluate(reading.Corpus);
            if (result.GetValue(detections) is { } detectionsFolder)
                PanCorpusFolder.WriteDetections(reading.Corpus, evaluation.Detections, detectionsFolder);
            if (result.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(new
                {
                    pairs = reading.Corpus.Pairs.Count,
                    overall = evaluation.Overall,
                    folders = evaluation.Folders.Select(f => new { folder = f.Folder, pairs = f.Pairs, score = f.Score }),
                    problems = reading.Problems.Select(p => new { file = p.File, line = p.Line, message = p.Message }),
                }, CliJson.Options));
            }
            else
            {
                output.WriteLine("folder                        pairs  cases  detections  precision  recall  granularity  plagdet");
                foreach (var folder in evaluation.Folders)
                    output.WriteLine(Row(folder.Folder.Length == 0 ? "(corpus folder)" : folder.Folder, folder.Pairs, folder.Score));
                output.WriteLine(Row("all", reading.Corpus.Pairs.Count, evaluation.Overall));
            }
            return reading.Problems.Count > 0 ? 1 : 0;
        }));
        return command;
    }

    private static string Row(string name, int pairs, PanScore score) => string.Create(CultureInfo.InvariantCulture,
        $"{name,-28}  {pairs,5}  {score.Cases,5}  {score.Detections,10}  {score.Precision,9:0.0000}  {score.Recall,6:0.0000}  {score.Granularity,11:0.0000}  {score.Plagdet,7:0.0000}");
}
