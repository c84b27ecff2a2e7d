using Npgsql;
using NpgsqlTypes;
using Verbatim.Model;
using Verbatim.Searching;

namespace Verbatim.Storage.Catalog.Postgres;

/// <summary>The fingerprints of every body text (hashed word runs, made by the text engine) and the passages found between documents.</summary>
public sealed partial class PostgresCatalog
{
    // Hashes asked in one statement: large enough that its cost is in its index scans.
    private const int HashesAskedAtOnce = 10_000;

    /// <summary>
    /// The most fingerprints handed to <see cref="SetFingerprints(string, IReadOnlyList{ValueTuple{string, IEnumerable{Fingerprint}}})"/>
    /// that are held before they are written: a slice is written in one statement.
    /// </summary>
    internal const int FingerprintsWrittenAtOnce = 20_000;

    public string? FingerprintScheme => Scalar($"SELECT value FROM meta WHERE key = '{SchemeKey}'") as string;

    public void SetFingerprints(string id, string scheme, IReadOnlyList<Fingerprint> fingerprints) => SetFingerprints(scheme, [(id, fingerprints)]);

    public void SetFingerprints(string scheme, IReadOnlyList<(string Id, IEnumerable<Fingerprint> Fingerprints)> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        using var scope = _transaction is null ? Batch() : null;
        var held = FingerprintScheme;
        if (held is not null && held != scheme)
            throw new InvalidOperationException($"the catalog holds fingerprints of scheme {held}, not {scheme}; rebuild it");
        if (held is null)
        {
            using var setScheme = Command($"INSERT INTO meta (key, value) VALUES ('{SchemeKey}', @scheme)");
            setScheme.Parameters.AddWithValue("scheme", scheme);
            setScheme.ExecuteNonQuery();
        }
        var rows = RowsOf(documents.Select(d => d.Id));
        using (var delete = Command("DELETE FROM fingerprints WHERE document = ANY(@rows)"))
        {
            delete.Parameters.AddWithValue("rows", rows.Values.ToArray());
            delete.ExecuteNonQuery();
        }
        // A slice of rows a statement: a round trip a row was most of an ingest's time. The
        // fingerprints are read a slice at a time, never all at once (a long text has millions).
        using var insert = Command("""
            INSERT INTO fingerprints (hash, document, word, start)
            SELECT * FROM unnest(@hashes, @documents, @words, @starts)
            ON CONFLICT DO NOTHING
            """);
        var (hashes, rowsOf, words, starts) = (insert.Parameters.Add("hashes", NpgsqlDbType.Array | NpgsqlDbType.Bigint), insert.Parameters.Add("documents", NpgsqlDbType.Array | NpgsqlDbType.Bigint),
            insert.Parameters.Add("words", NpgsqlDbType.Array | NpgsqlDbType.Integer), insert.Parameters.Add("starts", NpgsqlDbType.Array | NpgsqlDbType.Integer));
        foreach (var slice in FingerprintOrder.Merge([.. documents.Select(d => (d.Id, rows[d.Id], d.Fingerprints))]).Chunk(FingerprintsWrittenAtOnce))
        {
            hashes.Value = slice.Select(f => unchecked((long)f.Fingerprint.Hash)).ToArray();
            rowsOf.Value = slice.Select(f => f.Row).ToArray();
            words.Value = slice.Select(f => f.Fingerprint.FirstWord).ToArray();
            starts.Value = slice.Select(f => f.Fingerprint.Start).ToArray();
            insert.ExecuteNonQuery();
        }
        scope?.Commit();
    }

