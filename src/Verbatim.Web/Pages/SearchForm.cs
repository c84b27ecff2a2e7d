using Microsoft.AspNetCore.WebUtilities;
using Verbatim.Searching;

namespace Verbatim.Web.Pages;

/// <summary>What the search page was asked: the query, the facet filters chosen, the page of results.</summary>
public sealed record SearchForm(string? Q, string? Author, string? Addressee, string? Kind, int? Year, string? Collection, string? Volume, int? Page)
{
    public const int PageSize = 10;

    /// <summary>The facets the catalog counts, in the order the page shows them, with the names a person reads.</summary>
    public static readonly IReadOnlyList<(string Facet, string Label)> Facets =
        [("author", "Author"), ("addressee", "Addressee"), ("year", "Year"), ("kind", "Kind"), ("collection", "Collection"), ("volume", "Volume")];

    public int PageNumber => Math.Max(1, Page ?? 1);

    /// <summary>The number of hits before this page, in 64 bits: a page number far past the end must not wrap to another page.</summary>
    public long Offset => (PageNumber - 1L) * PageSize;

    /// <summary>Whether these results end before this page starts (a search that found nothing has no pages to be past).</summary>
    public bool IsPastTheEnd(SearchResults results) => results.Total > 0 && Offset >= results.Total;

    public static int PageCount(SearchResults results) => (results.Total + PageSize - 1) / PageSize;

    public bool IsEmpty => string.IsNullOrWhiteSpace(Q) && Filters.Count == 0;

    public SearchQuery ToQuery() => new(Q?.Trim() ?? "")
    {
        Filter = new WorkFilter
        {
            Author = Author,
            Addressee = Addressee,
            Kind = Kind,
            YearFrom = Year,
            YearTo = Year,
            Collection = Collection,
            Volume = Volume,
        },
        // Past the largest int is past the end of any result: the catalog answers an empty page and the total.
        Offset = (int)Math.Min(Offset, int.MaxValue),
        Limit = PageSize,
    };

    /// <summary>The facet filters in force, each with the address that drops it.</summary>
    public IReadOnlyList<(string Label, string Value, string RemoveUrl)> Filters
        => [.. Facets
            .Select(f => (f.Label, Value: Value(f.Facet), RemoveUrl: With(f.Facet, null)))
            .Where(f => !string.IsNullOrEmpty(f.Value))
            .Select(f => (f.Label, f.Value!, f.RemoveUrl))];

    public string? Value(string facet) => facet switch
    {
        "author" => Author,
        "addressee" => Addressee,
        "kind" => Kind,
        "year" => Year?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "collection" => Collection,
        "volume" => Volume,
        _ => null,
    };

    /// <summary>This search with one facet set (or dropped, for null), from its first page.</summary>
    public string With(string facet, string? value)
    {
        var changed = facet switch
        {
            "author" => this with { Author = value },
            "addressee" => this with { Addressee = value },
            "kind" => this with { Kind = value },
            "year" => this with { Year = int.TryParse(value, out var year) ? year : null },
            "collection" => this with { Collection = value },
            "volume" => this with { Volume = value },
            _ => this,
        };
        return (changed with { Page = null }).Url();
    }

    public string AtPage(int page) => (this with { Page = page }).Url();

    public string Url()
    {
        var parameters = new Dictionary<string, string?>
        {
            ["q"] = Q,
            ["author"] = Author,
            ["addressee"] = Addressee,
            ["year"] = Year?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["kind"] = Kind,
            ["collection"] = Collection,
            ["volume"] = Volume,
            ["page"] = Page is > 1 ? Page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        };
        return QueryHelpers.AddQueryString("/search", parameters.Where(p => !string.IsNullOrEmpty(p.Value)));
    }
}
