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
        var rows = new List<(string Id, long Row, IEnumerable<Fingerprint> Fingerprints)>();
        using (var delete = Command("DELETE FROM fingerprints WHERE document = @row"))
        {
            var row = delete.Parameters.Add("row", NpgsqlDbType.Bigint);
            foreach (var (id, fingerprints) in documents)
            {
                row.Value = RowOf(id) ?? throw new InvalidOperationException($"the catalog holds no document {id}");
                delete.ExecuteNonQuery();
                rows.Add((id, (long)row.Value, fingerprints));
            }
        }
        using var insert = Command("INSERT INTO fingerprints (hash, document, word, start) VALUES (@hash, @document, @word, @start) ON CONFLICT DO NOTHING");
        var (hashValue, documentValue, wordValue, startValue) = (insert.Parameters.Add("hash", NpgsqlDbType.Bigint), insert.Parameters.Add("document", NpgsqlDbType.Bigint),
            insert.Parameters.Add("word", NpgsqlDbType.Integer), insert.Parameters.Add("start", NpgsqlDbType.Integer));
        insert.Prepare();
        foreach (var (fingerprint, row) in FingerprintOrder.Merge(rows))
        {
            (hashValue.Value, documentValue.Value, wordValue.Value, startValue.Value) = (unchecked((long)fingerprint.Hash), row, fingerprint.FirstWord, fingerprint.Start);
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
        using var select = Command("""
            SELECT f.hash, d.id, f.word, f.start
            FROM unnest(@hashes) h (hash)
            CROSS JOIN LATERAL (SELECT * FROM fingerprints WHERE hash = h.hash LIMIT @limit) f
            JOIN documents d ON d.row = f.document
            """);
        var asked = select.Parameters.Add("hashes", NpgsqlDbType.Array | NpgsqlDbType.Bigint);
        select.Parameters.AddWithValue("limit", limitPerHash);
        foreach (var slice in hashes.Select(h => unchecked((long)h)).Distinct().Order().Chunk(HashesAskedAtOnce))
        {
            asked.Value = slice;
            using var reader = select.ExecuteReader();
            while (reader.Read())
                found.Add(new Fingerprint(unchecked((ulong)reader.GetInt64(0)), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3)));
        }
        return found;
    }

    public IReadOnlyList<Fingerprint> FingerprintsOf(string id)
    {
        using var select = Command("SELECT f.hash, f.word, f.start FROM fingerprints f JOIN documents d ON d.row = f.document WHERE d.id = @id");
        select.Parameters.AddWithValue("id", id);
        return CatalogRows.Fingerprints(select, id);
    }

    public void RemoveQuoteLinksBetween(string a, string b)
    {
        using var scope = _transaction is null ? Batch() : null;
        using var delete = Command("DELETE FROM quote_links WHERE (source = @a AND target = @b) OR (source = @b AND target = @a)");
        delete.Parameters.AddWithValue("a", a);
        delete.Parameters.AddWithValue("b", b);
        delete.ExecuteNonQuery();
        scope?.Commit();
    }

    public void AddQuoteLinks(IEnumerable<QuoteLink> links)
    {
        ArgumentNullException.ThrowIfNull(links);
        using var scope = _transaction is null ? Batch() : null;
        using var insert = Command("""
            INSERT INTO quote_links (source, source_start, source_length, target, target_start, target_length, matched, direction)
            VALUES (@source, @sourceStart, @sourceLength, @target, @targetStart, @targetLength, @matched, @direction)
            """);
        CatalogRows.InsertQuoteLinks(insert, links);
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
