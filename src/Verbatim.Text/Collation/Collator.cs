namespace Verbatim.Text.Collation;

/// <summary>
/// Collates witnesses into one variant graph, one witness at a time, and reads the alignment
/// table off the graph.
/// </summary>
/// <remarks>
/// Aligning a witness with the graph: the graph's vertices are laid out in topological order,
/// tokens and vertices whose keys occur exactly once on each side become anchors (the longest
/// run of them in the same order on both sides), and between two anchors a dynamic programme
/// chooses the matches: most matched tokens first, then most matches that continue a phrase (the
/// previous token matched the previous vertex and the graph already joins the two). So "very
/// quick brown" is matched where the graph reads it as one phrase, not in pieces. Unmatched
/// tokens become vertices of their own. The table's columns are the ranks of the vertices (the
/// longest path from the start), so readings that stand between the same neighbours share a
/// column, and transposed blocks stay in each witness's own order.
/// </remarks>
public static class Collator
{
    private const int MatchScore = 16;
    private const int PhraseBonus = 1;

    /// <summary>Past this many cells between two anchors, the gap is split again by its own anchors, or left unmatched.</summary>
    private const long MaxGapCells = 4_000_000;

    public static CollationResult Collate(IReadOnlyList<Witness> witnesses, CollationOptions? options = null)
    {
        options ??= CollationOptions.Exact;
        var graph = new VariantGraph([.. witnesses.Select(w => w.Name)]);
        var keys = witnesses.Select(w => w.Tokens.Select(options.Key).ToArray()).ToList();
        for (var w = 0; w < witnesses.Count; w++)
            Add(graph, w, keys[w]);
        return new CollationResult(witnesses, graph, options, keys);
    }

    private static void Add(VariantGraph graph, int witness, string[] keys)
    {
        var order = graph.TopologicalOrder().Where(v => v != graph.Start && v != graph.End).ToArray();
        var matched = new VariantVertex?[keys.Length];
        Align(graph, keys, order, 0, keys.Length, 0, order.Length, matched);

        var previous = graph.Start;
        for (var i = 0; i < keys.Length; i++)
        {
            var vertex = matched[i] ?? graph.Add(keys[i]);
            vertex.Tokens[witness] = i;
            graph.Connect(previous, vertex, witness);
            previous = vertex;
        }
        graph.Connect(previous, graph.End, witness);
    }

    /// <summary>Fills <paramref name="matched"/> for tokens [w0, w1) against vertices [v0, v1) of the order.</summary>
    private static void Align(VariantGraph graph, string[] keys, VariantVertex[] order, int w0, int w1, int v0, int v1, VariantVertex?[] matched)
    {
        if (w0 < w1 && v0 < v1)
            Between(graph, keys, order, w0, w1, v0, v1, matched, Anchors(keys, order, w0, w1, v0, v1));
    }

    /// <summary>Matches each anchor and aligns the gaps before, between and after them.</summary>
    private static void Between(VariantGraph graph, string[] keys, VariantVertex[] order, int w0, int w1, int v0, int v1, VariantVertex?[] matched, List<(int Token, int Vertex)> anchors)
    {
        var (w, v) = (w0, v0);
        foreach (var (aw, av) in anchors)
        {
            Gap(graph, keys, order, w, aw, v, av, matched);
            matched[aw] = order[av];
            (w, v) = (aw + 1, av + 1);
        }
        Gap(graph, keys, order, w, w1, v, v1, matched);
    }

    private static void Gap(VariantGraph graph, string[] keys, VariantVertex[] order, int w0, int w1, int v0, int v1, VariantVertex?[] matched)
    {
        if (w0 >= w1 || v0 >= v1)
            return;
        if ((long)(w1 - w0) * (v1 - v0) <= MaxGapCells)
            Programme(graph, keys, order, w0, w1, v0, v1, matched);
        else if (Anchors(keys, order, w0, w1, v0, v1) is { Count: > 0 } anchors)
            Between(graph, keys, order, w0, w1, v0, v1, matched, anchors);
    }

