using System.Diagnostics;
using Verbatim.Archiving;

namespace Verbatim.Cli.Tests;

/// <summary>
/// `verbatim ingest` and `verbatim watch` run as processes of their own, and the priority of every
/// thread they have is read from /proc while they run: lowered with --priority background, kept by default.
/// </summary>
public sealed class BackgroundPriorityTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"verbatim-priority-{Guid.NewGuid():N}");

    public BackgroundPriorityTests()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "inbox"));
        Assert.Equal(0, CliRun.Of("init", "--archive", ArchivePath).ExitCode);
    }

    private string ArchivePath => Path.Combine(_folder, "archive");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static int OwnNice => BackgroundPriority.NiceOf("/proc/self/stat");

    private static int Lowered => Math.Min(19, OwnNice + BackgroundPriority.Lowering);

    [Theory]
    [InlineData(new string[0], false)]
    [InlineData(new[] { "--priority", "background" }, true)]
    [InlineData(new[] { "--priority", "normal" }, false)]
    public void Ingest_waiting_for_another_writer_runs_at_the_priority_asked(string[] priority, bool lowered)
    {
        Process ingest;
        List<int> nices;
        // The archive held open here is another writer: the ingest waits for it, and says so, at the priority it runs at.
        using (Archive.Open(ArchivePath))
            (ingest, nices) = NicesOnceSaid(["ingest", CliRun.Seed("000"), "--archive", ArchivePath, "--wait", "60", .. priority], "waiting for the archive's writer lock");
        using (ingest)
        {
            ingest.WaitForExit();
            Assert.Equal(0, ingest.ExitCode);
        }
        Assert.All(nices, nice => Assert.Equal(lowered ? Lowered : OwnNice, nice));
    }

    [Theory]
    [InlineData(new string[0], false)]
    [InlineData(new[] { "--priority", "background" }, true)]
    public void Watch_runs_at_the_priority_asked(string[] priority, bool lowered)
    {
        var (watch, nices) = NicesOnceSaid(["watch", Path.Combine(_folder, "inbox"), "--archive", ArchivePath, .. priority], "Watching");
        using (watch)
        {
            watch.Kill(entireProcessTree: true);
            watch.WaitForExit();
        }
        Assert.All(nices, nice => Assert.Equal(lowered ? Lowered : OwnNice, nice));
    }

    /// <summary>Starts the command and reads the nice value of each of its threads once it prints a line holding <paramref name="said"/>; the caller ends the process.</summary>
    private static (Process Process, List<int> Nices) NicesOnceSaid(IEnumerable<string> arguments, string said)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(typeof(VerbatimCommand).Assembly.Location);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        var process = new Process { StartInfo = start };
        var heard = new ManualResetEventSlim();
        process.OutputDataReceived += (_, e) => { if (e.Data?.Contains(said, StringComparison.Ordinal) == true) heard.Set(); };
        process.ErrorDataReceived += (_, e) => { if (e.Data?.Contains(said, StringComparison.Ordinal) == true) heard.Set(); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            Assert.True(heard.Wait(TimeSpan.FromSeconds(60)), $"the command never said \"{said}\"");
            List<int> nices = [.. Directory.EnumerateDirectories($"/proc/{process.Id}/task").Select(task => BackgroundPriority.NiceOf(Path.Combine(task, "stat")))];
            Assert.NotEmpty(nices);
            return (process, nices);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }
}
