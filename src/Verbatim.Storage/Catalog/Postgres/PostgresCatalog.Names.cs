using NpgsqlTypes;
using Verbatim.Model;
using Verbatim.Searching;

namespace Verbatim.Storage.Catalog.Postgres;

/// <summary>
/// The tables of the names index, the network and the timeline, as in SQLite: every name a
/// document states or that was found in its text (mentions, in the order given), and how precisely
/// it is dated (dating). Both go with the document's row (ON DELETE CASCADE).
/// </summary>
public sealed partial class PostgresCatalog
{
    private const string NamesSchema = """
        CREATE TABLE mentions (
            entry bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            document bigint NOT NULL REFERENCES documents (row) ON DELETE CASCADE,
            kind text NOT NULL,
            role text NOT NULL,
            name text NOT NULL,
            ref text,
            authority text,
            found text NOT NULL);
        CREATE INDEX mentions_document ON mentions (document);
        CREATE TABLE dating (
            document bigint PRIMARY KEY REFERENCES documents (row) ON DELETE CASCADE,
            date text,
            not_before text,
            not_after text,
            precision text NOT NULL,
            place text,
            place_ref text,
            text text,
            certainty text,
            uncertain_part text);
        """;

    public void UpsertNames(Document document, IReadOnlyList<CatalogName> found)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(found);
        using var scope = _transaction is null ? Batch() : null;
        var names = CatalogRows.NamesBesidesPeople(document, found).Select(CatalogRows.MentionValues).ToList();
        // One round trip; every row finds the document's row by its id, and the first statement
        // says whether there is one (where there is none, the others change nothing). The
        // mentions keep the order given: it is their entry's.
        using var upsert = Command($"""
            SELECT row FROM documents WHERE id = @id;
            DELETE FROM mentions m USING documents d WHERE m.document = d.row AND d.id = @id;
            DELETE FROM dating t USING documents d WHERE t.document = d.row AND d.id = @id;
            INSERT INTO mentions (document, kind, role, name, ref, authority, found)
            SELECT d.row, m.kind, m.role, m.name, m.ref, m.authority, m.found
            FROM documents d, unnest(@kinds, @roles, @names, @refs, @authorities, @found) WITH ORDINALITY m (kind, role, name, ref, authority, found, entry)
            WHERE d.id = @id
            ORDER BY m.entry;
            {(document.Written is null ? "" : """
                INSERT INTO dating (document, date, not_before, not_after, precision, place, place_ref, text, certainty, uncertain_part)
                SELECT row, @date, @notBefore, @notAfter, @precision, @place, @placeRef, @text, @certainty, @uncertainPart
                FROM documents WHERE id = @id;
                """)}
            """);
        upsert.Parameters.AddWithValue("id", document.Id);
        string[] columns = ["kinds", "roles", "names", "refs", "authorities", "found"];
        for (var column = 0; column < columns.Length; column++)
            upsert.Parameters.AddWithValue(columns[column], NpgsqlDbType.Array | NpgsqlDbType.Text, names.Select(values => values[column] is string text ? Storable(text) : null).ToArray());
        if (document.Written is { } written)
        {
            foreach (var (name, value) in CatalogRows.Dating(written))
                upsert.Parameters.AddWithValue(name, NpgsqlDbType.Text, (object?)(value is null ? null : Storable(value)) ?? DBNull.Value);
        }
        using (var reader = upsert.ExecuteReader())
        {
            if (!reader.Read())
                throw new InvalidOperationException($"{document.Id} is not catalogued");
            while (reader.NextResult())
            {
            }
        }
        scope?.Commit();
    }

    public IReadOnlyList<string> PersonNames()
    {
        using var command = Command("SELECT name FROM people UNION SELECT name FROM mentions WHERE kind = 'person'");
        return CatalogRows.FirstColumn(command);
    }

    public IReadOnlyList<CatalogLetter> Letters()
    {
        using var snapshot = Snapshot();
        using var people = Command("SELECT document, role, name, ref FROM people ORDER BY document, role COLLATE \"C\", position");
        using var mentions = Command("SELECT document, kind, role, name, ref, authority, found FROM mentions ORDER BY document, entry");
        using var documents = Command("""
            SELECT d.row, d.id, d.title, d.kind, d.date, t.date, t.not_before, t.not_after, t.precision, t.place, t.place_ref, t.text, t.certainty, t.uncertain_part
            FROM documents d LEFT JOIN dating t ON t.document = d.row
            ORDER BY d.date IS NULL, d.date COLLATE "C", d.id COLLATE "C"
            """);
        return CatalogRows.Letters(people, mentions, documents);
    }
}
