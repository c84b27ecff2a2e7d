using System.Text.Json;

namespace Verbatim.Cli.Tests.Verbs;

public sealed class EvalPanVerbTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("verbatim-pan-cli-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void A_generated_corpus_is_scored_per_folder_and_a_bad_pairs_line_is_reported_with_the_rest_scored()
    {
        var corpus = Path.Combine(folder, "corpus");
        var generated = CliRun.Of("generate-pan", corpus, Path.Combine(RepositoryPaths.Shared("corpus", "schnitzler-tei")),
            "--no-reuse-pairs", "2", "--verbatim-pairs", "4", "--edited-pairs", "4", "--seed", "3");
        Assert.Equal(0, generated.ExitCode);
        File.AppendAllLines(Path.Combine(corpus, "pairs"), ["suspicious-document00099.txt source-document00001.txt"]);

        var run = CliRun.Of("eval-pan", corpus, "--json");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{Path.Combine(corpus, "pairs")}:11: no file {Path.Combine(corpus, "susp", "suspicious-document00099.txt")}", run.Error, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(10, json.RootElement.GetProperty("pairs").GetInt32());
        var overall = json.RootElement.GetProperty("overall");
        Assert.InRange(overall.GetProperty("plagdet").GetDouble(), 0.85, 1.0);
        Assert.Equal(["01-no-plagiarism", "02-no-obfuscation", "03-random-obfuscation"],
            json.RootElement.GetProperty("folders").EnumerateArray().Select(f => f.GetProperty("folder").GetString()));
        Assert.Single(json.RootElement.GetProperty("problems").EnumerateArray());
    }

    [Fact]
    public void The_table_names_every_measure_and_the_generator_is_hidden_from_help()
    {
        var corpus = Path.Combine(folder, "corpus");
        Assert.Equal(0, CliRun.Of("generate-pan", corpus, RepositoryPaths.Shared("corpus", "schnitzler-tei"), "--no-reuse-pairs", "1", "--verbatim-pairs", "2", "--edited-pairs", "0").ExitCode);

        var run = CliRun.Of("eval-pan", corpus);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("precision  recall  granularity  plagdet", run.Output, StringComparison.Ordinal);
        Assert.Contains("02-no-obfuscation", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("generate-pan", CliRun.Of("--help").Output, StringComparison.Ordinal);
        Assert.Contains("eval-pan", CliRun.Of("--help").Output, StringComparison.Ordinal);
    }
}