    /// <summary>
    /// Pairs of (token, vertex) whose key is unique among the tokens [w0, w1) and among the
    /// vertices [v0, v1), reduced to the longest chain increasing on both sides.
    /// </summary>
    private static List<(int Token, int Vertex)> Anchors(string[] keys, VariantVertex[] order, int w0, int w1, int v0, int v1)
    {
        var tokenCount = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = w0; i < w1; i++)
            tokenCount[keys[i]] = tokenCount.GetValueOrDefault(keys[i]) + 1;
        var vertexAt = new Dictionary<string, int>(StringComparer.Ordinal);
        var vertexCount = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var j = v0; j < v1; j++)
        {
            var key = order[j].Key;
            if (!tokenCount.ContainsKey(key))
                continue;
            vertexCount[key] = vertexCount.GetValueOrDefault(key) + 1;
            vertexAt[key] = j;
        }
        var pairs = new List<(int Token, int Vertex)>();
        for (var i = w0; i < w1; i++)
        {
            if (tokenCount[keys[i]] == 1 && vertexCount.GetValueOrDefault(keys[i]) == 1)
                pairs.Add((i, vertexAt[keys[i]]));
        }
        return LongestIncreasing(pairs);
    }

    /// <summary>The longest subsequence of pairs (already increasing in token) whose vertices increase too: patience sorting.</summary>
    private static List<(int Token, int Vertex)> LongestIncreasing(List<(int Token, int Vertex)> pairs)
    {
        var tails = new List<int>();
        var previous = new int[pairs.Count];
        for (var k = 0; k < pairs.Count; k++)
        {
            int lo = 0, hi = tails.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (pairs[tails[mid]].Vertex < pairs[k].Vertex)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            previous[k] = lo > 0 ? tails[lo - 1] : -1;
            if (lo == tails.Count)
                tails.Add(k);
            else
                tails[lo] = k;
        }
        var chain = new List<(int Token, int Vertex)>(tails.Count);
        for (var k = tails.Count > 0 ? tails[^1] : -1; k >= 0; k = previous[k])
            chain.Add(pairs[k]);
        chain.Reverse();
        return chain;
    }

    /// <summary>
    /// The dynamic programme between two anchors (or the ends). <c>best[i, j]</c> is the best score
    /// of tokens [w0, w0+i) against vertices [v0, v0+j); <c>ending[i, j]</c> the best one in which
    /// token w0+i-1 is matched to vertex v0+j-1. A match continues a phrase when the previous
    /// token matched the previous vertex of the order and the graph joins the two vertices; the
    /// anchors on either side count as such neighbours.
    /// </summary>
    private static void Programme(VariantGraph graph, string[] keys, VariantVertex[] order, int w0, int w1, int v0, int v1, VariantVertex?[] matched)
    {
        int n = w1 - w0, m = v1 - v0;
        const int Never = int.MinValue / 2;
        var best = new int[n + 1, m + 1];
        var ending = new int[n + 1, m + 1];
        for (var i = 0; i <= n; i++)
            ending[i, 0] = Never;
        for (var j = 0; j <= m; j++)
            ending[0, j] = Never;
        // The token before the gap matched the vertex before it (an anchor): a phrase may run on.
        var anchoredBefore = w0 > 0 && v0 > 0 && matched[w0 - 1] == order[v0 - 1];
        if (anchoredBefore)
            ending[0, 0] = 0;

        // The score of matching token w0+i-1 to vertex v0+j-1 as the next word of a phrase, or Never.
        int Continued(int i, int j)
            => ending[i - 1, j - 1] == Never || v0 + j - 2 < 0 || !graph.HasEdge(order[v0 + j - 2], order[v0 + j - 1]) ? Never : ending[i - 1, j - 1] + PhraseBonus;

        for (var i = 1; i <= n; i++)
        {
            for (var j = 1; j <= m; j++)
            {
                ending[i, j] = keys[w0 + i - 1] == order[v0 + j - 1].Key ? MatchScore + Math.Max(best[i - 1, j - 1], Continued(i, j)) : Never;
                best[i, j] = Math.Max(ending[i, j], Math.Max(best[i - 1, j], best[i, j - 1]));
            }
        }

        var anchoredAfter = w1 < matched.Length && v1 < order.Length && matched[w1] == order[v1];
        var closing = anchoredAfter && ending[n, m] != Never && graph.HasEdge(order[v1 - 1], order[v1]) ? ending[n, m] + PhraseBonus : Never;
        // Trace back. In a tie a match is kept, a phrase is kept whole, and a skipped vertex is
        // preferred to a skipped token.
        var (a, b) = (n, m);
        var inMatch = closing != Never && closing >= best[n, m];
        while (a > 0 && b > 0)
        {
            if (inMatch || best[a, b] == ending[a, b])
            {
                matched[w0 + a - 1] = order[v0 + b - 1];
                var continued = Continued(a, b);
                inMatch = continued != Never && ending[a, b] - MatchScore == continued;
                (a, b) = (a - 1, b - 1);
            }
            else if (best[a, b] == best[a, b - 1])
            {
                b--;
            }
            else
            {
                a--;
            }
        }
    }
}
