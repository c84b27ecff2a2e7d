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
        void Insert(NameKind kind, string role, string name, string? reference, string? authority, string how)
        {
            parameters[0].Value = rowid;
            parameters[1].Value = KindName(kind);
            parameters[2].Value = role;
            parameters[3].Value = name;
            parameters[4].Value = (object?)reference ?? DBNull.Value;
            parameters[5].Value = (object?)authority ?? DBNull.Value;
            parameters[6].Value = how;
            insert.ExecuteNonQuery();
        }
        foreach (var mention in document.Mentions)
            Insert(mention.Kind, "mentioned", mention.Name, mention.Ref, mention.Authority, "markup");
        foreach (var name in found)
            Insert(name.Kind, name.Role, name.Name, name.Ref, name.Authority, name.Found);
        if (document.Written?.Place is { Length: > 0 } place)
            Insert(NameKind.Place, "place", place, document.Written.PlaceRef, null, "metadata");

        if (document.Written is { } written)
        {
            using var dating = Command("""
                INSERT INTO dating (document, date, not_before, not_after, precision, place, place_ref, text, certainty, uncertain_part)
                VALUES ($document, $date, $notBefore, $notAfter, $precision, $place, $placeRef, $text, $certainty, $uncertainPart)
                """);
            dating.Parameters.AddWithValue("$document", rowid);
            dating.Parameters.AddWithValue("$date", (object?)written.Date ?? DBNull.Value);
            dating.Parameters.AddWithValue("$notBefore", (object?)written.NotBefore ?? DBNull.Value);
            dating.Parameters.AddWithValue("$notAfter", (object?)written.NotAfter ?? DBNull.Value);
            dating.Parameters.AddWithValue("$precision", written.Precision.ToString().ToLowerInvariant());
            dating.Parameters.AddWithValue("$place", (object?)written.Place ?? DBNull.Value);
            dating.Parameters.AddWithValue("$placeRef", (object?)written.PlaceRef ?? DBNull.Value);
            dating.Parameters.AddWithValue("$text", (object?)written.Text ?? DBNull.Value);
            dating.Parameters.AddWithValue("$certainty", (object?)written.Certainty?.ToString().ToLowerInvariant() ?? DBNull.Value);
            dating.Parameters.AddWithValue("$uncertainPart", (object?)written.UncertainPart?.ToString().ToLowerInvariant() ?? DBNull.Value);
            dating.ExecuteNonQuery();
        }
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
        var names = new Dictionary<long, List<CatalogName>>();
        List<CatalogName> NamesOf(long row) => names.TryGetValue(row, out var list) ? list : names[row] = [];
        using (var people = Command("SELECT document, role, name, ref FROM people ORDER BY document, role, position"))
        using (var reader = people.ExecuteReader())
        {
            while (reader.Read())
            {
                var role = reader.GetString(1);
                var kind = NameKind.Person;
                NamesOf(reader.GetInt64(0)).Add(new CatalogName(kind, role, reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3), null, "metadata"));
            }
        }
        using (var mentions = Command("SELECT document, kind, role, name, ref, authority, found FROM mentions ORDER BY document, rowid"))
        using (var reader = mentions.ExecuteReader())
        {
            while (reader.Read())
            {
                NamesOf(reader.GetInt64(0)).Add(new CatalogName(Enum.Parse<NameKind>(reader.GetString(1), ignoreCase: true), reader.GetString(2), reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetString(6)));
            }
        }
        using var documents = Command("""
            SELECT d.rowid, d.id, d.title, d.kind, d.date, t.date, t.not_before, t.not_after, t.precision, t.place, t.place_ref, t.text, t.certainty, t.uncertain_part
            FROM documents d LEFT JOIN dating t ON t.document = d.rowid
            ORDER BY d.date IS NULL, d.date, d.id
            """);
        var letters = new List<CatalogLetter>();
        using (var reader = documents.ExecuteReader())
        {
            while (reader.Read())
            {
                string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
                var written = Text(8) is { } precision
                    ? new DateSpan
                    {
                        Date = Text(5),
                        NotBefore = Text(6),
                        NotAfter = Text(7),
                        Precision = Enum.Parse<DatePrecision>(precision, ignoreCase: true),
                        Place = Text(9),
                        PlaceRef = Text(10),
                        Text = Text(11),
                        Certainty = Text(12) is { } certainty ? Enum.Parse<DateCertainty>(certainty, ignoreCase: true) : null,
                        UncertainPart = Text(13) is { } part ? Enum.Parse<DatePart>(part, ignoreCase: true) : null,
                    }
                    : null;
                var row = reader.GetInt64(0);
                letters.Add(new CatalogLetter(reader.GetString(1), reader.GetString(2), reader.GetString(3), Text(4), written,
                    names.TryGetValue(row, out var list) ? list : []));
            }
        }
        return letters;
    }

    private static string KindName(NameKind kind) => kind.ToString().ToLowerInvariant();
}
