using System.Diagnostics;

namespace Verbatim.Bench.WholeCorpus;

/// <summary>
/// Where a PostgreSQL catalog's time goes, as the client sees it: every command Npgsql runs while
/// this is open (its "Npgsql" activity, from the command's start to its reader's end: the round
/// trip, the server's work and the client's reading of the rows), with its SQL text and the time
/// its first response came back.
/// </summary>
/// <remarks>
/// Activities are recorded from every thread, so this must be open only while one catalog works
/// (the ingest, or one search after another), not while anything else talks to PostgreSQL.
/// </remarks>
internal sealed class StatementTimes : IDisposable
{
    /// <summary>One command: from its start to its first response is the round trip and the server's work; from there to its end, reading.</summary>
    public sealed record Statement(string Sql, DateTime Start, DateTime FirstResponse, DateTime End);

    private readonly ActivityListener _listener;
    private readonly List<Statement> _statements = [];
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
        var end = activity.StartTimeUtc + activity.Duration;
        var firstResponse = activity.Events.FirstOrDefault(e => e.Name == "received-first-response") is { Name: not null } received
            ? received.Timestamp.UtcDateTime
            : end;
        lock (_gate)
            _statements.Add(new Statement(sql, activity.StartTimeUtc, firstResponse, end));
    }

    /// <summary>The statements recorded since the last call, in the order they ended.</summary>
    public List<Statement> Take()
    {
        lock (_gate)
        {
            var taken = _statements.ToList();
            _statements.Clear();
            return taken;
        }
    }

    /// <summary>The statements that took the most time, with every statement's totals, against the time of the whole.</summary>
    public void Print(string title, TimeSpan whole, int documents, int top = 15)
    {
        var rows = Take().GroupBy(s => s.Sql, StringComparer.Ordinal)
            .Select(g => (Sql: g.Key, Count: g.Count(), Time: TimeSpan.FromTicks(g.Sum(s => (s.End - s.Start).Ticks))))
            .OrderByDescending(r => r.Time).ToList();
        var commands = rows.Sum(r => r.Count);
        var inSql = TimeSpan.FromTicks(rows.Sum(r => r.Time.Ticks));
        Console.WriteLine($"{title}: {commands} statements ({commands / (double)Math.Max(documents, 1):0.0} a document) in {inSql.TotalSeconds:0.00} s"
            + $" of {whole.TotalSeconds:0.00} s ({inSql / whole:P0}); the rest is the client's own work");
        Console.WriteLine("  seconds   share    count  mean ms  statement");
        foreach (var (sql, count, time) in rows.Take(top))
            Console.WriteLine($"  {time.TotalSeconds,7:0.00} {time / whole,7:P1} {count,8} {time.TotalMilliseconds / count,8:0.000}  {OneLine(sql, 110)}");
    }

    /// <summary>The SQL on one line, its runs of white space made one space, cut at <paramref name="length"/> characters.</summary>
    public static string OneLine(string sql, int length)
    {
        var text = string.Join(' ', sql.Split((char[])['\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries));
        return text.Length > length ? text[..length] + "..." : text;
    }

    public void Dispose() => _listener.Dispose();
}
