using System.Text;

namespace Verbatim.Text.Collation.Output;

/// <summary>
/// The variant graph in Graphviz's DOT language: a vertex per reading labelled with its tokens
/// (each witness's own spelling where they differ), an edge per step labelled with the witnesses
/// that take it.
/// </summary>
public static class VariantGraphDot
{
    public static string Write(CollationResult collation)
    {
        var graph = collation.Graph;
        var dot = new StringBuilder("digraph collation {\n  rankdir=LR;\n  node [shape=box, fontname=\"sans-serif\"];\n");
        foreach (var vertex in graph.Vertices)
        {
            var label = vertex == graph.Start ? "start" : vertex == graph.End ? "end" : Label(collation, vertex);
            dot.Append("  v").Append(vertex.Id).Append(" [label=").Append(Quote(label)).Append(vertex == graph.Start || vertex == graph.End ? ", shape=circle" : "").Append("];\n");
        }
        foreach (var (from, to, witnesses) in graph.Edges())
        {
            var names = string.Join(", ", witnesses.Order().Select(w => graph.Witnesses[w]));
            dot.Append("  v").Append(from.Id).Append(" -> v").Append(to.Id).Append(" [label=").Append(Quote(names)).Append("];\n");
        }
        return dot.Append("}\n").ToString();
    }

    private static string Label(CollationResult collation, VariantVertex vertex)
    {
        var spellings = vertex.Tokens.GroupBy(t => collation.Witnesses[t.Key].Tokens[t.Value], StringComparer.Ordinal).ToList();
        return spellings.Count == 1
            ? spellings[0].Key
            : string.Join("\n", spellings.Select(g => $"{g.Key} ({string.Join(", ", g.Select(t => collation.Witnesses[t.Key].Name))})"));
    }

    /// <summary>A DOT string literal: backslashes and quotes escaped, line breaks as DOT's \n.</summary>
    private static string Quote(string text)
        => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
}
