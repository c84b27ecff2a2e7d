using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Verbatim.Access;
using Verbatim.Archiving;
using Verbatim.Web.Hosting;
using Verbatim.Web.Reading;

namespace Verbatim.Web.Harvesting;

/// <summary>
/// The OAI-PMH endpoint, <c>/oai</c>, by GET and by POST (a form), for harvesters. It answers
/// only once the archive's owner has said who the repository is (<see cref="ArchiveSettings.MissingForHarvesters"/>):
/// until then it answers 503 naming the settings to set, as <c>serve</c> says when it starts.
/// </summary>
public static class OaiEndpoints
{
    public const string Path = "/oai";

    public static bool Answers(PathString path) => path.Equals(Path, StringComparison.OrdinalIgnoreCase);

    public static IEndpointRouteBuilder MapOai(this IEndpointRouteBuilder routes)
    {
        // The arguments are named for the OpenAPI document and the leak hunt; the protocol reads
        // the query itself, which alone shows an argument given twice or one it does not know.
        routes.MapGet(Path, (HttpContext context, ReadingRoom room, Viewer viewer, ReaderOptions options, [AsParameters] OaiArguments named)
                => Answer(context, room, viewer, options, context.Request.Query.ToDictionary(q => q.Key, q => q.Value.Select(v => v ?? "").ToArray(), StringComparer.Ordinal)))
            .WithTags("harvesting")
            .WithSummary("OAI-PMH 2.0: Identify, ListMetadataFormats, ListSets, GetRecord, ListIdentifiers, ListRecords (oai_dc, tei, cmif).");
        // A harvest changes nothing, so the form needs no antiforgery token: harvesters hold none.
        routes.MapPost(Path, async (HttpContext context, ReadingRoom room, Viewer viewer, ReaderOptions options) =>
            {
                var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
                return form is null
                    ? Results.Text("OAI-PMH by POST takes its arguments as a form (application/x-www-form-urlencoded).\n", "text/plain; charset=utf-8", statusCode: StatusCodes.Status415UnsupportedMediaType)
                    : Answer(context, room, viewer, options, form.ToDictionary(f => f.Key, f => f.Value.Select(v => v ?? "").ToArray(), StringComparer.Ordinal));
            })
            .DisableAntiforgery()
            .WithTags("harvesting")
            .WithSummary("OAI-PMH 2.0 with the arguments in a form.");
        return routes;
    }

    private static IResult Answer(HttpContext context, ReadingRoom room, Viewer viewer, ReaderOptions options, Dictionary<string, string[]> arguments)
    {
        var settings = ArchiveSettings.Read(new ArchiveLayout(room.ArchiveRoot));
        if (settings.MissingForHarvesters() is { Count: > 0 } missing)
            return Results.Text(MissingSettings(missing) + "\n", "text/plain; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable);
        var baseUrl = settings.BaseUrl
            ?? (options.PublicUrl is { } url ? new Uri(url, Path).AbsoluteUri : $"{context.Request.Scheme}://{context.Request.Host}{Path}");
        var site = new OaiSite(settings.RepositoryName!, baseUrl, settings.AdminEmail!, settings.Rights);
        var response = new OaiRepository(room, viewer, site, options.Clock.GetUtcNow(), options.HarvestPageSize).Answer(arguments);
        return Results.Text(response.Declaration + "\n" + response.Root, "text/xml; charset=utf-8");
    }

    /// <summary>The arguments of OAI-PMH's verbs, each optional here: which a verb needs, the protocol says (<see cref="OaiRepository"/>).</summary>
    public sealed record OaiArguments(string? Verb, string? Identifier, string? MetadataPrefix, string? From, string? Until, string? Set, string? ResumptionToken);

    /// <summary>What the owner must set before harvesters are answered, and how.</summary>
    public static string MissingSettings(IReadOnlyList<string> missing)
        => $"OAI-PMH ({Path}) is off until the archive's owner sets {string.Join(" and ", missing)}: verbatim settings set {missing[0]} VALUE";
}
