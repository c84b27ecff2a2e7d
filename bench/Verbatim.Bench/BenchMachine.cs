using System.Diagnostics;

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
}
