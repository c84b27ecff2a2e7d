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
        var row = RowOf(document.Id) ?? throw new InvalidOperationException($"{document.Id} is not catalogued");
        using (var delete = Command("DELETE FROM mentions WHERE document = @row; DELETE FROM dating WHERE document = @row"))
        {
            delete.Parameters.AddWithValue("row", row);
            delete.ExecuteNonQuery();
        }

        using var insert = Command("INSERT INTO mentions (document, kind, role, name, ref, authority, found) VALUES (@document, @kind, @role, @name, @ref, @authority, @found)");
        var parameters = new[] { "kind", "role", "name", "ref", "authority", "found" }.Select(n => insert.Parameters.Add(n, NpgsqlDbType.Text)).ToArray();
        insert.Parameters.AddWithValue("document", row);
        foreach (var name in CatalogRows.NamesBesidesPeople(document, found))
        {
            foreach (var (parameter, value) in parameters.Zip(CatalogRows.MentionValues(name)))
                parameter.Value = Storable(value);
            insert.ExecuteNonQuery();
        }

        if (document.Written is not { } written)
        {
            scope?.Commit();
            return;
        }
        using var dating = Command("""
            INSERT INTO dating (document, date, not_before, not_after, precision, place, place_ref, text, certainty, uncertain_part)
            VALUES (@document, @date, @notBefore, @notAfter, @precision, @place, @placeRef, @text, @certainty, @uncertainPart)
            """);
        dating.Parameters.AddWithValue("document", row);
        foreach (var (name, value) in CatalogRows.Dating(written))
            dating.Parameters.AddWithValue(name, NpgsqlDbType.Text, (object?)(value is null ? null : Storable(value)) ?? DBNull.Value);
        dating.ExecuteNonQuery();
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
