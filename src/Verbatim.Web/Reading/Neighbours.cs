using Verbatim.Searching;

namespace Verbatim.Web.Reading;

/// <summary>The items before and after a document in one ordering of the archive.</summary>
public sealed record Neighbours(string Sequence, WorkEntry? Previous, WorkEntry? Next)
{
    /// <summary>Within the whole archive's chronology (the catalog's order: by date, undated last, then id).</summary>
    public static Neighbours InChronology(IReadOnlyList<WorkEntry> works, string id)
        => Around("the chronology", works, id);

    /// <summary>Within the document's source volume, in the same order; null where it names no volume.</summary>
    public static Neighbours? InVolume(IReadOnlyList<WorkEntry> works, WorkEntry work)
    {
        if (work.Volume is null)
            return null;
        var volume = works.Where(w => w.Volume == work.Volume && w.Collection == work.Collection).ToList();
        return Around(WorkLabels.Volume(work), volume, work.Id);
    }

    private static Neighbours Around(string sequence, IReadOnlyList<WorkEntry> works, string id)
    {
        var index = -1;
        for (var i = 0; i < works.Count; i++)
        {
            if (works[i].Id == id)
            {
                index = i;
                break;
            }
        }
        if (index < 0)
            return new Neighbours(sequence, null, null);
        return new Neighbours(sequence, index > 0 ? works[index - 1] : null, index < works.Count - 1 ? works[index + 1] : null);
    }
}
