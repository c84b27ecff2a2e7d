using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Verbatim.Access;
using Verbatim.Model;
using Verbatim.Quoting;
using Verbatim.Searching;
using Verbatim.Web.Hosting;
using Verbatim.Web.Pages;
using Verbatim.Web.Reading;

namespace Verbatim.Web.Api;

/// <summary>The JSON API: the CLI's list, show, history and search, one route each.</summary>
public static class ApiEndpoints
{
    public const int MaxLimit = 1000;

    public static IEndpointRouteBuilder MapApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").WithTags("archive");

        api.MapGet("/documents", (ReadingRoom room, Viewer viewer, [AsParameters] WorkFilterQuery filter) => TypedResults.Ok(room.List(viewer, filter.ToFilter())))
            .WithSummary("The works index, as `verbatim list --json` prints it, optionally filtered.");

        api.MapGet("/documents/{id}", (ReadingRoom room, Viewer viewer, HttpContext context, string id, int? version) =>
                room.Read(viewer, id, version) switch
                {
                    null => (IResult)NotFound(id, version),
                    { Stored.IsDamaged: true } damaged => Failures.Damaged(context, id, damaged.Damage),
                    var view => TypedResults.Bytes(view.Stored.DocumentJson.ToArray(), "application/json; charset=utf-8"),
                })
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .Produces<Document>(contentType: "application/json")
            .WithSummary("One document's stored document.json (the head version unless one is named), as `verbatim show ID --format json` prints it.");

        api.MapGet("/documents/{id}/history", Results<Ok<IEnumerable<VersionEntry>>, ProblemHttpResult> (ReadingRoom room, Viewer viewer, string id) =>
                room.History(viewer, id) is { Count: > 0 } history
                    ? TypedResults.Ok(history.Select(v => new VersionEntry(v.Number, v.Created, v.Message, v.User.Name, v.User.Address)))
                    : NotFound(id, null))
            .WithSummary("The versions of a document: when, by whom, why.");

