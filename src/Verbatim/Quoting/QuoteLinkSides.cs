using Verbatim.Model;

namespace Verbatim.Quoting;

/// <summary>
/// A document's quote links as a reader is told of them. <see cref="Quotes"/>: passages this
/// document took from another (dated before it) or gives again from an earlier place of itself;
/// <see cref="QuotedIn"/>: passages of it that another, later document took, or that it gives
/// again later; <see cref="SharedWith"/>: passages it shares with a document where the dates do
/// not say which took from which, so that neither is said to quote the other. <see cref="Boilerplate"/>:
/// the links that are boilerplate (<see cref="BoilerplateLinks"/>), left out of the three lists
/// unless asked for.
/// </summary>
public sealed record QuoteLinkSides(IReadOnlyList<QuoteLink> Quotes, IReadOnlyList<QuoteLink> QuotedIn, IReadOnlyList<QuoteLink> SharedWith, IReadOnlySet<QuoteLink> Boilerplate)
{
    public static QuoteLinkSides Of(string id, IReadOnlyList<QuoteLink> links, IReadOnlySet<QuoteLink>? boilerplate = null, bool withBoilerplate = false)
    {
        ArgumentNullException.ThrowIfNull(links);
        boilerplate ??= new HashSet<QuoteLink>();
        var shown = withBoilerplate ? links : [.. links.Where(l => !boilerplate.Contains(l))];
        var directed = shown.Where(l => l.SourceId == l.TargetId || l.Direction != ReuseDocuments.DirectionName(Text.Reuse.ReuseDirection.Undetermined)).ToList();
        return new(
            [.. directed.Where(l => l.TargetId == id)],
            [.. directed.Where(l => l.SourceId == id)],
            [.. shown.Except(directed)],
            boilerplate);
    }
}
