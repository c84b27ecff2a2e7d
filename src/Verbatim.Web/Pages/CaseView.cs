using Verbatim.Access;
using Verbatim.Archiving;
using Verbatim.Cases;
using Verbatim.Model;
using Verbatim.Storing;
using Verbatim.Text.Collation;
using Verbatim.Text.Testimonies;
using Verbatim.Web.Reading;

namespace Verbatim.Web.Pages;

/// <summary>
/// One citation of a case as the page shows it: the document's title at the cited version, the
/// newest version where a newer one exists, and, for a range, whether the archive's cited version
/// still reads the words the case kept and what the newest version reads there.
/// </summary>
/// <param name="Kept">The words the case kept for the range; null for a whole document.</param>
/// <param name="Archived">What the cited version reads at the range now; null for a whole document.</param>
/// <param name="Newer">The newest version, where it is not the cited one.</param>
/// <param name="SinceCited">What the newest version reads at the cited range, and each change; null where nothing is newer or no range is cited.</param>
public sealed record CitedView(string Id, int Version, string Title, int? Start, int? End, string? Kept, string? Archived, int? Newer, RangeChanges? SinceCited)
{
    /// <summary>Whether the cited version's stored files no longer match their digests: what is shown may not be what was received.</summary>
    public bool Damaged { get; init; }

    /// <summary>Whether the archive's cited version reads at the range what the case kept (true for a whole document).</summary>
    public bool ReadsAsKept => Kept is null || Kept == Archived;
}

/// <summary>
/// An item of a case the viewer may see, numbered among those, with each of its citations; a
/// collation with its alignment, and a collation of two witnesses also sentence by sentence, as
/// testimonies (two statements that are not copies of one another read better so).
/// </summary>
public sealed record CaseItemView(int Number, CaseItem Item, IReadOnlyList<CitedView> Cited, CollationResult? Collation)
{
    public TestimonyComparison? Testimonies { get; init; }

    /// <summary>Why the item cannot be shown: a cited document is damaged past reading. The rest of the case is shown all the same.</summary>
    public string? Damage { get; init; }
}

/// <summary>
/// A case as one viewer may read it. An item that cites a document the viewer may not see is left
/// out whole, and the items left are numbered among themselves, so that nothing (an id, a title, a
/// gap in the numbers) tells of it; the question and the summary are the author's and always shown.
/// </summary>
public sealed record CaseView(StoredCase Stored, IReadOnlyList<CaseItemView> Items, IReadOnlyList<VersionInfo>? History)
{
    public CaseFile Case => Stored.Case;

    /// <param name="withHistory">Whether the case's versions are shown (to those who see every document: their messages name what was added).</param>
    public static CaseView Of(ReadingRoom room, Viewer viewer, StoredCase stored, bool withHistory)
    {
        ArgumentNullException.ThrowIfNull(room);
        ArgumentNullException.ThrowIfNull(stored);
        var items = new List<CaseItemView>();
        foreach (var item in stored.Case.Items)
        {
            // Asked before anything is read: a document closed to the viewer is never read for them, damaged or not.
            if (item.Cited.Any(id => !room.MaySee(viewer, id) || room.Work(viewer, id) is null))
                continue;
            CaseItemView? view;
            try
            {
                view = item switch
                {
                    DocumentItem d => Build(room, viewer, item, [(d.Id, d.Version, null, null, null)]),
                    PassageItem p => Build(room, viewer, item, [(p.Id, p.Version, p.Start, p.End, p.Text)]),
                    QuotationItem q => Build(room, viewer, item, [.. q.Matches.Concat(q.Nearest).Select(s => (s.Id, s.Version, (int?)s.Start, (int?)s.End, (string?)null))]),
                    CollationItem c => Build(room, viewer, item, [.. c.Witnesses.Select(w => (w.Id, w.Version, w.Start, w.End, (string?)null))]),
                    _ => new CaseItemView(0, item, [], null),
                };
            }
            catch (DamagedDocumentException exception)
            {
                view = new CaseItemView(0, item, [], null) { Damage = exception.Message };
            }
            if (view is null)
                continue;
            items.Add(view with { Number = items.Count + 1 });
        }
        return new CaseView(stored, items, withHistory ? room.CaseHistory(stored.Case.Id) : null);
    }

    /// <summary>The item with each citation read at its version; null where a cited version is not there to read.</summary>
    private static CaseItemView? Build(ReadingRoom room, Viewer viewer, CaseItem item, IReadOnlyList<(string Id, int Version, int? Start, int? End, string? Kept)> citations)
    {
        var cited = new List<CitedView>();
        var witnesses = new List<Witness>();
        var read = new List<(Document Document, CitedWitness Witness)>();
        foreach (var (id, version, start, end, kept) in citations)
        {
            if (room.Read(viewer, id, version) is not { } view)
                return null;
            var text = view.Document.BodyText;
            var archived = start is { } s && end is { } e ? (e <= text.Length && s < e ? text[s..e] : "") : null;
            var newest = room.Work(viewer, id)?.Version;
            var newer = newest > version ? newest : null;
            RangeChanges? since = null;
            if (newer is { } head && start is { } from && end is { } to && room.Read(viewer, id, head) is { } headView)
                since = VersionDiff.WithinRange(text, headView.Document.BodyText, from, to);
            cited.Add(new CitedView(id, version, view.Document.Title, start, end, item is PassageItem ? kept : archived, archived, newer, since) { Damaged = view.Stored.IsDamaged });
            if (item is CollationItem collation)
            {
                read.Add((view.Document, collation.Witnesses[read.Count]));
                witnesses.Add(Witness.FromText($"{id}@{version}", CaseItems.WitnessText(view.Document, read[^1].Witness)));
            }
        }
        return new CaseItemView(0, item, cited, witnesses.Count >= 2 ? Collator.Collate(Sigla(witnesses)) : null)
        {
            Testimonies = read is [var a, var b]
                ? CaseItems.AsTestimonies(a.Document, a.Witness, b.Document, b.Witness)
                : null,
        };
    }

    // A witness cited twice (two ranges of one version) needs a siglum of its own.
    private static List<Witness> Sigla(List<Witness> witnesses)
        => [.. witnesses.Select((w, k) => witnesses.Take(k).Any(o => o.Name == w.Name) ? w with { Name = $"{w.Name} ({k + 1})" } : w)];
}