        api.MapGet("/search", Results<Ok<SearchResponse>, ProblemHttpResult> (ReadingRoom room, Viewer viewer, string? q, [AsParameters] WorkFilterQuery filter, int? offset, int? limit, CancellationToken cancellationToken) =>
            {
                try
                {
                    var results = room.Search(viewer, new SearchQuery(q ?? "")
                    {
                        Filter = filter.ToFilter(),
                        Offset = Math.Max(0, offset ?? 0),
                        Limit = Math.Clamp(limit ?? 20, 1, MaxLimit),
                    }, cancellationToken);
                    return TypedResults.Ok(SearchResponse.From(results, withScores: viewer.SeesEverything));
                }
                catch (QuerySyntaxException exception)
                {
                    return TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status400BadRequest, title: "The query cannot be read",
                        extensions: new Dictionary<string, object?> { ["position"] = exception.Position });
                }
            })
            .WithSummary("Full-text search over titles, people, text and notes, with facets, as `verbatim search QUERY --json` prints it.");

        api.MapGet("/collate", Results<ContentHttpResult, ProblemHttpResult> (ReadingRoom room, Viewer viewer, [AsParameters] CollateForm form) =>
            {
                try
                {
                    var collation = room.Collate(viewer, form.Witnesses, form.Options);
                    return TypedResults.Content(Verbatim.Text.Collation.Output.CollationJson.Write(collation), "application/json; charset=utf-8");
                }
                catch (Verbatim.Archiving.ArchiveException exception)
                {
                    return TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status400BadRequest, title: "These witnesses cannot be collated");
                }
            })
            .WithSummary("Collates stored documents or versions (w=ID or w=ID@VERSION, twice or more), as `verbatim collate --format json` prints it.");

        api.MapGet("/testimonies", Results<ContentHttpResult, ProblemHttpResult> (ReadingRoom room, Viewer viewer, [AsParameters] TestimoniesForm form) =>
            {
                if (form.IsEmpty)
                    return TypedResults.Problem("Name two documents: a=ID and b=ID.", statusCode: StatusCodes.Status400BadRequest, title: "These testimonies cannot be compared");
                try
                {
                    var answer = form.Answer(room, viewer);
                    return answer.Missing is { } missing
                        ? NotFound(missing.Id, missing.Version)
                        : TypedResults.Content(Verbatim.Text.Testimonies.TestimonyJson.Write(answer.Comparison!, TestimoniesForm.Name(form.IdA, form.Av), TestimoniesForm.Name(form.IdB, form.Bv)), "application/json; charset=utf-8");
                }
                catch (Verbatim.Archiving.ArchiveException exception)
                {
                    return TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status400BadRequest, title: "These testimonies cannot be compared");
                }
            })
            .WithSummary("Two stored testimonies compared sentence by sentence (a=ID, b=ID; av, bv a version; ar, br the characters FROM-TO of the body text), as `verbatim compare-testimonies A B --json` prints it.");

        api.MapGet("/check-quote", (ReadingRoom room, Viewer viewer, string? q, int? limit, CancellationToken cancellationToken) => CheckQuote(room, viewer, q, limit, cancellationToken))
            .WithSummary("The archive's sources of a quotation (q, five words or more), ranked, each with the aligned passage and its classified differences, as `verbatim check-quote TEXT --json` prints it; offsets point into each source's stored text.")
            .RequireRateLimiting(ReaderHost.QuoteCheckLimit);

        api.MapPost("/check-quote", (ReadingRoom room, Viewer viewer, CheckQuoteRequest request, CancellationToken cancellationToken) => CheckQuote(room, viewer, request.Text, request.Limit, cancellationToken))
            .WithSummary("As GET /api/check-quote, for a quotation too long for an address: {\"text\": ..., \"limit\"?: n}.")
            .RequireRateLimiting(ReaderHost.QuoteCheckLimit);

        api.MapGet("/documents/{id}/quotes", Results<Ok<QuoteLinksResponse>, ProblemHttpResult> (ReadingRoom room, Viewer viewer, string id, bool? boilerplate) =>
                room.Work(viewer, id) is null
                    ? NotFound(id, null)
                    : TypedResults.Ok(QuoteLinksResponse.Of(room.QuoteLinkSides(viewer, id, boilerplate ?? false), boilerplate ?? false)))
            .WithSummary("The passages this document quotes from others (quotes), those others take from it (quotedIn) and those it shares where dates do not say who took from whom (sharedWith), with offsets into each stored text; boilerplate only with ?boilerplate=true.");
        api.MapGet("/names", (ReadingRoom room, Viewer viewer, string? kind) =>
                TypedResults.Ok(room.Names(viewer).Entities.Where(e => kind is null || e.Kind.ToString().Equals(kind, StringComparison.OrdinalIgnoreCase))))
            .WithSummary("The index of names (persons, organisations, places), as `verbatim names --json` prints it; ?kind= person, organisation or place.");

        api.MapGet("/names/{id}", Results<Ok<Verbatim.Names.NameEntity>, ProblemHttpResult> (ReadingRoom room, Viewer viewer, string id) =>
                room.Names(viewer).Find(id) is { } entity
                    ? TypedResults.Ok(entity)
                    : TypedResults.Problem($"There is no name with the id '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "No such name"))
            .WithSummary("One entity of the index of names: its variants, authorities and documents by role.");

        api.MapGet("/network", (ReadingRoom room, Viewer viewer, [AsParameters] LetterFilterQuery filter) =>
                TypedResults.Ok(Verbatim.Names.Correspondence.Network(room.Names(viewer), filter.ToFilter()).WithAtLeast(filter.MinLetters)))
            .WithSummary("The correspondence network: sender-to-addressee edges with their letters and dates; ?person= (a name id), ?from=, ?to= (years), ?min= (only people with at least this many letters).");

        api.MapGet("/timeline", (ReadingRoom room, Viewer viewer, [AsParameters] LetterFilterQuery filter) =>
                TypedResults.Ok(Verbatim.Names.Correspondence.Timeline(room.Names(viewer), filter.ToFilter())))
            .WithSummary("The dated documents in order, each with the precision of its date (day, month, year, range); ?person=, ?from=, ?to=.");

        api.MapFallback("{**path}", (HttpContext context, EndpointDataSource endpoints) => Failures.NothingHere(context, endpoints, "There is no such API route."))
            .ExcludeFromDescription();
        return routes;
    }

    private static Results<Ok<CheckQuoteResponse>, ProblemHttpResult> CheckQuote(ReadingRoom room, Viewer viewer, string? quotation, int? limit, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(quotation))
            return TypedResults.Problem("Give the quotation to check (q=... or {\"text\": ...}).", statusCode: StatusCodes.Status400BadRequest, title: "No quotation");
        try
        {
            var check = room.CheckQuote(viewer, quotation, Math.Clamp(limit ?? 10, 1, 100), cancellationToken);
            return TypedResults.Ok(new CheckQuoteResponse(check.QuotedWords, check.Matches, check.Nearest));
        }
        catch (Verbatim.Archiving.ArchiveException exception)
        {
            return TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status400BadRequest, title: "The quotation cannot be checked");
        }
    }

    private static ProblemHttpResult NotFound(string id, int? version)
        => TypedResults.Problem(
            version is null ? $"There is no document with the id '{id}'." : $"There is no version {version} of a document with the id '{id}'.",
            statusCode: StatusCodes.Status404NotFound, title: "No such document");
}

