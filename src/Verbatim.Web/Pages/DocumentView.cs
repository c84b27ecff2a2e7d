using Verbatim.Access;
using Verbatim.Model;
using Verbatim.Quoting;
using Verbatim.Searching;
using Verbatim.Storing;
using Verbatim.Web.Citations;
using Verbatim.Web.Reading;

namespace Verbatim.Web.Pages;

/// <summary>A part of a compilation as its page lists it; <see cref="Work"/> is null where the catalog lacks the part.</summary>
public sealed record PartLink(string Id, WorkEntry? Work);

/// <summary>A passage this document shares with <see cref="Other"/> (null where the catalog lacks it, or the document itself).</summary>
public sealed record SharedPassage(QuoteLink Link, WorkEntry? Other);

/// <summary>Everything the document page shows about one version of one document.</summary>
public sealed record DocumentView(
    StoredView Stored,
    IReadOnlyList<VersionInfo> History,
    Neighbours Chronology,
    Neighbours? Volume,
    IReadOnlyList<PartLink> Parts,
    PartLink? PartOf,
    Citation Citation,
    IReadOnlyList<SharedPassage> Quotes,
    IReadOnlyList<SharedPassage> QuotedIn,
    IReadOnlyList<SharedPassage> SharedWith,
    int BoilerplateLeftOut,
    BodyPart Part)
{
    /// <summary>The shared passages to mark in the text of the part shown (see <see cref="PassageMarks"/>).</summary>
    public IReadOnlyList<PassageMark> Marks { get; init; } = [];

    public Model.Document Document => Stored.Document;

    public bool IsHead => History.Count == 0 || Stored.Version == History[^1].Number;

    /// <param name="withBoilerplate">Whether passages that many documents share (<see cref="BoilerplateLinks"/>) are listed too.</param>
    public static DocumentView Of(ReadingRoom room, Viewer viewer, StoredView stored, string url, BodyPart part, bool withBoilerplate = false)
    {
        var document = stored.Document;
        var work = room.Work(viewer, document.Id);
        var sides = work is not null && work.Version == stored.Version ? room.QuoteLinkSides(viewer, document.Id, withBoilerplate) : QuoteLinkSides.Of(document.Id, []);
        var view = new DocumentView(
            stored,
            room.History(viewer, document.Id),
            Neighbours.InChronology(room.Works(viewer), document.Id),
            work is null ? null : Neighbours.InVolume(room.Works(viewer), work),
            // A part or a whole the viewer may not see is not named at all: its id would say it exists.
            [.. document.Parts.Where(id => room.MaySee(viewer, id)).Select(id => new PartLink(id, room.Work(viewer, id)))],
            document.PartOf is { } parent && room.MaySee(viewer, parent) ? new PartLink(parent, room.Work(viewer, parent)) : null,
            new Citation(document, url),
            // Links name places in the head version's text; an older version's page does not show them.
            [.. sides.Quotes.Select(l => new SharedPassage(l, room.Work(viewer, l.SourceId)))],
            [.. sides.QuotedIn.Select(l => new SharedPassage(l, room.Work(viewer, l.TargetId)))],
            [.. sides.SharedWith.Select(l => new SharedPassage(l, room.Work(viewer, l.SourceId == document.Id ? l.TargetId : l.SourceId)))],
            withBoilerplate ? 0 : sides.Boilerplate.Count,
            part);
        return view with { Marks = PassageMarks.InPart(document, part, view.Quotes, view.QuotedIn, view.SharedWith) };
    }
}
