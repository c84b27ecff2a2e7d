using System.Diagnostics;
using Npgsql;
using Verbatim.Storage.Catalog;
using Verbatim.Storage.Catalog.Postgres;

namespace Verbatim.Bench.WholeCorpus;

/// <summary>
/// GIN with ts_rank_cd, as the PostgreSQL catalog ranks, against the rum extension's index and its
/// <c>&lt;=&gt;</c> distance (issue 18, item 1), on the catalog's own tables after the archive
/// benchmark's PostgreSQL run: the same queries, each as the same tsquery the catalog makes,
/// timed in-process as SQL alone (no facets, no snippets).
/// </summary>
/// <remarks>
/// The GIN figures are taken first with the catalog's GIN index only; the rum index is then built
/// and the GIN index dropped, so that every rum figure is the rum index's. The catalog is left
/// without its GIN index: this runs last.
/// </remarks>
public static class RumComparison
{
    // The catalog's weights (PostgresCatalog.Rank), which are also rum's defaults for <=>.
    private const string Rank = "ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', t.search, q)";

    public sealed record Variant(string Name, int[] Totals, double[][] Latencies);

    public sealed record Results(double GinBuildSeconds, long GinBytes, double RumBuildSeconds, long RumBytes, IReadOnlyList<Variant> Variants);

    public static Results Run(string connectionString, IReadOnlyList<BenchQuery> queries, int rounds, int warmup)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        var tsqueries = queries.Select(q => TextSearch.Query(FtsQuery.ForUser(q.Text).Terms) ?? throw new InvalidOperationException($"no words in the query {q.Text}")).ToList();
        var variants = new List<Variant>
        {
            Time(connection, "GIN, ts_rank_cd of every match", queries, tsqueries, rounds, warmup,
                filter => [$"SELECT t.document, {Rank} FROM texts t, CAST(@match AS tsquery) q WHERE t.search @@ q{filter}"]),
        };
        var ginSeconds = Seconds(connection, "REINDEX INDEX texts_search");
        var ginBytes = Bytes(connection, "texts_search");
        Execute(connection, "CREATE EXTENSION IF NOT EXISTS rum");
        var rumSeconds = Seconds(connection, "CREATE INDEX texts_rum ON texts USING rum (search rum_tsvector_ops)");
        var rumBytes = Bytes(connection, "texts_rum");
        Execute(connection, "DROP INDEX texts_search; ANALYZE texts");
        variants.Add(Time(connection, "rum, <=> of every match", queries, tsqueries, rounds, warmup,
            filter => [$"SELECT t.document, t.search <=> q FROM texts t, CAST(@match AS tsquery) q WHERE t.search @@ q{filter} ORDER BY t.search <=> q"]));
        variants.Add(Time(connection, "rum, every match unranked and the first 20 by <=>", queries, tsqueries, rounds, warmup,
            filter => [
                $"SELECT t.document FROM texts t, CAST(@match AS tsquery) q WHERE t.search @@ q{filter}",
                $"SELECT t.document, t.search <=> q FROM texts t, CAST(@match AS tsquery) q WHERE t.search @@ q{filter} ORDER BY t.search <=> q LIMIT 20"]));
        return new Results(ginSeconds, ginBytes, rumSeconds, rumBytes, variants);
    }

    /// <param name="statements">The statements one answer runs, given the query's filter as SQL; the first one's rows are the total.</param>
    private static Variant Time(NpgsqlConnection connection, string name, IReadOnlyList<BenchQuery> queries, IReadOnlyList<string> tsqueries,
        int rounds, int warmup, Func<string, string[]> statements)
    {
        var commands = queries.Select((query, i) => statements(Filter(query)).Select(sql =>
        {
            var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("match", tsqueries[i]);
            if (query.Author is { } author)
                command.Parameters.AddWithValue("author", author);
            if (query.Year is { } year)
                command.Parameters.AddWithValue("year", year);
            command.Prepare();
            return command;
        }).ToList()).ToList();
        try
        {
            var totals = new int[queries.Count];
            for (var pass = 0; pass < warmup; pass++)
            {
                for (var i = 0; i < queries.Count; i++)
                    totals[i] = Answer(commands[i]);
            }
            var latencies = queries.Select(_ => new double[rounds]).ToArray();
            for (var round = 0; round < rounds; round++)
            {
                for (var i = 0; i < queries.Count; i++)
                {
                    var start = Stopwatch.GetTimestamp();
                    Answer(commands[i]);
                    latencies[i][round] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
                }
            }
            Console.WriteLine($"PostgreSQL full text, {name}: timed");
            return new Variant(name, totals, latencies);
        }
        finally
        {
            foreach (var command in commands.SelectMany(c => c))
                command.Dispose();
        }
    }

    /// <summary>Runs an answer's statements, reading every row; returns the first statement's count of rows.</summary>
    private static int Answer(List<NpgsqlCommand> commands)
    {
        var total = -1;
        foreach (var command in commands)
        {
            var rows = 0;
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                    rows++;
            }
            if (total < 0)
                total = rows;
        }
        return total;
    }

    /// <summary>The query's filter as the catalog's tables hold it: its author's name key, or its year.</summary>
    private static string Filter(BenchQuery query)
        => (query.Author is null ? "" : " AND t.document IN (SELECT document FROM people WHERE role = 'author' AND name_key = @author)")
            + (query.Year is null ? "" : " AND t.document IN (SELECT row FROM documents WHERE year = @year)");

    private static double Seconds(NpgsqlConnection connection, string sql)
    {
        var start = Stopwatch.GetTimestamp();
        Execute(connection, sql);
        return Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    private static long Bytes(NpgsqlConnection connection, string index)
    {
        using var command = new NpgsqlCommand("SELECT pg_relation_size(CAST(@index AS regclass))", connection);
        command.Parameters.AddWithValue("index", index);
        return (long)command.ExecuteScalar()!;
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        command.ExecuteNonQuery();
    }
}
