using Verbatim.Searching;

namespace Verbatim.Bench.WholeCorpus;

/// <summary>
/// Where a PostgreSQL search's time goes, per query kind: each statement's round trip (to its
/// first response: the wake-up of the server's process and its work) and its reading (the rows,
/// and what the catalog does with each as it reads: the hits' snippets), and the client's time
/// between statements (the result index, the facets, the page) and after the last (the end of the
/// snapshot, whose ROLLBACK Npgsql does not trace, so it is counted there).
/// </summary>
/// <remarks>
/// Timed in passes of their own after the timed rounds, so that the listening does not weigh on
/// the latencies reported.
/// </remarks>
internal static class SearchStatementTimes
{
    public static void Print(Func<SearchQuery, SearchResults> search, IReadOnlyList<BenchQuery> queries, IReadOnlyList<SearchQuery> requests, int passes)
    {
        // Per kind, per part of a search: the time summed over every traced search.
        var parts = new Dictionary<string, Dictionary<string, TimeSpan>>(StringComparer.Ordinal);
        var wholes = new Dictionary<string, (int Count, TimeSpan Time)>(StringComparer.Ordinal);
        using var times = new StatementTimes();
        for (var pass = 0; pass < passes; pass++)
        {
            for (var i = 0; i < requests.Count; i++)
            {
                times.Take();
                var start = DateTime.UtcNow;
                search(requests[i]);
                var end = DateTime.UtcNow;
                var statements = times.Take().OrderBy(s => s.Start).ToList();
                foreach (var kind in new[] { "all", queries[i].Class })
                {
                    var (count, time) = wholes.GetValueOrDefault(kind);
                    wholes[kind] = (count + 1, time + (end - start));
                    if (!parts.TryGetValue(kind, out var sums))
                        parts[kind] = sums = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
                    foreach (var (part, spent) in Parts(statements, start, end))
                        sums[part] = sums.GetValueOrDefault(part) + spent;
                }
            }
        }
        Console.WriteLine();
        Console.WriteLine($"Verbatim-PostgreSQL search taken apart ({passes} traced passes; mean ms a search, and share of the kind's time):");
        foreach (var (kind, sums) in parts)
        {
            var (count, whole) = wholes[kind];
            var inSql = TimeSpan.FromTicks(sums.Where(p => p.Key.StartsWith("SQL", StringComparison.Ordinal)).Sum(p => p.Value.Ticks));
            Console.WriteLine($"  {kind} ({count / passes} queries): {whole.TotalMilliseconds / count:0.000} ms a search, {inSql / whole:P0} of it in statements");
            foreach (var (part, spent) in sums.OrderByDescending(p => p.Value))
                Console.WriteLine($"    {spent.TotalMilliseconds / count,8:0.000} {spent / whole,7:P1}  {part}");
        }
    }

    /// <summary>The parts of one search's time, from its statements in the order they began.</summary>
    private static IEnumerable<(string Part, TimeSpan Spent)> Parts(IReadOnlyList<StatementTimes.Statement> statements, DateTime start, DateTime end)
    {
        var previous = "the call";
        var since = start;
        foreach (var statement in statements)
        {
            var name = StatementTimes.OneLine(statement.Sql, 70);
            yield return ($"client, after {previous}", statement.Start - since);
            yield return ($"SQL, to first response: {name}", statement.FirstResponse - statement.Start);
            yield return ($"SQL, reading: {name}", statement.End - statement.FirstResponse);
            (previous, since) = (name, statement.End);
        }
        yield return ($"client, after {previous} (the snapshot's end included)", end - since);
    }
}
