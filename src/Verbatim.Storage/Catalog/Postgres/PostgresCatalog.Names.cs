using Npgsql;
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
        void Insert(NameKind kind, string role, string name, string? reference, string? authority, string how)
        {
            parameters[0].Value = kind.ToString().ToLowerInvariant();
            parameters[1].Value = role;
            parameters[2].Value = name;
            parameters[3].Value = (object?)reference ?? DBNull.Value;
            parameters[4].Value = (object?)authority ?? DBNull.Value;
            parameters[5].Value = how;
            insert.ExecuteNonQuery();
        }
        foreach (var mention in document.Mentions)
            Insert(mention.Kind, "mentioned", mention.Name, mention.Ref, mention.Authority, "markup");
        foreach (var name in found)
            Insert(name.Kind, name.Role, name.Name, name.Ref, name.Authority, name.Found);
        if (document.Written?.Place is { Length: > 0 } place)
            Insert(NameKind.Place, "place", place, document.Written.PlaceRef, null, "metadata");

        if (document.Written is not { } written)
            return;
        using var dating = Command("""
            INSERT INTO dating (document, date, not_before, not_after, precision, place, place_ref, text, certainty, uncertain_part)
            VALUES (@document, @date, @notBefore, @notAfter, @precision, @place, @placeRef, @text, @certainty, @uncertainPart)
            """);
        dating.Parameters.AddWithValue("document", row);
        void Optional(string name, string? value) => dating.Parameters.AddWithValue(name, NpgsqlDbType.Text, (object?)value ?? DBNull.Value);
        Optional("date", written.Date);
        Optional("notBefore", written.NotBefore);
        Optional("notAfter", written.NotAfter);
        Optional("precision", written.Precision.ToString().ToLowerInvariant());
        Optional("place", written.Place);
        Optional("placeRef", written.PlaceRef);
        Optional("text", written.Text);
        Optional("certainty", written.Certainty?.ToString().ToLowerInvariant());
        Optional("uncertainPart", written.UncertainPart?.ToString().ToLowerInvariant());
        dating.ExecuteNonQuery();
    }

    public IReadOnlyList<string> PersonNames()
    {
        using var command = Command("SELECT name FROM people UNION SELECT name FROM mentions WHERE kind = 'person'");
        return FirstColumn(command);
    }

    public IReadOnlyList<CatalogLetter> Letters()
    {
        using var snapshot = Snapshot();
        var names = new Dictionary<long, List<CatalogName>>();
        List<CatalogName> NamesOf(long row) => names.TryGetValue(row, out var list) ? list : names[row] = [];
        using (var people = Command("SELECT document, role, name, ref FROM people ORDER BY document, role COLLATE \"C\", position"))
        using (var reader = people.ExecuteReader())
        {
            while (reader.Read())
                NamesOf(reader.GetInt64(0)).Add(new CatalogName(NameKind.Person, reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3), null, "metadata"));
        }
        using (var mentions = Command("SELECT document, kind, role, name, ref, authority, found FROM mentions ORDER BY document, entry"))
        using (var reader = mentions.ExecuteReader())
        {
            while (reader.Read())
            {
                NamesOf(reader.GetInt64(0)).Add(new CatalogName(Enum.Parse<NameKind>(reader.GetString(1), ignoreCase: true), reader.GetString(2), reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetString(6)));
            }
        }
        using var documents = Command("""
            SELECT d.row, d.id, d.title, d.kind, d.date, t.date, t.not_before, t.not_after, t.precision, t.place, t.place_ref, t.text, t.certainty, t.uncertain_part
            FROM documents d LEFT JOIN dating t ON t.document = d.row
            ORDER BY d.date IS NULL, d.date COLLATE "C", d.id COLLATE "C"
            """);
        var letters = new List<CatalogLetter>();
        using (var reader = documents.ExecuteReader())
        {
            while (reader.Read())
            {
                letters.Add(new CatalogLetter(reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                    Written(reader), names.TryGetValue(reader.GetInt64(0), out var list) ? list : []));
            }
        }
        return letters;
    }

    // The dating columns of a Letters() row (5 to 13); null where the document has none.
    private static DateSpan? Written(NpgsqlDataReader reader)
    {
        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        return Text(8) is { } precision
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
    }
}
