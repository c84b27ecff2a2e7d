using Npgsql;
using NpgsqlTypes;
using Verbatim.Searching;

namespace Verbatim.Storage.Catalog.Postgres;

/// <summary>
/// Search and the works index: PostgreSQL finds and ranks the matches (the GIN index and
/// ts_rank_cd); the filters, facets, order of ties and pages come from the shared
/// <see cref="ResultIndex"/>, and snippets from the shared <see cref="Snippets"/> over the stored text.
/// </summary>
public sealed partial class PostgresCatalog
{
    public SearchResults Search(SearchQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parsed = FtsQuery.ForUser(query.Text);
        using var snapshot = Snapshot();
        // A search that opened the snapshot ends it with its last statement; one inside another's leaves it open.
        var ends = snapshot != CatalogTransaction.None;
        using var budget = new Budget(query.TimeLimit, cancellationToken);
        try
        {
            budget.Check();
            return TextSearch.Query(parsed.Terms) is { } match ? Match(query, match, parsed, budget, ends) : Browse(query, Results(), ends);
        }
        catch (Exception exception) when (budget.Stopped(exception))
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw new QueryTooCostlyException($"the search was stopped after {query.TimeLimit.TotalSeconds:0.#} s; ask for fewer or rarer words, or add a filter");
        }
    }

    public IReadOnlyList<string> BestMatchesOfAnyWord(IReadOnlyList<string> words, int limit)
    {
        ArgumentNullException.ThrowIfNull(words);
        var any = string.Join(" OR ", words.Select(w => $"\"{w.Replace("\"", "", StringComparison.Ordinal)}\""));
        if (limit <= 0 || TextSearch.Query(FtsQuery.Terms(any)) is not { } match)
            return [];
        // Search's order (ResultIndex.Page): score, then undated last, then date and id by ordinal order.
        using var snapshot = Snapshot();
        using var select = Command($"""
            SELECT d.id FROM texts t JOIN documents d ON d.row = t.document, CAST(@match AS tsquery) q
            WHERE t.search @@ q
            ORDER BY {Rank} DESC, d.date IS NULL, d.date COLLATE "C", d.id COLLATE "C"
            LIMIT @limit
            """);
        select.Parameters.AddWithValue("match", match);
        select.Parameters.AddWithValue("limit", limit);
        return CatalogRows.FirstColumn(select);
    }

    /// <summary>
    /// The generation and the match are asked in one statement, the match narrowed by the result
    /// index held from before; the page's hits in a second. Where the generation has moved since
    /// that index was read, a narrowed match is asked again with the snapshot's own index.
    /// </summary>
    private SearchResults Match(SearchQuery query, string match, UserQuery parsed, Budget budget, bool ends)
    {
        var held = _results;
        var heldNarrowed = held?.Narrowed(query.Filter);
        var (generation, matched) = ReadMatch(match, heldNarrowed, budget, withGeneration: true);
        var index = Results(generation!.Value);
        if (!ReferenceEquals(index, held) && (heldNarrowed is not null || index.Narrowed(query.Filter) is not null))
            (_, matched) = ReadMatch(match, index.Narrowed(query.Filter), budget, withGeneration: false);
        var selects = index.Selector(query.Filter);
        List<(long Row, double Score)> scored = [.. matched.Where(m => selects(m.Row))];
        budget.Check();
        var results = index.Matched(query, scored, page => ReadHits(page, Snippets.WindowCharacters, ends, (body, notes) =>
        {
            budget.Check();
            return Snippets.Best(body, notes, parsed.Marked);
        }));
        budget.Check();
        return results;
    }

    /// <summary>Every match with its rank (only those of <paramref name="admitted"/> where given: a narrow filter's rows, so that only they are ranked), after the generation if asked for.</summary>
    private (long? Generation, List<(long Row, double Score)> Matched) ReadMatch(string match, IReadOnlyCollection<long>? admitted, Budget budget, bool withGeneration)
    {
        var generationFirst = withGeneration ? $"{GenerationQuery}; " : "";
        using var select = Command($"{generationFirst}SELECT t.document, {Rank} FROM texts t, CAST(@match AS tsquery) q WHERE t.search @@ q{(admitted is null ? "" : " AND t.document = ANY(@rows)")}");
        select.Parameters.AddWithValue("match", match);
        if (admitted is not null)
            select.Parameters.AddWithValue("rows", admitted.ToArray());
        using var running = budget.Stops(select);
        using var reader = select.ExecuteReader();
        long? generation = null;
        if (withGeneration)
        {
            generation = ParseGeneration(reader.Read() ? reader.GetValue(0) : null);
            reader.NextResult();
        }
        var matched = new List<(long Row, double Score)>();
        while (reader.Read())
            matched.Add((reader.GetInt64(0), reader.GetFloat(1)));
        return (generation, matched);
    }

    /// <summary>No words to match: the filters select, and the hits come in date order with the start of their text.</summary>
    private SearchResults Browse(SearchQuery query, ResultIndex index, bool ends)
        => index.Browsed(query, page => ReadHits(page, 200, ends, (start, _) => start));

    /// <summary>
    /// Reads the hits of the rows given, each with its snippet: made from the first <paramref name="characters"/> of its body and notes.
    /// Where <paramref name="endsSnapshot"/>, the statement carries the snapshot's end (no round trip of its own), and nothing may be read after it.
    /// </summary>
    private Dictionary<long, SearchHit> ReadHits(IReadOnlyList<long> rows, int characters, bool endsSnapshot, Func<string, string, string> snippet)
    {
        using var command = Command($"""
            SELECT d.row, d.id, d.title, d.date, left(t.body, @characters), left(t.notes, @characters)
            FROM texts t JOIN documents d ON d.row = t.document
            WHERE d.row = ANY(@rows){(endsSnapshot ? "; COMMIT" : "")}
            """);
        _snapshotEnded = endsSnapshot;
        command.Parameters.AddWithValue("characters", characters);
        command.Parameters.AddWithValue("rows", rows.ToArray());
        return CatalogRows.Hits(command, snippet);
    }

    /// <summary>What search keeps in memory of every document, read from the tables when first needed after a write.</summary>
    private ResultIndex Results() => Results(Generation);

    private ResultIndex Results(long generation)
    {
        if (_results is not null && generation == _resultsGeneration)
            return _results;
        // Only a connection that has not written may share: its snapshot is a committed generation.
        var index = _sharedResults is not null && !_batchWrites ? _sharedResults.At(generation, _ => (ReadResultIndex(), false)) : ReadResultIndex();
        (_results, _resultsGeneration) = (index, generation);
        return index;
    }

    private ResultIndex ReadResultIndex()
    {
        var index = new ResultIndex();
        using var documents = Command("SELECT row, id, date, kind, year, collection, volume, version FROM documents ORDER BY row");
        using var people = Command("SELECT document, role, name_key, name FROM people WHERE role IN ('author', 'addressee') ORDER BY document, role COLLATE \"C\", position");
        CatalogRows.Read(index, documents, people);
        return index;
    }

    public IReadOnlyList<WorkEntry> List(WorkFilter filter)
    {
        using var snapshot = Snapshot();
        var selected = Results().InDateOrder(filter);
        using var command = Command("""
            SELECT d.row, d.id, d.title, d.kind, d.date, d.collection, d.volume, d.version,
                   (SELECT array_agg(name ORDER BY position) FROM people WHERE document = d.row AND role = 'author'),
                   (SELECT array_agg(name ORDER BY position) FROM people WHERE document = d.row AND role = 'addressee')
            FROM documents d
            """);
        var entries = new Dictionary<long, WorkEntry>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            IReadOnlyList<string> Names(int i) => reader.IsDBNull(i) ? [] : reader.GetFieldValue<string[]>(i);
            entries[reader.GetInt64(0)] = new WorkEntry(reader.GetString(1), reader.GetString(2), reader.GetString(3), Text(4),
                Names(8), Names(9), Text(5), Text(6), reader.GetInt32(7));
        }
        return [.. selected.Select(r => entries[r])];
    }

    /// <summary>
    /// The time a search may take and its caller's cancellation: a running statement is cancelled
    /// on the server once either has run out, and the work done here between statements asks <see cref="Check"/>.
    /// </summary>
    private sealed class Budget : IDisposable
    {
        private readonly CancellationTokenSource _deadline;

        public Budget(TimeSpan limit, CancellationToken cancellation)
        {
            _deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            // A timer of no time still fires later, on another thread: no time means none at all.
            if (limit <= TimeSpan.Zero)
                _deadline.Cancel();
            else
                _deadline.CancelAfter(limit);
        }

        /// <exception cref="OperationCanceledException">The time has run out or the caller has cancelled.</exception>
        public void Check() => _deadline.Token.ThrowIfCancellationRequested();

        /// <summary>Until disposed, the end of the budget cancels the command on the server.</summary>
        public CancellationTokenRegistration Stops(NpgsqlCommand command) => _deadline.Token.Register(command.Cancel);

        /// <summary>Whether the exception is this budget stopping the work: a cancelled statement or a <see cref="Check"/>.</summary>
        public bool Stopped(Exception exception)
            => _deadline.IsCancellationRequested
                && exception is OperationCanceledException or PostgresException { SqlState: PostgresErrorCodes.QueryCanceled } or NpgsqlException { InnerException: PostgresException { SqlState: PostgresErrorCodes.QueryCanceled } or OperationCanceledException };

        public void Dispose() => _deadline.Dispose();
    }
}
