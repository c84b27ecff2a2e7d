using System.Globalization;
using System.Text;
using Verbatim.Searching;

namespace Verbatim.Storage.Catalog;

/// <summary>
/// What a search needs to know of every catalogued document besides its text: its facet values
/// and the keys its hits sort by when their scores tie. Held in memory by the document's row
/// number, so that counting the facets of a result is one pass over its rows instead of a query
/// per facet, and ranking is one pass over the scores. A catalog builds it from its tables and
/// drops it whenever a document is written.
/// </summary>
/// <remarks>
/// Counts follow one rule for every facet: most documents first, ties by value (years by
/// number, text by ordinal order), at most <see cref="Limit"/> values. People are grouped by
/// their name key (case and accents folded) and shown by the first spelling met; a document
/// counts once for a person however often it names them.
/// </remarks>
public sealed class ResultIndex
{
    public const int Limit = 20;

    private readonly Dictionary<long, Row> _rows = [];

    private sealed class Row
    {
        public string Id = "";
        public string? Date;
        public string Kind = "";
        public int? Year;
        public string? Collection;
        public string? Volume;
        public List<(string Key, string Name)> Authors = [];
        public List<(string Key, string Name)> Addressees = [];
        public List<string> CopyKeys = [];
    }

    public void AddDocument(long row, string id, string? date, string kind, int? year, string? collection, string? volume)
        => _rows[row] = new Row { Id = id, Date = date, Kind = kind, Year = year, Collection = collection, Volume = volume };

    /// <summary>Adds a person to a document already added; copies are filtered by, never counted as a facet.</summary>
    public void AddPerson(long row, string role, string nameKey, string name)
    {
        if (!_rows.TryGetValue(row, out var document))
            return;
        if (role == "copy")
            document.CopyKeys.Add(nameKey);
        var people = role switch
        {
            "author" => document.Authors,
            "addressee" => document.Addressees,
            _ => null,
        };
        if (people is not null && !people.Exists(p => p.Key == nameKey))
            people.Add((nameKey, name));
    }

