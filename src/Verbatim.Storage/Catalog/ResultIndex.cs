using System.Globalization;
using System.Text;
using Verbatim.Model;
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

    // Every facet's distinct values, interned: a row holds numbers, and counting is array work.
    private readonly FacetValues _kinds = new(StringComparer.Ordinal);
    private readonly FacetValues _years = new(Comparer<string>.Create((a, b) => int.Parse(a, CultureInfo.InvariantCulture).CompareTo(int.Parse(b, CultureInfo.InvariantCulture))));
    private readonly FacetValues _collections = new(StringComparer.Ordinal);
    private readonly FacetValues _volumes = new(StringComparer.Ordinal);
    private readonly FacetValues _authors = new(StringComparer.Ordinal);
    private readonly FacetValues _addressees = new(StringComparer.Ordinal);

    private const int None = -1;

    // The rows of each author (by value) and of each year, so that a filter naming them finds its
    // documents without a look at every row. A row added twice may be listed twice; what these
    // give is checked by the whole filter.
    private readonly Dictionary<int, List<long>> _rowsByAuthor = [];
    private readonly Dictionary<int, List<long>> _rowsByYear = [];

    /// <summary>A filter is narrow when it admits at most one document in this many: <see cref="Narrowed"/> then names its rows.</summary>
    public const int NarrowShare = 4;

    private sealed class Row
    {
        public string Id = "";
        public string? Date;
        public int? Year;
        public string Kind = "";
        public string? Collection;
        public string? Volume;
        public int Version;
        public int KindValue;
        public int YearValue = None;
        public int CollectionValue = None;
        public int VolumeValue = None;
        public List<int> Authors = [];
        public List<int> Addressees = [];
        public List<string> CopyKeys = [];
    }

    public void AddDocument(long row, string id, string? date, string kind, int? year, string? collection, string? volume, int version = 0)
    {
        string? Year() => year?.ToString(CultureInfo.InvariantCulture);
        _rows[row] = new Row
        {
            Id = id,
            Date = date,
            Year = year,
            Kind = kind,
            Collection = collection,
            Volume = volume,
            Version = version,
            KindValue = _kinds.Intern(kind, kind),
            YearValue = Year() is { } y ? _years.Intern(y, y) : None,
            CollectionValue = collection is null ? None : _collections.Intern(collection, collection),
            VolumeValue = volume is null ? None : _volumes.Intern(volume, volume),
        };
        if (year is { } known)
            Listed(_rowsByYear, known).Add(row);
    }

    private static List<long> Listed(Dictionary<int, List<long>> rowsByValue, int value)
    {
        if (!rowsByValue.TryGetValue(value, out var rows))
            rowsByValue[value] = rows = [];
        return rows;
    }

    private void AddAuthor(long row, Row document, int value)
    {
        if (document.Authors.Contains(value))
            return;
        document.Authors.Add(value);
        Listed(_rowsByAuthor, value).Add(row);
    }

    /// <summary>How many documents the index holds.</summary>
    public int DocumentCount => _rows.Count;

    /// <summary>Whether the row holds the document of that id at that version.</summary>
    public bool Holds(long row, string id, int version) => _rows.TryGetValue(row, out var document) && document.Id == id && document.Version == version;

    /// <summary>
    /// A new index of the rows given, with their people, as this index holds them. Rows are
    /// taken in rowid order, as a catalog adds them, so that each person keeps the spelling first
    /// met; this index is only read, and may serve meanwhile.
    /// </summary>
    public ResultIndex Keeping(IEnumerable<long> rows)
    {
        var kept = new ResultIndex();
        foreach (var row in rows.Order())
        {
            if (!_rows.TryGetValue(row, out var document))
                continue;
            kept.AddDocument(row, document.Id, document.Date, document.Kind, document.Year, document.Collection, document.Volume, document.Version);
            var copy = kept._rows[row];
            foreach (var author in document.Authors)
                kept.AddAuthor(row, copy, kept._authors.Intern(_authors.Key(author), _authors.Label(author)));
            foreach (var addressee in document.Addressees)
                copy.Addressees.Add(kept._addressees.Intern(_addressees.Key(addressee), _addressees.Label(addressee)));
            copy.CopyKeys.AddRange(document.CopyKeys);
        }
        return kept;
    }

    /// <summary>Adds a person to a document already added; copies are filtered by, never counted as a facet.</summary>
    public void AddPerson(long row, string role, string nameKey, string name)
    {
        if (!_rows.TryGetValue(row, out var document))
            return;
        switch (role)
        {
            case "copy":
                document.CopyKeys.Add(nameKey);
                break;
            case "author":
                AddAuthor(row, document, _authors.Intern(nameKey, name));
                break;
            case "addressee" when _addressees.Intern(nameKey, name) is var value && !document.Addressees.Contains(value):
                document.Addressees.Add(value);
                break;
        }
    }

    /// <summary>
    /// Which documents pass every filter given: an author, or an addressee or copy, whose name key
    /// holds the filter's; a year within the range (an undated document is outside any); the kind;
    /// the collection and volume, ignoring case; and none of the hidden documents.
    /// </summary>
    public Func<long, bool> Selector(WorkFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var author = Given(filter.Author) is { } a ? NameKey(a) : null;
        var addressee = Given(filter.Addressee) is { } b ? NameKey(b) : null;
        var kind = Given(filter.Kind)?.ToLowerInvariant();
        var (collection, volume) = (Given(filter.Collection), Given(filter.Volume));
        var hidden = filter.Hidden is { Count: > 0 } closed ? closed : null;
        return row => _rows.TryGetValue(row, out var d)
            && (hidden is null || !hidden.Contains(d.Id))
            && (author is null || d.Authors.Exists(p => _authors.Key(p).Contains(author, StringComparison.Ordinal)))
            && (addressee is null || d.Addressees.Exists(p => _addressees.Key(p).Contains(addressee, StringComparison.Ordinal)) || d.CopyKeys.Exists(k => k.Contains(addressee, StringComparison.Ordinal)))
            && (filter.YearFrom is not { } from || d.Year >= from)
            && (filter.YearTo is not { } to || d.Year <= to)
            && (kind is null || d.Kind == kind)
            && (collection is null || string.Equals(d.Collection, collection, StringComparison.OrdinalIgnoreCase))
            && (volume is null || string.Equals(d.Volume, volume, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Which documents belong to the set: exactly one of its keys as collection, collection and
    /// volume, author name key or kind (unlike <see cref="Selector"/>, no part of a name and no
    /// folding of case: a set is what <see cref="SetValues"/> listed). Every document where no set is given.
    /// </summary>
    /// <param name="correspondenceOnly">Only documents with an author and an addressee that are not compilations (<see cref="HarvestQuery.CorrespondenceOnly"/>).</param>
    public Func<long, bool> InSet(HarvestSet? set, bool correspondenceOnly = false)
    {
        var keys = set?.Keys.ToHashSet(StringComparer.Ordinal) ?? [];
        Func<Row, bool> member = set?.Facet switch
        {
            null => _ => true,
            HarvestSet.Collection => d => d.Collection is { } c && keys.Contains(c),
            HarvestSet.Volume => d => d is { Collection: { } c, Volume: { } v } && keys.Contains(c + HarvestSet.VolumeSeparator + v),
            HarvestSet.Author => d => d.Authors.Exists(a => keys.Contains(_authors.Key(a))),
            HarvestSet.Kind => d => keys.Contains(d.Kind),
            _ => throw new ArgumentException($"no facet {set.Facet} makes sets", nameof(set)),
        };
        var compilation = DocumentKinds.Name(DocumentKind.Compilation);
        return row => _rows.TryGetValue(row, out var d) && member(d)
            && (!correspondenceOnly || (d.Authors.Count > 0 && d.Addressees.Count > 0 && d.Kind != compilation));
    }

    /// <summary>Every collection, volume, author and kind of a document not hidden, each once, in the order of facet and then of key.</summary>
    public IReadOnlyList<SetValue> SetValues(IReadOnlySet<string>? hidden)
    {
        var values = new HashSet<SetValue>();
        foreach (var d in _rows.Values.Where(d => hidden is null || !hidden.Contains(d.Id)))
        {
            values.Add(new SetValue(HarvestSet.Kind, d.Kind, d.Kind));
            if (d.Collection is { Length: > 0 } collection)
            {
                values.Add(new SetValue(HarvestSet.Collection, collection, collection));
                if (d.Volume is { Length: > 0 } volume)
                    values.Add(new SetValue(HarvestSet.Volume, collection + HarvestSet.VolumeSeparator + volume, volume));
            }
            foreach (var author in d.Authors)
                values.Add(new SetValue(HarvestSet.Author, _authors.Key(author), _authors.Label(author)));
        }
        return [.. values.OrderBy(v => v.Facet, StringComparer.Ordinal).ThenBy(v => v.Key, StringComparer.Ordinal)];
    }

    private static string? Given(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>
    /// The rows a filter naming an author or years admits, when it is narrow (at most one document
    /// in <see cref="NarrowShare"/>): found from the rows of the authors and years it names, the
    /// shorter list looked at. Null when the filter names neither or admits more: a match is then
    /// better filtered as it is read.
    /// </summary>
    public IReadOnlyCollection<long>? Narrowed(WorkFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var author = Given(filter.Author) is { } a ? NameKey(a) : null;
        var byAuthor = author is null ? null
            : _rowsByAuthor.Where(p => _authors.Key(p.Key).Contains(author, StringComparison.Ordinal)).Select(p => p.Value).ToList();
        var byYear = filter.YearFrom is null && filter.YearTo is null ? null
            : _rowsByYear.Where(p => p.Key >= (filter.YearFrom ?? int.MinValue) && p.Key <= (filter.YearTo ?? int.MaxValue)).Select(p => p.Value).ToList();
        var shorter = (byAuthor, byYear) switch
        {
            (null, null) => null,
            (null, _) => byYear,
            (_, null) => byAuthor,
            _ => byAuthor.Sum(r => r.Count) <= byYear.Sum(r => r.Count) ? byAuthor : byYear,
        };
        if (shorter is null)
            return null;
        var selects = Selector(filter);
        var admitted = new HashSet<long>();
        var most = DocumentCount / NarrowShare;
        foreach (var row in shorter.SelectMany(rows => rows))
        {
            if (selects(row) && admitted.Add(row) && admitted.Count > most)
                return null;
        }
        return admitted;
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
        var (kinds, years, collections, volumes, authors, addressees) = (_kinds.Counter(), _years.Counter(), _collections.Counter(), _volumes.Counter(), _authors.Counter(), _addressees.Counter());
        foreach (var rowid in selected)
        {
            if (!_rows.TryGetValue(rowid, out var row))
                continue;
            kinds[row.KindValue]++;
            if (row.YearValue != None)
                years[row.YearValue]++;
            if (row.CollectionValue != None)
                collections[row.CollectionValue]++;
            if (row.VolumeValue != None)
                volumes[row.VolumeValue]++;
            foreach (var author in row.Authors)
                authors[author]++;
            foreach (var addressee in row.Addressees)
                addressees[addressee]++;
        }
        return new Dictionary<string, IReadOnlyList<FacetCount>>
        {
            ["kind"] = _kinds.Top(kinds),
            ["year"] = _years.Top(years),
            ["author"] = _authors.Top(authors),
            ["addressee"] = _addressees.Top(addressees),
            ["collection"] = _collections.Top(collections),
            ["volume"] = _volumes.Top(volumes),
        };
    }

    /// <summary>
    /// The rows of one page of hits: highest score first; equal scores by date (undated last) and
    /// then id, so that a page is the same on every run.
    /// </summary>
    public IReadOnlyList<(long Row, double Score)> Page(IReadOnlyList<(long Row, double Score)> scored, int offset, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        if (limit <= 0 || offset >= scored.Count)
            return [];
        // In 64 bits: a page far down a result can end past the largest int.
        var wanted = (int)Math.Min((long)offset + limit, scored.Count);
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

    /// <summary>
    /// A match's results: the total and facets of every row scored (those the filter selects), and
    /// the page's hits, read by <paramref name="readHits"/> and given their scores.
    /// </summary>
    public SearchResults Matched(SearchQuery query, IReadOnlyList<(long Row, double Score)> scored, Func<IReadOnlyList<long>, Dictionary<long, SearchHit>> readHits)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(scored);
        ArgumentNullException.ThrowIfNull(readHits);
        var page = Page(scored, query.Offset, query.Limit);
        var byRow = page.Count > 0 ? readHits([.. page.Select(h => h.Row)]) : [];
        return new SearchResults(scored.Count, [.. page.Select(h => byRow[h.Row] with { Score = h.Score })], Count(scored.Select(s => s.Row)));
    }

    /// <summary>No words to match: the filters select, and the page's hits, read by <paramref name="readHits"/>, come in date order.</summary>
    public SearchResults Browsed(SearchQuery query, Func<IReadOnlyList<long>, Dictionary<long, SearchHit>> readHits)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(readHits);
        var selected = InDateOrder(query.Filter);
        var page = selected.Skip(query.Offset).Take(Math.Max(query.Limit, 0)).ToList();
        var byRow = page.Count > 0 ? readHits(page) : [];
        return new SearchResults(selected.Count, [.. page.Select(r => byRow[r])], Count(selected));
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

    /// <summary>The distinct values of one facet, each with the key it is grouped by and the label it is shown by.</summary>
    private sealed class FacetValues(IComparer<string> labelOrder)
    {
        private readonly Dictionary<string, int> _byKey = new(StringComparer.Ordinal);
        private readonly List<string> _keys = [];
        private readonly List<string> _labels = [];

        /// <summary>The value's number; the first label given for a key is the one shown.</summary>
        public int Intern(string key, string label)
        {
            if (!_byKey.TryGetValue(key, out var value))
            {
                value = _keys.Count;
                _byKey[key] = value;
                _keys.Add(key);
                _labels.Add(label);
            }
            return value;
        }

        public string Key(int value) => _keys[value];

        public string Label(int value) => _labels[value];

        public int[] Counter() => new int[_keys.Count];

        public List<FacetCount> Top(int[] counts)
            => [.. Enumerable.Range(0, counts.Length).Where(v => counts[v] > 0)
                .OrderByDescending(v => counts[v]).ThenBy(v => _labels[v], labelOrder).Take(Limit)
                .Select(v => new FacetCount(_labels[v], counts[v]))];
    }
}
