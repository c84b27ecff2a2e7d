using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Verbatim.Access;
using Verbatim.Presenting;
using Verbatim.Searching;
using Verbatim.Web.Citations;
using Verbatim.Web.Editing;
using Verbatim.Web.Hosting;
using Verbatim.Web.Reading;

namespace Verbatim.Web.Pages;

/// <summary>The pages a person reads: the works index, a document and its other forms, a diff between versions, search.</summary>
public static class PageEndpoints
{
    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder routes)
    {
        var pages = routes.MapGroup("").ExcludeFromDescription();

        pages.MapGet("/", (ReadingRoom room, Viewer viewer, string? by, int? page) =>
        {
            var index = WorksIndex.Of(room.Works(viewer), WorksIndex.IsGrouping(by) ? by! : "author");
            return page > index.PageCount
                ? (IResult)NotFound($"The works index has {index.PageCount} {(index.PageCount == 1 ? "page" : "pages")}: there is no page {page}.")
                : Page<WorksIndexPage>(new { Index = index, Page = page ?? 1 });
        });

        pages.MapGet("/documents/{id}", (ReadingRoom room, Viewer viewer, ReaderOptions options, HttpRequest request, string id, int? version, int? part, bool? boilerplate) =>
        {
            if (room.Read(viewer, id, version) is not { } stored)
                return NoSuchDocument(id, version);
            var (body, notes) = (stored.Document.Body, stored.Document.Notes);
            if (BodyParts.Of(body, notes, part ?? 1, options.PartCharacters) is not { } window)
                return NotFound($"The text of “{id}” has {BodyParts.Of(body, notes, 1, options.PartCharacters)!.Count} parts: there is no part {part}.");
            var view = DocumentView.Of(room, viewer, stored, CanonicalUrl(request, id), window, boilerplate ?? false);
            return Page<DocumentPage>(new { View = view, Editors = view.IsHead && viewer.SeesEverything ? DocumentPageEditing.Editors(request.HttpContext, stored) : null });
        });

        pages.MapGet("/documents/{id}/text", (ReadingRoom room, Viewer viewer, HttpContext context, string id, int? version) =>
        {
            if (room.Read(viewer, id, version) is not { } stored)
                return NoSuchDocument(id, version);
            if (stored.Stored.IsDamaged)
                return Failures.Damaged(context, id, stored.Damage);
            var text = new StringWriter();
            DocumentText.Write(text, stored.Document);
            return Results.Text(text.ToString(), "text/plain; charset=utf-8");
        });

        // The bytes as received may be HTML; sent as an attachment of no declared type (and
        // nosniff), a browser saves them and never renders them.
        pages.MapGet("/documents/{id}/source", (ReadingRoom room, Viewer viewer, HttpContext context, string id, int? version) =>
            room.Read(viewer, id, version) switch
            {
                { Stored.IsDamaged: true } damaged => Failures.Damaged(context, id, damaged.Damage),
                { Stored.SourceFileName: { } fileName } stored => Results.File(stored.Stored.Source.ToArray(), "application/octet-stream", fileName),
                _ => NoSuchDocument(id, version),
            });

        // The document as TEI P5 (Formats/Tei/TeiWriter), of the head or of a version.
        pages.MapGet("/documents/{id}.xml", (ReadingRoom room, Viewer viewer, HttpContext context, string id, int? version) =>
            room.Read(viewer, id, version) switch
            {
                null => NoSuchDocument(id, version),
                { Stored.IsDamaged: true } damaged => Failures.Damaged(context, id, damaged.Damage),
                var stored => Results.Bytes(Formats.Tei.TeiWriter.ToBytes(stored.Document), "application/tei+xml; charset=utf-8"),
            });

        pages.MapGet("/documents/{id}/cite.bib", (ReadingRoom room, Viewer viewer, HttpContext context, string id) =>
            room.Read(viewer, id) switch
            {
                null => NoSuchDocument(id, null),
                { Stored.IsDamaged: true } damaged => Failures.Damaged(context, id, damaged.Damage),
                var stored => Results.Text(new Citation(stored.Document, CanonicalUrl(context.Request, id)).BibTex(), "application/x-bibtex; charset=utf-8"),
            });

        pages.MapGet("/documents/{id}/cite.json", (ReadingRoom room, Viewer viewer, HttpContext context, string id) =>
            room.Read(viewer, id) switch
            {
                null => NoSuchDocument(id, null),
                { Stored.IsDamaged: true } damaged => Failures.Damaged(context, id, damaged.Damage),
                var stored => Results.Text(new Citation(stored.Document, CanonicalUrl(context.Request, id)).CslJson(), "application/vnd.citationstyles.csl+json; charset=utf-8"),
            });

        pages.MapGet("/documents/{id}/diff", (ReadingRoom room, Viewer viewer, string id, int? from, int? to) =>
        {
            if (room.Read(viewer, id) is not { } stored)
                return NoSuchDocument(id, null);
            if (room.History(viewer, id).Count < 2)
                return NotFound($"The document “{id}” has one version only: nothing in it has changed since it was received.");
            return room.Diff(viewer, id, from, to) is { } diff
                ? (IResult)Page<DiffPage>(new { Diff = diff, stored.Document.Title })
                : NotFound($"The document “{id}” has no version {(from is { } f && room.Read(viewer, id, f) is null ? f : to)}.");
        });

        pages.MapGet("/search", (ReadingRoom room, Viewer viewer, [AsParameters] SearchForm form, CancellationToken cancellationToken) =>
        {
            if (form.IsEmpty)
                return Page<SearchPage>(new { Form = form });
            try
            {
                var results = room.Search(viewer, form.ToQuery(), cancellationToken);
                return Page<SearchPage>(new { Form = form, Results = results },
                    form.IsPastTheEnd(results) ? StatusCodes.Status404NotFound : StatusCodes.Status200OK);
            }
            catch (QuerySyntaxException exception)
            {
                return Page<SearchPage>(new { Form = form, Error = exception.Message }, StatusCodes.Status400BadRequest);
            }
        });

        pages.MapGet("/collate", (ReadingRoom room, Viewer viewer, [AsParameters] CollateForm form) =>
        {
            if (form.IsEmpty)
                return Page<CollatePage>(new { Form = form });
            try
            {
                return Page<CollatePage>(new { Form = form, Result = room.Collate(viewer, form.Witnesses, form.Options) });
            }
            catch (Verbatim.Archiving.ArchiveException exception)
            {
                return Page<CollatePage>(new { Form = form, Error = exception.Message }, StatusCodes.Status400BadRequest);
            }
        });

        // A document the viewer may not see answers as one that is not there, whichever side names it.
        pages.MapGet("/testimonies", (ReadingRoom room, Viewer viewer, [AsParameters] TestimoniesForm form) =>
        {
            if (form.IsEmpty)
                return Page<TestimoniesPage>(new { Form = form });
            try
            {
                var answer = form.Answer(room, viewer);
                return answer.Missing is { } missing
                    ? NoSuchDocument(missing.Id, missing.Version)
                    : Page<TestimoniesPage>(new { Form = form, answer.Comparison, answer.A, answer.B, VersionA = form.Av, VersionB = form.Bv });
            }
            catch (Verbatim.Archiving.ArchiveException exception)
            {
                return Page<TestimoniesPage>(new { Form = form, Error = exception.Message }, StatusCodes.Status400BadRequest);
            }
        });

        pages.MapGet("/check-quote", (ReadingRoom room, Viewer viewer, string? q, CancellationToken cancellationToken) => CheckQuote(room, viewer, new CheckQuoteForm(q), cancellationToken))
            .RequireRateLimiting(ReaderHost.QuoteCheckLimit);

        // A quotation of pages does not fit in an address, so the form posts it. Checking changes
        // nothing, so the post needs no antiforgery token, and the reader serves no script to hold one.
        pages.MapPost("/check-quote", (ReadingRoom room, Viewer viewer, [FromForm] string? q, CancellationToken cancellationToken) => CheckQuote(room, viewer, new CheckQuoteForm(q), cancellationToken))
            .DisableAntiforgery()
            .RequireRateLimiting(ReaderHost.QuoteCheckLimit);

        pages.MapGet("/passages", (ReadingRoom room, Viewer viewer, string? source, int? from, string? target, int? at) =>
        {
            if (source is null || target is null || from is null || at is null
                || room.Passage(viewer, source, from.Value, target, at.Value) is not { } passage)
                return (IResult)NotFound("The archive holds no such shared passage; the document pages list the ones it holds.");
            return Page<PassagePage>(new
            {
                Passage = passage,
                Source = room.Read(viewer, source)!.Document,
                Target = room.Read(viewer, target)!.Document,
                SourceDate = room.Work(viewer, source)?.Date,
                TargetDate = room.Work(viewer, target)?.Date,
            });
        });

        pages.MapGet("/cases", (ReadingRoom room) =>
            Page<CasesPage>(new { Cases = (IReadOnlyList<Verbatim.Archiving.StoredCase>)[.. room.CaseIds().Select(room.Case).OfType<Verbatim.Archiving.StoredCase>().OrderBy(c => c.Case.Id, StringComparer.Ordinal)] }));

        pages.MapGet("/cases/{id}", (ReadingRoom room, Viewer viewer, string id) =>
        {
            try
            {
                return room.Case(id) is { } stored
                    ? (IResult)Page<CasePage>(new { View = CaseView.Of(room, viewer, stored, withHistory: viewer.SeesEverything) })
                    : NotFound($"There is no case with the id “{id}” in this archive.");
            }
            catch (Verbatim.Archiving.ArchiveException exception)
            {
                return Page<NotFoundPage>(new { Message = exception.Message }, StatusCodes.Status409Conflict);
            }
        });

        pages.MapGet("/names", (ReadingRoom room, Viewer viewer, string? kind) =>
            Page<NamesPage>(new { Index = room.Names(viewer), Kind = kind }));

        pages.MapGet("/names/{id}", (ReadingRoom room, Viewer viewer, string id) =>
            room.Names(viewer).Find(id) is { } entity
                ? (IResult)Page<NamePage>(new { Entity = entity })
                : NotFound($"There is no name with the id “{id}” in this archive."));

        pages.MapGet("/timeline", (ReadingRoom room, Viewer viewer, [AsParameters] Api.LetterFilterQuery query, int? page) =>
        {
            var filter = query.ToFilter();
            return Page<TimelinePage>(new
            {
                Filter = filter,
                Entries = Verbatim.Names.Correspondence.Timeline(room.Names(viewer), filter),
                Person = filter.Person is { } p ? room.Names(viewer).Find(p) : null,
                People = TimelinePeople(room.Names(viewer)),
                Page = page ?? 1,
            });
        });

        pages.MapGet("/network", (ReadingRoom room, Viewer viewer, [AsParameters] Api.LetterFilterQuery query) =>
        {
            var filter = query.ToFilter();
            return Page<NetworkPage>(new
            {
                Filter = filter,
                Min = query.MinLetters,
                Network = Verbatim.Names.Correspondence.Network(room.Names(viewer), filter).WithAtLeast(query.MinLetters),
                Person = filter.Person is { } p ? room.Names(viewer).Find(p) : null,
            });
        });

        pages.MapFallback("{**path}", (HttpContext context, EndpointDataSource endpoints) => Failures.NothingHere(context, endpoints, "There is nothing at this address."));
        return routes;
    }

    private static IResult CheckQuote(ReadingRoom room, Viewer viewer, CheckQuoteForm form, CancellationToken cancellationToken)
    {
        if (form.IsEmpty)
            return Page<CheckQuotePage>(new { Form = form });
        try
        {
            return Page<CheckQuotePage>(new { Form = form, Check = room.CheckQuote(viewer, form.Q!, cancellationToken: cancellationToken) });
        }
        catch (Verbatim.Archiving.ArchiveException exception)
        {
            return Page<CheckQuotePage>(new { Form = form, Error = exception.Message }, StatusCodes.Status400BadRequest);
        }
    }

    // The people a reader is likely to filter by: those most often named, persons only.
    private static IReadOnlyList<Verbatim.Names.NameEntity> TimelinePeople(Verbatim.Names.NameIndex index)
        => [.. index.Entities.Where(e => e.Kind == Verbatim.Model.NameKind.Person).OrderByDescending(e => e.Documents.Count).Take(300)
            .OrderBy(e => e.Name, StringComparer.CurrentCulture)];

    private static RazorComponentResult<TPage> Page<TPage>(object parameters, int status = StatusCodes.Status200OK)
        where TPage : Microsoft.AspNetCore.Components.IComponent
        => new(parameters) { StatusCode = status };

    private static IResult NoSuchDocument(string id, int? version)
        => NotFound(version is null ? $"There is no document with the id “{id}” in this archive." : $"There is no version {version} of the document “{id}”.");

    private static RazorComponentResult<NotFoundPage> NotFound(string message)
        => Page<NotFoundPage>(new { Message = message }, StatusCodes.Status404NotFound);

    // The public URL where the reader has one; else the host the request named, which host
    // filtering has limited to the names the reader answers.
    internal static string CanonicalUrl(HttpRequest request, string id)
        => request.HttpContext.RequestServices.GetRequiredService<ReaderOptions>().PublicUrl is { } publicUrl
            ? new Uri(publicUrl, Links.Document(id)).ToString()
            : new StringBuilder().Append(request.Scheme).Append("://").Append(request.Host.Value).Append(Links.Document(id)).ToString();
}
