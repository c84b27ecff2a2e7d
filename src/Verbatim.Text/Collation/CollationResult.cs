namespace Verbatim.Text.Collation;

/// <summary>The result of collating witnesses: the variant graph and the alignment table read off it.</summary>
public sealed class CollationResult
{
    public CollationResult(IReadOnlyList<Witness> witnesses, VariantGraph graph, CollationOptions options)
    {
        Witnesses = witnesses;
        Graph = graph;
        Options = options;
        var ranks = graph.Ranks();
        var columns = graph.Vertices.Where(v => v != graph.Start && v != graph.End).Select(v => ranks[v.Id]).DefaultIfEmpty(0).Max();
        var cells = new string?[witnesses.Count][];
        for (var w = 0; w < witnesses.Count; w++)
            cells[w] = new string?[columns];
        foreach (var vertex in graph.Vertices)
        {
            foreach (var (witness, token) in vertex.Tokens)
                cells[witness][ranks[vertex.Id] - 1] = witnesses[witness].Tokens[token];
        }
        Table = cells;
        ColumnCount = columns;
    }

    public IReadOnlyList<Witness> Witnesses { get; }

    public VariantGraph Graph { get; }

    public CollationOptions Options { get; }

    public int ColumnCount { get; }

    /// <summary>witness → column → the token as it stands, or null for a gap.</summary>
    public IReadOnlyList<IReadOnlyList<string?>> Table { get; }

    /// <summary>
    /// Whether every witness reads the column alike (by key); a gap is a reading of its own, so a
    /// column where some witnesses are silent is a variant.
    /// </summary>
    public bool Agrees(int column) => Readings(column).Distinct(StringComparer.Ordinal).Count() == 1;

    private IEnumerable<string> Readings(int column)
        => Table.Select(row => row[column] is { } token ? "\u0001" + Options.Key(token) : "");

    /// <summary>
    /// The table with adjacent columns merged where the witnesses fall into the same groups of
    /// agreement: each witness's tokens of a segment joined by spaces, "" where it is silent.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> Segments()
    {
        var segments = Witnesses.Select(_ => new List<string>()).ToArray();
        int[]? previousGroups = null;
        var open = new List<string>[Witnesses.Count];
        for (var column = 0; column < ColumnCount; column++)
        {
            var groups = Groups(column);
            if (previousGroups is null || !groups.SequenceEqual(previousGroups))
            {
                for (var w = 0; w < Witnesses.Count; w++)
                {
                    if (open[w] is { } words)
                        segments[w].Add(string.Join(' ', words));
                    open[w] = [];
                }
            }
            for (var w = 0; w < Witnesses.Count; w++)
            {
                if (Table[w][column] is { } token)
                    open[w].Add(token);
            }
            previousGroups = groups;
        }
        for (var w = 0; w < Witnesses.Count; w++)
        {
            if (open[w] is { } words)
                segments[w].Add(string.Join(' ', words));
        }
        return segments;
    }

    /// <summary>Each witness's group in the column: witnesses reading alike share a number, numbered in witness order.</summary>
    private int[] Groups(int column)
    {
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        return [.. Readings(column).Select(r => numbers.TryGetValue(r, out var n) ? n : numbers[r] = numbers.Count)];
    }
}
