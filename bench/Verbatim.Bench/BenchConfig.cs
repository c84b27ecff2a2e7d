using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Verbatim.Bench;

public static class BenchConfig
{
    // The job is pinned to one core so that the other core's work stays out of the figures. A
    // runtime pinned to one core believes it has one processor and then waits ten times longer
    // before recompiling hot methods at tier 1 (1 s instead of 100 ms, restarted by every newly
    // compiled method: TC_DelaySingleProcMultiplier). Measured here, tier 1 then arrived 10 to
    // 25 s into a reader benchmark, and with three warm-up iterations the measured ones
    // straddled the switch (mia-text: 3.5 ms per operation in one, 0.63 ms in the last). Setting
    // the multiplier to 1 gives the tiering a multi-core machine has; the figures are steady
    // state, reached well inside the warm-up.
    public const int WarmupIterations = 25;

    public static IConfig Create() => DefaultConfig.Instance
        .AddJob(Job.Default
            .WithWarmupCount(WarmupIterations)
            .WithIterationCount(10)
            .WithAffinity((IntPtr)1)
            .WithEnvironmentVariable("DOTNET_TC_DelaySingleProcMultiplier", "1"))
        .AddColumn(new ThroughputColumn())
        .WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Value));
}

/// <summary>Benchmarks whose one operation reads a known number of bytes.</summary>
public interface IHasCorpusBytes
{
    long CorpusBytes { get; }
}

/// <summary>MB/s: the corpus bytes one operation reads over the operation's mean time (1 MB = 10^6 bytes).</summary>
public sealed class ThroughputColumn : IColumn
{
    public string Id => nameof(ThroughputColumn);
    public string ColumnName => "MB/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Megabytes (10^6) of source read per second, single thread";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        var report = summary[benchmarkCase];
        if (report?.ResultStatistics is not { } statistics)
            return "-";
        var instance = (IHasCorpusBytes)Activator.CreateInstance(benchmarkCase.Descriptor.Type)!;
        foreach (var parameter in benchmarkCase.Parameters.Items)
            benchmarkCase.Descriptor.Type.GetProperty(parameter.Name)?.SetValue(instance, parameter.Value);
        var seconds = statistics.Mean / 1e9;
        return (instance.CorpusBytes / 1e6 / seconds).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public bool IsAvailable(Summary summary) => true;
}