    public IReadOnlyList<Fingerprint> FindFingerprints(IReadOnlyCollection<ulong> hashes, int limitPerHash)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        var found = new List<Fingerprint>();
        if (hashes.Count == 0 || limitPerHash <= 0)
            return found;
        // Each hash is read up to the limit, however many documents hold it (a letterhead, a formula).
        // The ids are asked apart, once for each document, not joined: during an ingest the tables
        // outgrow their statistics, and a join was planned as a scan of every document once per
        // hash asked; and a lookup's rows are often ten times its documents.
        using var select = Command("""
            SELECT f.hash, f.document, f.word, f.start
            FROM unnest(@hashes) h (hash)
            CROSS JOIN LATERAL (SELECT * FROM fingerprints WHERE hash = h.hash LIMIT @limit) f
            """);
        var asked = select.Parameters.Add("hashes", NpgsqlDbType.Array | NpgsqlDbType.Bigint);
        select.Parameters.AddWithValue("limit", limitPerHash);
        var rows = new List<(long Hash, long Document, int Word, int Start)>();
        foreach (var slice in hashes.Select(h => unchecked((long)h)).Distinct().Order().Chunk(HashesAskedAtOnce))
        {
            asked.Value = slice;
            using var reader = select.ExecuteReader();
            while (reader.Read())
                rows.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetInt32(2), reader.GetInt32(3)));
        }
        // Outside a transaction another writer's commit may drop a document between the two
        // statements: its rows are left out, as if read after it.
        var ids = IdsOf(rows.Select(r => r.Document));
        foreach (var (hash, document, word, start) in rows)
        {
            if (ids.TryGetValue(document, out var id))
                found.Add(new Fingerprint(unchecked((ulong)hash), id, word, start));
        }
        return found;
    }

    public IReadOnlyList<Fingerprint> FingerprintsOf(string id)
    {
        using var select = Command("SELECT f.hash, f.word, f.start FROM fingerprints f JOIN documents d ON d.row = f.document WHERE d.id = @id");
        select.Parameters.AddWithValue("id", id);
        return CatalogRows.Fingerprints(select, id);
    }

    public void RemoveQuoteLinksBetween(string id, IReadOnlyCollection<string> others)
    {
        ArgumentNullException.ThrowIfNull(others);
        using var scope = _transaction is null ? Batch() : null;
        using var delete = Command("DELETE FROM quote_links WHERE (source = @id AND target = ANY(@others)) OR (target = @id AND source = ANY(@others))");
        delete.Parameters.AddWithValue("id", id);
        delete.Parameters.AddWithValue("others", others.ToArray());
        delete.ExecuteNonQuery();
        scope?.Commit();
    }

    public void AddQuoteLinks(IEnumerable<QuoteLink> links)
    {
        ArgumentNullException.ThrowIfNull(links);
        var added = links.ToList();
        using var scope = _transaction is null ? Batch() : null;
        if (added.Count == 0)
        {
            scope?.Commit();
            return;
        }
        using var insert = Command("""
            INSERT INTO quote_links (source, source_start, source_length, target, target_start, target_length, matched, direction)
            SELECT * FROM unnest(@sources, @sourceStarts, @sourceLengths, @targets, @targetStarts, @targetLengths, @matched, @directions)
            """);
        insert.Parameters.AddWithValue("sources", added.Select(l => l.SourceId).ToArray());
        insert.Parameters.AddWithValue("sourceStarts", added.Select(l => l.SourceStart).ToArray());
        insert.Parameters.AddWithValue("sourceLengths", added.Select(l => l.SourceLength).ToArray());
        insert.Parameters.AddWithValue("targets", added.Select(l => l.TargetId).ToArray());
        insert.Parameters.AddWithValue("targetStarts", added.Select(l => l.TargetStart).ToArray());
        insert.Parameters.AddWithValue("targetLengths", added.Select(l => l.TargetLength).ToArray());
        insert.Parameters.AddWithValue("matched", added.Select(l => l.MatchedWords).ToArray());
        insert.Parameters.AddWithValue("directions", added.Select(l => l.Direction).ToArray());
        insert.ExecuteNonQuery();
        scope?.Commit();
    }

    public IReadOnlyList<QuoteLink> QuoteLinks(string id)
    {
        using var select = Command("""
            SELECT source, source_start, source_length, target, target_start, target_length, matched, direction
            FROM quote_links WHERE source = @id OR target = @id
            ORDER BY source COLLATE "C", source_start, target COLLATE "C", target_start
            """);
        select.Parameters.AddWithValue("id", id);
        return CatalogRows.QuoteLinks(select);
    }
}