/// <summary>The filters of the works index and search, as query parameters named like the CLI's options.</summary>
public sealed record WorkFilterQuery(
    [property: FromQuery(Name = "author")] string? Author,
    [property: FromQuery(Name = "addressee")] string? Addressee,
    [property: FromQuery(Name = "from")] int? From,
    [property: FromQuery(Name = "to")] int? To,
    [property: FromQuery(Name = "kind")] string? Kind,
    [property: FromQuery(Name = "collection")] string? Collection,
    [property: FromQuery(Name = "volume")] string? Volume)
{
    public WorkFilter ToFilter() => new()
    {
        Author = Author,
        Addressee = Addressee,
        YearFrom = From,
        YearTo = To,
        Kind = Kind,
        Collection = Collection,
        Volume = Volume,
    };
}

public sealed record CheckQuoteRequest(string? Text, int? Limit);

/// <param name="Nearest">When no source is found, the closest partial matches.</param>
public sealed record CheckQuoteResponse(int QuotedWords, IReadOnlyList<QuoteMatch> Matches, IReadOnlyList<QuoteMatch> Nearest);

/// <param name="Quotes">Passages of other documents (or earlier places of this one) that this document gives.</param>
/// <param name="QuotedIn">Passages of this document that others (or later places of this one) give.</param>
/// <param name="SharedWith">Passages this document shares with another where the dates do not say which took from which.</param>
/// <param name="BoilerplateLeftOut">How many boilerplate passages (shared by many documents) the lists leave out.</param>
public sealed record QuoteLinksResponse(IReadOnlyList<QuoteLink> Quotes, IReadOnlyList<QuoteLink> QuotedIn, IReadOnlyList<QuoteLink> SharedWith, int BoilerplateLeftOut)
{
    public static QuoteLinksResponse Of(QuoteLinkSides sides, bool withBoilerplate) =>
        new(sides.Quotes, sides.QuotedIn, sides.SharedWith, withBoilerplate ? 0 : sides.Boilerplate.Count);
}

/// <summary>The filters of the network and the timeline, as query parameters.</summary>
/// <remarks>
/// The years are read as text: the pages' filter form sends an empty field as "from=", which
/// means no bound, not a bad request; any other value <see cref="Hosting.QueryParameters"/> has checked.
/// </remarks>
public sealed record LetterFilterQuery(
    [property: FromQuery(Name = "person")] string? Person,
    [property: FromQuery(Name = "from")] string? From,
    [property: FromQuery(Name = "to")] string? To,
    [property: FromQuery(Name = "min")] string? Min)
{
    /// <summary>The network's least number of letters a person must have to be shown (the timeline has no use for it).</summary>
    public int? MinLetters => Hosting.QueryParameters.WholeNumber(Min);

    public Verbatim.Names.LetterFilter ToFilter()
        => new(Person is { Length: > 0 } ? Person : null, Hosting.QueryParameters.WholeNumber(From), Hosting.QueryParameters.WholeNumber(To));
}

public sealed record VersionEntry(int Version, DateTimeOffset Created, string Message, string User, string? Address);

/// <param name="Score">
/// The hit's BM25 score, for editors only: it weighs each word by how many documents of the whole
/// archive hold it, closed ones included, so to anyone else it would tell of documents they may not see.
/// </param>
public sealed record SearchHitEntry(string Id, string Title, string? Date, string Snippet, double? Score);

public sealed record FacetEntry(string Value, int Count);

/// <param name="Hits">Each snippet marks a matched term «like this», as the CLI does.</param>
public sealed record SearchResponse(int Total, IReadOnlyList<SearchHitEntry> Hits, IReadOnlyDictionary<string, IReadOnlyList<FacetEntry>> Facets)
{
    public static SearchResponse From(SearchResults results, bool withScores) => new(
        results.Total,
        [.. results.Hits.Select(h => new SearchHitEntry(h.Id, h.Title, h.Date,
            h.Snippet.Replace(SearchResults.MarkStart, '«').Replace(SearchResults.MarkEnd, '»'), withScores ? Math.Round(h.Score, 4) : null))],
        results.Facets.ToDictionary(f => f.Key, f => (IReadOnlyList<FacetEntry>)[.. f.Value.Select(c => new FacetEntry(c.Value, c.Count))]));
}
