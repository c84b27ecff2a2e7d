namespace Verbatim.Access;

/// <summary>
/// What one viewer may not see on one day: the ids of the documents closed to them. Open
/// documents are never listed, so it is as small as the closed part of the archive, and the
/// viewer who sees everything has it empty.
/// </summary>
public sealed class Visibility
{
    private static readonly IReadOnlySet<string> None = new HashSet<string>(StringComparer.Ordinal);

    private Visibility(IReadOnlySet<string> hidden) => Hidden = hidden;

    /// <summary>Every document may be seen.</summary>
    public static Visibility Everything { get; } = new(None);

    public IReadOnlySet<string> Hidden { get; }

    /// <param name="closed">Every document whose access is not open, by id.</param>
    /// <param name="partOf">Each part of a compilation, with its compilation's id.</param>
    /// <remarks>
    /// A compilation's source bytes and text hold every part of it, so a compilation is hidden from
    /// whoever may not see one of its parts, whatever its own access: its bytes cannot be served
    /// without the part's words.
    /// </remarks>
    public static Visibility For(Viewer viewer, IReadOnlyDictionary<string, DocumentAccess> closed, DateOnly today, IReadOnlyDictionary<string, string>? partOf = null)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(closed);
        if (viewer.SeesEverything)
            return Everything;
        var hidden = closed.Where(c => !viewer.MaySee(c.Value, today)).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        if (partOf is not null)
        {
            foreach (var part in hidden.ToList())
            {
                if (partOf.TryGetValue(part, out var compilation))
                    hidden.Add(compilation);
            }
        }
        return hidden.Count == 0 ? Everything : new Visibility(hidden);
    }

    public bool MaySee(string id) => !Hidden.Contains(id);
}
