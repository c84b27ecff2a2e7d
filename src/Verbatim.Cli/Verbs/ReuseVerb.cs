using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Verbatim.Presenting;
using Verbatim.Quoting;
using Verbatim.Text.Reuse;

namespace Verbatim.Cli.Verbs;

/// <summary>
/// `verbatim reuse PATH...`: every passage that files share, each against every other and itself,
/// as the archive finds them between its documents, without an archive. Exit 1 if a file could
/// not be compared (the others are).
/// </summary>
public static partial class ReuseVerb
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH") { Description = "Files, folders (every file below) or globs; read as UTF-8 text, offsets count its characters.", Arity = ArgumentArity.OneOrMore };
        var minimumWords = new Option<int>("--min-words") { Description = "A passage needs at least this many words aligned as equal.", DefaultValueFactory = _ => ReuseOptions.Default.MinimumMatchedWords };
        var differences = new Option<bool>("--differences") { Description = "Classify and print every difference of every passage." };
        var boilerplate = new Option<bool>("--boilerplate") { Description = "List boilerplate too: passages that many of the files share (licence lines, letterheads)." };
        var json = ArchiveOptions.Json("{\"files\",\"passages\":[{source,sourceStart,sourceEnd,target,targetStart,targetEnd,matchedWords,direction,boilerplate,differences}],\"boilerplateLeftOut\",\"problems\"}");
        var command = new Command("reuse", "Find every passage that files share, aligned word by word, with what differs.")
        {
            paths, minimumWords, differences, boilerplate, json,
        };
        minimumWords.Validators.Add(given =>
        {
            if (given.GetValueOrDefault<int>() < 1)
                given.AddError("--min-words must be at least 1");
        });
        command.SetAction(result => ArchiveOptions.Run(result, (output, error) =>
        {
            var options = ReuseOptions.Default with { MinimumMatchedWords = result.GetValue(minimumWords) };
            var report = FileReuse.Find(result.GetValue(paths)!, result.GetValue(differences), options, result.GetValue(boilerplate));
            foreach (var problem in report.Problems)
                error.WriteLine($"error: {problem.File}: {problem.Message}");
            if (result.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(
                    new JsonReport(report.Files, report.Passages, report.BoilerplateLeftOut, [.. report.Problems.Select(p => new JsonProblem(p.File, p.Message))]),
                    ReportJson.Value));
            }
            else
            {
                WriteText(output, report);
            }
            return report.Problems.Count > 0 ? 1 : 0;
        }));
        return command;
    }

    private sealed record JsonReport(int Files, IReadOnlyList<FilePassage> Passages, int BoilerplateLeftOut, IReadOnlyList<JsonProblem> Problems);

    private sealed record JsonProblem(string? File, string Message);

    // Serialised by generated code under the command's JSON options: made by reflection, the
    // converters of one report were compiled at every run, a tenth of a run over 4,420 letters.
    [JsonSerializable(typeof(JsonReport))]
    private sealed partial class ReportContext : JsonSerializerContext;

    private static readonly Lazy<JsonTypeInfo<JsonReport>> ReportJson =
        new(() => new ReportContext(new JsonSerializerOptions(CliJson.Options)).JsonReport);

    private static void WriteText(TextWriter output, FileReuseReport report)
    {
        var leftOut = report.BoilerplateLeftOut > 0 ? $" ({Wording.Counted(report.BoilerplateLeftOut, "boilerplate passage")} left out; --boilerplate lists them)" : "";
        output.WriteLine($"{Wording.Counted(report.Files, "file")} compared: {Wording.Counted(report.Passages.Count, "shared passage")}{leftOut}.");
        foreach (var passage in report.Passages)
        {
            output.WriteLine($"{passage.Source}:{passage.SourceStart}-{passage.SourceEnd} -> {passage.Target}:{passage.TargetStart}-{passage.TargetEnd}  {Wording.Counted(passage.MatchedWords, "word")} equal{(passage.Boilerplate ? " (boilerplate)" : "")}");
            foreach (var difference in passage.Differences ?? [])
                output.WriteLine($"   {DifferenceOutput.Line(difference, passage.Target, passage.Source)}");
        }
    }
}
