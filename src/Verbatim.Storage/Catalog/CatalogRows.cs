using System.Data.Common;
using Verbatim.Access;
using Verbatim.Model;
using Verbatim.Searching;

namespace Verbatim.Storage.Catalog;

/// <summary>
/// What every SQL catalog reads and writes alike, over ADO.NET's common types: each backend
/// writes the statement (its own SQL, with the columns in the order given here) and this turns
/// the rows into the catalog's records, or the records into the statement's parameters, named
/// without a prefix.
/// </summary>
public static class CatalogRows
{
    /// <summary>The first column of every row, as text.</summary>
    public static List<string> FirstColumn(DbCommand select)
    {
        ArgumentNullException.ThrowIfNull(select);
        var values = new List<string>();
        using var reader = select.ExecuteReader();
        while (reader.Read())
            values.Add(reader.GetString(0));
        return values;
    }

    /// <summary>Rows of (row, id, title, date, body text, notes text): the hits, each with the snippet made of its two texts.</summary>
    public static Dictionary<long, SearchHit> Hits(DbCommand select, Func<string, string, string> snippet)
    {
        ArgumentNullException.ThrowIfNull(select);
        ArgumentNullException.ThrowIfNull(snippet);
        var hits = new Dictionary<long, SearchHit>();
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            hits[reader.GetInt64(0)] = new SearchHit(reader.GetString(1), reader.GetString(2), Optional(reader, 3),
                snippet(Optional(reader, 4) ?? "", Optional(reader, 5) ?? ""), 0.0);
        }
        return hits;
    }

    /// <summary>
    /// Rows of (row, id, date, kind, year, collection, volume, version) in row order, then rows of
    /// (document row, role, name key, name) in row, role and position order, added to the index:
    /// the first spelling of a person met is the one shown.
    /// </summary>
    public static void Read(ResultIndex index, DbCommand documents, DbCommand people)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(people);
        using (var reader = documents.ExecuteReader())
        {
            while (reader.Read())
            {
                index.AddDocument(reader.GetInt64(0), reader.GetString(1), Optional(reader, 2), reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetInt32(4), Optional(reader, 5), Optional(reader, 6), reader.GetInt32(7));
            }
        }
        using (var reader = people.ExecuteReader())
        {
            while (reader.Read())
                index.AddPerson(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3));
        }
    }

    /// <summary>Runs the insert once per link, its parameters named source, sourceStart, sourceLength, target, targetStart, targetLength, matched and direction.</summary>
    public static void InsertQuoteLinks(DbCommand insert, IEnumerable<QuoteLink> links)
    {
        ArgumentNullException.ThrowIfNull(insert);
        ArgumentNullException.ThrowIfNull(links);
        foreach (var link in links)
        {
            insert.Parameters.Clear();
            Add(insert, "source", link.SourceId);
            Add(insert, "sourceStart", link.SourceStart);
            Add(insert, "sourceLength", link.SourceLength);
            Add(insert, "target", link.TargetId);
            Add(insert, "targetStart", link.TargetStart);
            Add(insert, "targetLength", link.TargetLength);
            Add(insert, "matched", link.MatchedWords);
            Add(insert, "direction", link.Direction);
            insert.ExecuteNonQuery();
        }
    }

    /// <summary>Rows of (source, source start, source length, target, target start, target length, matched words, direction).</summary>
    /// <summary>One document's fingerprints from rows of (hash as a signed 64-bit integer, word, start).</summary>
    public static List<Fingerprint> Fingerprints(DbCommand select, string id)
    {
        ArgumentNullException.ThrowIfNull(select);
        var found = new List<Fingerprint>();
        using var reader = select.ExecuteReader();
        while (reader.Read())
            found.Add(new Fingerprint(unchecked((ulong)reader.GetInt64(0)), id, reader.GetInt32(1), reader.GetInt32(2)));
        return found;
    }

    public static List<QuoteLink> QuoteLinks(DbCommand select)
    {
        ArgumentNullException.ThrowIfNull(select);
        var links = new List<QuoteLink>();
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            links.Add(new QuoteLink(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetString(3),
                reader.GetInt32(4), reader.GetInt32(5), reader.GetInt32(6), reader.GetString(7)));
        }
        return links;
    }

    /// <summary>Rows of (id, access rule).</summary>
    public static Dictionary<string, DocumentAccess> ClosedDocuments(DbCommand select)
    {
        ArgumentNullException.ThrowIfNull(select);
        var closed = new Dictionary<string, DocumentAccess>(StringComparer.Ordinal);
        using var reader = select.ExecuteReader();
        while (reader.Read())
        {
            // A rule the catalog cannot read closes its document, as an unreadable access.json does.
            closed[reader.GetString(0)] = DocumentAccess.Parse(reader.GetString(1)).Access ?? AccessJson.Unreadable;
        }
        return closed;
    }

    /// <summary>Rows of two texts, the first a key.</summary>
    public static Dictionary<string, string> Pairs(DbCommand select)
    {
        ArgumentNullException.ThrowIfNull(select);
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        using var reader = select.ExecuteReader();
        while (reader.Read())
            pairs[reader.GetString(0)] = reader.GetString(1);
        return pairs;
    }

    /// <summary>The names a catalog keeps of a document besides its people, in this order: those its source marks, those found in its text, where it was written.</summary>
    public static IEnumerable<CatalogName> NamesBesidesPeople(Document document, IReadOnlyList<CatalogName> found)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(found);
        foreach (var mention in document.Mentions)
            yield return new CatalogName(mention.Kind, "mentioned", mention.Name, mention.Ref, mention.Authority, "markup");
        foreach (var name in found)
            yield return name;
        if (document.Written?.Place is { Length: > 0 } place)
            yield return new CatalogName(NameKind.Place, "place", place, document.Written.PlaceRef, null, "metadata");
    }

    /// <summary>
    /// The letters of the names index: rows of (document row, role, name, ref) of its people in row,
    /// role and position order; of (document row, kind, role, name, ref, authority, found) of its
    /// other names in row and entry order; of (row, id, title, kind, date, then the nine columns of
    /// its dating as <see cref="Dating"/> gives them) of the documents, in the order they are listed.
    /// </summary>
    public static List<CatalogLetter> Letters(DbCommand people, DbCommand mentions, DbCommand documents)
    {
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(mentions);
        ArgumentNullException.ThrowIfNull(documents);
        var names = new Dictionary<long, List<CatalogName>>();
        List<CatalogName> NamesOf(long row) => names.TryGetValue(row, out var list) ? list : names[row] = [];
        using (var reader = people.ExecuteReader())
        {
            while (reader.Read())
                NamesOf(reader.GetInt64(0)).Add(new CatalogName(NameKind.Person, reader.GetString(1), reader.GetString(2), Optional(reader, 3), null, "metadata"));
        }
        using (var reader = mentions.ExecuteReader())
        {
            while (reader.Read())
            {
                NamesOf(reader.GetInt64(0)).Add(new CatalogName(Enum.Parse<NameKind>(reader.GetString(1), ignoreCase: true), reader.GetString(2), reader.GetString(3),
                    Optional(reader, 4), Optional(reader, 5), reader.GetString(6)));
            }
        }
        var letters = new List<CatalogLetter>();
        using (var reader = documents.ExecuteReader())
        {
            while (reader.Read())
            {
                letters.Add(new CatalogLetter(reader.GetString(1), reader.GetString(2), reader.GetString(3), Optional(reader, 4), Written(reader, 5),
                    names.TryGetValue(reader.GetInt64(0), out var list) ? list : []));
            }
        }
        return letters;
    }

    /// <summary>The values of a mentions row, in the order (kind, role, name, ref, authority, found).</summary>
    public static object[] MentionValues(CatalogName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return [name.Kind.ToString().ToLowerInvariant(), name.Role, name.Name, (object?)name.Ref ?? DBNull.Value, (object?)name.Authority ?? DBNull.Value, name.Found];
    }

    /// <summary>The values of a dating row, in the order (date, not before, not after, precision, place, place ref, text, certainty, uncertain part).</summary>
    public static IReadOnlyList<(string Name, string? Value)> Dating(DateSpan written)
    {
        ArgumentNullException.ThrowIfNull(written);
        return
        [
            ("date", written.Date), ("notBefore", written.NotBefore), ("notAfter", written.NotAfter),
            ("precision", written.Precision.ToString().ToLowerInvariant()), ("place", written.Place), ("placeRef", written.PlaceRef),
            ("text", written.Text), ("certainty", written.Certainty?.ToString().ToLowerInvariant()),
            ("uncertainPart", written.UncertainPart?.ToString().ToLowerInvariant()),
        ];
    }

    /// <summary>A dating read from the nine columns from <paramref name="first"/> on, in <see cref="Dating"/>'s order; null where there is none (no precision).</summary>
    private static DateSpan? Written(DbDataReader reader, int first)
    {
        ArgumentNullException.ThrowIfNull(reader);
        string? Text(int i) => Optional(reader, first + i);
        return Text(3) is { } precision
            ? new DateSpan
            {
                Date = Text(0),
                NotBefore = Text(1),
                NotAfter = Text(2),
                Precision = Enum.Parse<DatePrecision>(precision, ignoreCase: true),
                Place = Text(4),
                PlaceRef = Text(5),
                Text = Text(6),
                Certainty = Text(7) is { } certainty ? Enum.Parse<DateCertainty>(certainty, ignoreCase: true) : null,
                UncertainPart = Text(8) is { } part ? Enum.Parse<DatePart>(part, ignoreCase: true) : null,
            }
            : null;
    }

    public static string? Optional(DbDataReader reader, int column)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.IsDBNull(column) ? null : reader.GetString(column);
    }

    internal static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}

/// <summary>A catalog's batch or snapshot: a batch's commit advances the generation in it; disposing ends the transaction, rolling back what was not committed.</summary>
public sealed class CatalogTransaction(DbTransaction transaction, Action? advanceGeneration, Action ended) : ICatalogBatch
{
    private bool _committed;
    private bool _done;

    /// <summary>What a snapshot opened inside another adds: nothing.</summary>
    public static IDisposable None { get; } = new Nothing();

    /// <exception cref="InvalidOperationException">A snapshot, which writes nothing, or a batch already ended.</exception>
    public void Commit()
    {
        if (advanceGeneration is null)
            throw new InvalidOperationException("a snapshot writes nothing to commit");
        if (_done || _committed)
            throw new InvalidOperationException("the batch has ended");
        advanceGeneration();
        transaction.Commit();
        _committed = true;
    }

    // What was not committed is rolled back by the transaction's disposal: a batch an exception
    // left, and every snapshot (which also holds where an interrupted statement has ended it).
    public void Dispose()
    {
        if (_done) return;
        _done = true;
        try
        {
            transaction.Dispose();
        }
        finally
        {
            ended();
        }
    }

    private sealed class Nothing : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
