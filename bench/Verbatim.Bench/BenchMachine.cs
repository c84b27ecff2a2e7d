using System.Diagnostics;
using System.Globalization;

namespace Verbatim.Bench;

/// <summary>What every whole-corpus benchmark shares: the peers' setup, the machine's name, percentiles.</summary>
public static class BenchMachine
{
    /// <summary>The nearest-rank percentile.</summary>
    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(p * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    public static string CpuModel()
    {
        var line = File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) : null;
        return line is null ? "unknown CPU" : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }

    /// <summary>The Debian packages the peers need, installed by the project's own script.</summary>
    public static void RunSetup(string root)
    {
        using var process = Process.Start(new ProcessStartInfo("bash", [Path.Combine(root, "bench", "setup")]))!;
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"bench/setup failed (exit code {process.ExitCode})");
    }

    /// <summary>
    /// Runs a command under GNU time (after a second's pause, so that rounds of two tools alternate
    /// on a settled machine): its wall-clock seconds, and its peak resident set in KiB. Standard
    /// input is the given lines, standard output goes to the given file (else the console).
    /// </summary>
    /// <exception cref="InvalidOperationException">The command failed.</exception>
    public static double Timed(string work, string command, string[] arguments, List<string>? stdin, string? stdout, out long peakKiB)
    {
        var report = Path.Combine(work, "time.out");
        var start = new ProcessStartInfo("/usr/bin/time", ["-f", "%M", "-o", report, command, .. arguments])
        {
            RedirectStandardInput = stdin is not null,
            RedirectStandardOutput = stdout is not null,
        };
        Thread.Sleep(1000);
        var clock = Stopwatch.StartNew();
        using (var process = Process.Start(start)!)
        {
            var copying = stdout is null ? Task.CompletedTask : Task.Run(() =>
            {
                using var file = File.Create(stdout);
                process.StandardOutput.BaseStream.CopyTo(file);
            });
            if (stdin is not null)
            {
                foreach (var line in stdin)
                    process.StandardInput.WriteLine(line);
                process.StandardInput.Close();
            }
            process.WaitForExit();
            copying.Wait();
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"{command} exited with {process.ExitCode}");
        }
        var seconds = clock.Elapsed.TotalSeconds;
        peakKiB = long.Parse(File.ReadLines(report).Last().Trim(), CultureInfo.InvariantCulture);
        return seconds;
    }
}
