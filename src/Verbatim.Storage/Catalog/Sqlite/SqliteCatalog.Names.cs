using System.Globalization;
using Microsoft.Data.Sqlite;
using Verbatim.Model;
using Verbatim.Searching;

namespace Verbatim.Storage.Catalog.Sqlite;

/// <summary>
/// The tables of the names index, the network and the timeline: every name a document states or
/// that was found in its text (mentions), and how precisely it is dated (dating). Both are kept in
/// tables of their own, written after the document's row, and go with it (ON DELETE CASCADE).
/// </summary>
public sealed partial class SqliteCatalog
{
    private const string NamesSchema = """
        CREATE TABLE IF NOT EXISTS mentions (
            document INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            role TEXT NOT NULL,
            name TEXT NOT NULL,
            ref TEXT,
            authority TEXT,
            found TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS mentions_document ON mentions(document);
        CREATE TABLE IF NOT EXISTS dating (
            document INTEGER PRIMARY KEY REFERENCES documents(rowid) ON DELETE CASCADE,
            date TEXT,
            not_before TEXT,
            not_after TEXT,
            precision TEXT NOT NULL,
            place TEXT,
            place_ref TEXT,
            text TEXT,
            certainty TEXT,
            uncertain_part TEXT);
        """;

    private const string DropNames = "DROP TABLE IF EXISTS mentions; DROP TABLE IF EXISTS dating;";

    /// <summary>
    /// Replaces what the catalog holds of the document's names besides its people: names its source
    /// marks, names found in its text, and its dating. Call after <see cref="Upsert"/> of the same document.
    /// </summary>
    public void UpsertNames(Document document, IReadOnlyList<CatalogName> found)
    {
        using var scope = _batch is null ? Batch() : null;
        using var find = Command("SELECT rowid FROM documents WHERE id = $id");
        find.Parameters.AddWithValue("$id", document.Id);
        if (find.ExecuteScalar() is not long rowid)
            throw new InvalidOperationException($"{document.Id} is not catalogued");
        using (var delete = Command("DELETE FROM mentions WHERE document = $rowid; DELETE FROM dating WHERE document = $rowid;"))
        {
            delete.Parameters.AddWithValue("$rowid", rowid);
            delete.ExecuteNonQuery();
        }

        using var insert = Command("INSERT INTO mentions (document, kind, role, name, ref, authority, found) VALUES ($document, $kind, $role, $name, $ref, $authority, $found)");
        var parameters = new[] { "$document", "$kind", "$role", "$name", "$ref", "$authority", "$found" }
            .Select(n => insert.Parameters.Add(n, SqliteType.Text)).ToArray();
        parameters[0].Value = rowid;
        foreach (var name in CatalogRows.NamesBesidesPeople(document, found))
        {
            foreach (var (parameter, value) in parameters.Skip(1).Zip(CatalogRows.MentionValues(name)))
                parameter.Value = value;
            insert.ExecuteNonQuery();
        }

        if (document.Written is { } written)
        {
            using var dating = Command("""
                INSERT INTO dating (document, date, not_before, not_after, precision, place, place_ref, text, certainty, uncertain_part)
                VALUES ($document, $date, $notBefore, $notAfter, $precision, $place, $placeRef, $text, $certainty, $uncertainPart)
                """);
            dating.Parameters.AddWithValue("$document", rowid);
            foreach (var (name, value) in CatalogRows.Dating(written))
                dating.Parameters.AddWithValue("$" + name, (object?)value ?? DBNull.Value);
            dating.ExecuteNonQuery();
        }
        scope?.Commit();
    }

    /// <summary>The names of every person the catalog's documents state (authors, addressees, copies) or name in their text.</summary>
    public IReadOnlyList<string> PersonNames()
    {
        using var command = Command("SELECT name FROM people UNION SELECT name FROM mentions WHERE kind = 'person'");
        var names = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
            names.Add(reader.GetString(0));
        return names;
    }

    /// <summary>Every catalogued document with its names (people first, in role and position order) and its dating, in date order.</summary>
    public IReadOnlyList<CatalogLetter> Letters()
    {
        using var people = Command("SELECT document, role, name, ref FROM people ORDER BY document, role, position");
        using var mentions = Command("SELECT document, kind, role, name, ref, authority, found FROM mentions ORDER BY document, rowid");
        using var documents = Command("""
            SELECT d.rowid, d.id, d.title, d.kind, d.date, t.date, t.not_before, t.not_after, t.precision, t.place, t.place_ref, t.text, t.certainty, t.uncertain_part
            FROM documents d LEFT JOIN dating t ON t.document = d.rowid
            ORDER BY d.date IS NULL, d.date, d.id
            """);
        return CatalogRows.Letters(people, mentions, documents);
    }
}
