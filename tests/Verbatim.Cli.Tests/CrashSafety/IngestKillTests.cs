using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Verbatim.Archiving;

namespace Verbatim.Cli.Tests.CrashSafety;

/// <summary>
/// Kills a real `verbatim ingest` process with SIGKILL at random moments, many times, and checks
/// after every kill that the storage root is whole: the audit is clean, every document the
/// process had reported as stored is there with the bytes of that run, and nothing half-written
/// is visible. Two variants of one corpus are ingested in turn, so kills land in new objects and
/// in new versions of existing ones alike.
/// </summary>
public sealed class IngestKillTests : IDisposable
{
    private const int Kills = 50;
    private const int Letters = 80;
    private const int Seed = 20261122;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"verbatim-kill-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Killed_ingest_leaves_a_whole_store_and_a_rerun_completes_the_batch()
    {
        var letters = Directory.GetFiles(Path.Combine(CliRun.RepositoryRoot, "..", "shared", "corpus", "schnitzler-tei"), "*.xml")
            .Order(StringComparer.Ordinal).Take(Letters).ToList();
        var variants = new[] { Variant("a", letters, ""), Variant("b", letters, "\n<!-- second transcription -->\n") };
        var archive = Path.Combine(_folder, "archive");
        Assert.Equal(0, CliRun.Of("init", "--archive", archive).ExitCode);

        var watch = Stopwatch.StartNew();
        var (_, full) = RunAndKillAfter(variants[0], archive, killAfter: null);
        var fullRun = watch.Elapsed;
        Assert.Equal(Letters, full.Count);

        var random = new Random(Seed);
        var killedMidway = 0;
        for (var i = 1; i <= Kills; i++)
        {
            var variant = variants[i % 2];
            var delay = TimeSpan.FromMilliseconds(random.Next(0, (int)fullRun.TotalMilliseconds));
            var (killed, reported) = RunAndKillAfter(variant, archive, delay);
            if (killed && reported.Count < Letters) killedMidway++;
            AssertWhole(archive, variant, reported, $"kill {i} after {delay.TotalMilliseconds:0} ms");
        }
        // The kills must have landed inside ingests, not only before or after them.
        Assert.True(killedMidway >= Kills / 4, $"only {killedMidway} kills fell inside an ingest");

        var (_, rerun) = RunAndKillAfter(variants[0], archive, killAfter: null);
        Assert.Equal(Letters, rerun.Count);
        AssertWhole(archive, variants[0], rerun, "after the rerun");
        using var opened = Archive.Open(archive);
        Assert.Equal(Letters, opened.Store.Ids().Count());
        Assert.Equal(Letters, opened.Catalog.Count);
    }

    private string Variant(string name, List<string> letters, string suffix)
    {
        var folder = Path.Combine(_folder, name);
        Directory.CreateDirectory(folder);
        foreach (var letter in letters)
            File.WriteAllText(Path.Combine(folder, Path.GetFileName(letter)), File.ReadAllText(letter) + suffix);
        return folder;
    }

    private static (bool Killed, Dictionary<string, string> Reported) RunAndKillAfter(string corpus, string archive, TimeSpan? killAfter)
    {
        var lines = new ConcurrentQueue<string>();
        var (killed, exitCode) = CliProcess.Run(["ingest", corpus, "--archive", archive, "--json-lines"], killAfter, lines.Enqueue, user: "crash-test");
        if (!killed)
            Assert.Equal(0, exitCode);

        var reported = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            reported[json.RootElement.GetProperty("id").GetString()!] = json.RootElement.GetProperty("source").GetString()!;
        }
        return (killed, reported);
    }

    private static void AssertWhole(string archive, string corpus, Dictionary<string, string> reported, string when)
    {
        using var opened = Archive.Open(archive);
        // The audit is the OCFL validator over the whole storage root, every digest recomputed.
        var audit = opened.Audit();
        Assert.True(audit.Clean, $"{when}: {string.Join("; ", audit.Findings)}");
        Assert.Empty(audit.Warnings);
        foreach (var (id, source) in reported)
        {
            var stored = opened.ReadStored(id);
            Assert.True(stored is not null, $"{when}: {id} was reported stored but is missing");
            Assert.Equal(File.ReadAllBytes(source), stored.Source.ToArray());
            Assert.StartsWith(corpus, source, StringComparison.Ordinal);
            Assert.NotNull(opened.Show(id));
        }
        // Every object the store holds is readable whole, whether or not its run reported it.
        foreach (var id in opened.Store.Ids())
            Assert.NotNull(opened.Show(id));
        Assert.Equal(opened.Store.Ids().Count(), opened.Catalog.Count);
    }
}