    /// <summary>
    /// Which documents pass every filter given: an author, or an addressee or copy, whose name key
    /// holds the filter's; a year within the range (an undated document is outside any); the kind;
    /// the collection and volume, ignoring case.
    /// </summary>
    public Func<long, bool> Selector(WorkFilter filter)
    {
        static string? Given(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        var author = Given(filter.Author) is { } a ? NameKey(a) : null;
        var addressee = Given(filter.Addressee) is { } b ? NameKey(b) : null;
        var kind = Given(filter.Kind)?.ToLowerInvariant();
        var (collection, volume) = (Given(filter.Collection), Given(filter.Volume));
        return row => _rows.TryGetValue(row, out var d)
            && (author is null || d.Authors.Exists(p => p.Key.Contains(author, StringComparison.Ordinal)))
            && (addressee is null || d.Addressees.Exists(p => p.Key.Contains(addressee, StringComparison.Ordinal)) || d.CopyKeys.Exists(k => k.Contains(addressee, StringComparison.Ordinal)))
            && (filter.YearFrom is not { } from || d.Year >= from)
            && (filter.YearTo is not { } to || d.Year <= to)
            && (kind is null || d.Kind == kind)
            && (collection is null || string.Equals(d.Collection, collection, StringComparison.OrdinalIgnoreCase))
            && (volume is null || string.Equals(d.Volume, volume, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Every document the filter selects, in date order: undated last, equal dates by id.</summary>
    public IReadOnlyList<long> InDateOrder(WorkFilter filter)
    {
        var selects = Selector(filter);
        return [.. _rows.Keys.Where(selects).Select(r => (Row: r, Score: 0.0)).Order(Comparer<(long Row, double Score)>.Create(CompareHits)).Select(h => h.Row)];
    }

    /// <summary>Lower case without accents, so "Bölsche" and "bolsche" find one person.</summary>
    public static string NameKey(string name)
    {
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    public IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Count(IEnumerable<long> selected)
    {
        var kinds = new Dictionary<string, int>(StringComparer.Ordinal);
        var years = new Dictionary<int, int>();
        var collections = new Dictionary<string, int>(StringComparer.Ordinal);
        var volumes = new Dictionary<string, int>(StringComparer.Ordinal);
        var authors = new Dictionary<string, (string Name, int Count)>(StringComparer.Ordinal);
        var addressees = new Dictionary<string, (string Name, int Count)>(StringComparer.Ordinal);
        foreach (var rowid in selected)
        {
            if (!_rows.TryGetValue(rowid, out var row))
                continue;
            Increment(kinds, row.Kind);
            if (row.Year is { } year)
                Increment(years, year);
            if (row.Collection is { } collection)
                Increment(collections, collection);
            if (row.Volume is { } volume)
                Increment(volumes, volume);
            CountPeople(authors, row.Authors);
            CountPeople(addressees, row.Addressees);
        }
        return new Dictionary<string, IReadOnlyList<FacetCount>>
        {
            ["kind"] = Top(kinds.Select(e => (e.Key, e.Value)), StringComparer.Ordinal),
            ["year"] = Top(years.Select(e => (e.Key, e.Value)), Comparer<int>.Default),
            ["author"] = Top(authors.Values.Select(e => (e.Name, e.Count)), StringComparer.Ordinal),
            ["addressee"] = Top(addressees.Values.Select(e => (e.Name, e.Count)), StringComparer.Ordinal),
            ["collection"] = Top(collections.Select(e => (e.Key, e.Value)), StringComparer.Ordinal),
            ["volume"] = Top(volumes.Select(e => (e.Key, e.Value)), StringComparer.Ordinal),
        };
    }

    /// <summary>
    /// The rows of one page of hits: highest score first; equal scores by date (undated last) and
    /// then id, so that a page is the same on every run.
    /// </summary>
    public IReadOnlyList<(long Row, double Score)> Page(IReadOnlyList<(long Row, double Score)> scored, int offset, int limit)
    {
        var wanted = offset + limit;
        if (limit <= 0 || offset >= scored.Count)
            return [];
        var order = Comparer<(long Row, double Score)>.Create(CompareHits);
        // A bounded heap whose top is the worst row kept: O(n log k) for the few rows a page shows.
        var best = new PriorityQueue<(long Row, double Score), (long Row, double Score)>(Comparer<(long Row, double Score)>.Create((a, b) => CompareHits(b, a)));
        foreach (var hit in scored)
        {
            if (best.Count < wanted)
                best.Enqueue(hit, hit);
            else if (order.Compare(hit, best.Peek()) < 0)
                best.EnqueueDequeue(hit, hit);
        }
        var kept = new List<(long Row, double Score)>(best.Count);
        while (best.TryDequeue(out var hit, out _))
            kept.Add(hit);
        kept.Reverse();
        return [.. kept.Skip(offset)];
    }

    private int CompareHits((long Row, double Score) a, (long Row, double Score) b)
    {
        var byScore = b.Score.CompareTo(a.Score);
        if (byScore != 0)
            return byScore;
        var (x, y) = (_rows.GetValueOrDefault(a.Row), _rows.GetValueOrDefault(b.Row));
        var byDate = (x?.Date is null).CompareTo(y?.Date is null);
        if (byDate == 0)
            byDate = string.CompareOrdinal(x?.Date, y?.Date);
        return byDate != 0 ? byDate : string.CompareOrdinal(x?.Id, y?.Id);
    }

    private static void Increment<T>(Dictionary<T, int> counts, T value)
        where T : notnull
        => counts[value] = counts.GetValueOrDefault(value) + 1;

    private static void CountPeople(Dictionary<string, (string Name, int Count)> counts, List<(string Key, string Name)> people)
    {
        foreach (var (key, name) in people)
            counts[key] = counts.TryGetValue(key, out var seen) ? (seen.Name, seen.Count + 1) : (name, 1);
    }

    private static List<FacetCount> Top<T>(IEnumerable<(T Value, int Count)> counts, IComparer<T> byValue)
        => [.. counts.OrderByDescending(c => c.Count).ThenBy(c => c.Value, byValue).Take(Limit)
            .Select(c => new FacetCount(Convert.ToString(c.Value, CultureInfo.InvariantCulture)!, c.Count))];
}
