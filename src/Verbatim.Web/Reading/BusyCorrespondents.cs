using Verbatim.Names;

namespace Verbatim.Web.Reading;

/// <summary>The network's "minimum letters" filter, which the network page and /api/network share.</summary>
public static class BusyCorrespondents
{
    /// <summary>
    /// Only the people with at least <paramref name="min"/> letters (sent and received, as the
    /// whole network counts them) and the edges between two of them; the letters are those the
    /// edges kept carry.
    /// </summary>
    public static CorrespondenceNetwork WithAtLeast(this CorrespondenceNetwork network, int? min)
    {
        if (min is not > 1)
            return network;
        List<NetworkNode> kept = [.. network.Nodes.Where(n => n.Sent + n.Received >= min)];
        var ids = kept.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        List<NetworkEdge> edges = [.. network.Edges.Where(e => ids.Contains(e.Source) && ids.Contains(e.Target))];
        return new CorrespondenceNetwork(kept, edges, edges.SelectMany(e => e.Documents).Distinct(StringComparer.Ordinal).Count());
    }
}
