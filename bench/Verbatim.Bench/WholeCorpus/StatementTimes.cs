using System.Diagnostics;

namespace Verbatim.Bench.WholeCorpus;

/// <summary>
/// Where a PostgreSQL ingest's time goes, as the client sees it: every command Npgsql runs while
/// this is open (its "Npgsql" activity, from the command's start to its reader's end: the round
/// trip and the server's work), counted and timed by its SQL text.
/// </summary>
/// <remarks>
/// Activities are recorded from every thread, so this must be open only while one catalog works
/// (the ingest), not while anything else talks to PostgreSQL.
/// </remarks>
internal sealed class StatementTimes : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly Dictionary<string, (int Count, TimeSpan Time)> _times = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public StatementTimes()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Record,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    private void Record(Activity activity)
    {
        // The SQL is tagged under the name of the OpenTelemetry convention Npgsql follows.
        var sql = activity.GetTagItem("db.query.text") as string ?? activity.GetTagItem("db.statement") as string ?? activity.DisplayName;
        lock (_gate)
        {
            var (count, time) = _times.GetValueOrDefault(sql);
            _times[sql] = (count + 1, time + activity.Duration);
        }
    }

    /// <summary>The statements that took the most time, with every statement's totals, against the time of the whole.</summary>
    public void Print(string title, TimeSpan whole, int documents, int top = 15)
    {
        List<(string Sql, int Count, TimeSpan Time)> rows;
        lock (_gate)
            rows = [.. _times.Select(e => (e.Key, e.Value.Count, e.Value.Time)).OrderByDescending(r => r.Time)];
        var commands = rows.Sum(r => r.Count);
        var inSql = TimeSpan.FromTicks(rows.Sum(r => r.Time.Ticks));
        Console.WriteLine($"{title}: {commands} statements ({commands / (double)Math.Max(documents, 1):0.0} a document) in {inSql.TotalSeconds:0.00} s"
            + $" of {whole.TotalSeconds:0.00} s ({inSql / whole:P0}); the rest is the client's own work");
        Console.WriteLine("  seconds   share    count  mean ms  statement");
        foreach (var (sql, count, time) in rows.Take(top))
        {
            var text = string.Join(' ', sql.Split((char[])['\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries));
            Console.WriteLine($"  {time.TotalSeconds,7:0.00} {time / whole,7:P1} {count,8} {time.TotalMilliseconds / count,8:0.000}  {(text.Length > 110 ? text[..110] + "..." : text)}");
        }
    }

    public void Dispose() => _listener.Dispose();
}
