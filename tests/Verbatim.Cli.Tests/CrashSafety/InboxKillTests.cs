using System.Diagnostics;
using Verbatim.Archiving;

namespace Verbatim.Cli.Tests.CrashSafety;

/// <summary>
/// Kills a real `verbatim watch --once` process with SIGKILL at random moments and checks after
/// every kill that no letter is lost: each one is still in the inbox, or stored and in done/ (or
/// both, for a round cut off between its commit and its move), never neither; and that the
/// next run takes what is left.
/// </summary>
public sealed class InboxKillTests : IDisposable
{
    private const int Kills = 12;
    private const int Letters = 40;
    private const int Seed = 20261207;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"verbatim-inbox-kill-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Killed_watch_loses_no_file_and_the_next_run_takes_the_rest()
    {
        var letters = Directory.GetFiles(Path.Combine(CliRun.RepositoryRoot, "..", "shared", "corpus", "schnitzler-tei"), "*.xml")
            .Order(StringComparer.Ordinal).Take(Letters).ToList();
        var archive = Path.Combine(_folder, "archive");
        var inbox = Directory.CreateDirectory(Path.Combine(_folder, "inbox")).FullName;
        Assert.Equal(0, CliRun.Of("init", "--archive", archive).ExitCode);
        // A full run, timed, for where the kills are to fall.
        var arrived = new List<string>();
        Arrive(letters.Take(4), inbox, arrived);
        var watch = Stopwatch.StartNew();
        Watch(archive, inbox, killAfter: null);
        var fullRun = watch.Elapsed;
        var random = new Random(Seed);
        var killedInside = 0;
        for (var kill = 1; kill <= Kills; kill++)
        {
            // A few letters arrive before each run, so that every run has work to be cut off in.
            Arrive(letters.Skip(arrived.Count).Take(3), inbox, arrived);
            if (Watch(archive, inbox, random.NextDouble() * 1.5 * fullRun))
                killedInside++;
            AssertNothingLost(archive, inbox, arrived, $"kill {kill}");
        }
        Arrive(letters.Skip(arrived.Count), inbox, arrived);

        Watch(archive, inbox, killAfter: null);

        Assert.Empty(Directory.GetFiles(inbox));
        Assert.Equal(letters.Select(Path.GetFileName).Order(StringComparer.Ordinal),
            Directory.GetFiles(Path.Combine(inbox, Inbox.DoneFolder)).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        using var opened = Archive.OpenForReading(archive);
        Assert.Equal(Letters, opened.Store.Ids().Count());
        Assert.True(opened.Audit().Clean);
        // The kills must have fallen inside runs, not only after them.
        Assert.True(killedInside >= Kills / 3, $"only {killedInside} kills fell inside a run");
    }

    private static void Arrive(IEnumerable<string> letters, string inbox, List<string> arrived)
    {
        foreach (var letter in letters.ToList())
        {
            File.Copy(letter, Path.Combine(inbox, Path.GetFileName(letter)));
            arrived.Add(letter);
        }
    }

    /// <summary>Runs `watch --once`, killed after <paramref name="killAfter"/> if it has not finished by then; true when it was.</summary>
    private static bool Watch(string archive, string inbox, TimeSpan? killAfter)
    {
        var (killed, exitCode) = CliProcess.Run(["watch", inbox, "--once", "--settle", "0.2", "--archive", archive], killAfter);
        if (killAfter is null)
            Assert.Equal(0, exitCode);
        return killed;
    }

    private static void AssertNothingLost(string archive, string inbox, IEnumerable<string> arrived, string when)
    {
        using var opened = Archive.OpenForReading(archive);
        var audit = opened.Audit();
        Assert.True(audit.Clean, $"{when}: {string.Join("; ", audit.Findings)}");
        var storedSources = opened.Store.Ids().Select(id => opened.ReadStored(id)!.SourceFileName).ToHashSet(StringComparer.Ordinal);
        foreach (var letter in arrived)
        {
            var name = Path.GetFileName(letter);
            var waiting = File.Exists(Path.Combine(inbox, name));
            var done = File.Exists(Path.Combine(inbox, Inbox.DoneFolder, name));
            Assert.True(waiting || done, $"{when}: {name} is neither in the inbox nor in done/: {string.Join(", ", Directory.GetFiles(inbox, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(inbox, f)))}");
            // In done/ only once stored; a letter still waiting may be stored already (its round was cut off before the move).
            if (done)
                Assert.True(storedSources.Contains(name), $"{when}: {name} is in done/ but not stored");
        }
    }
}
