namespace Verbatim.Text.Collation;

/// <summary>
/// The variant graph of a collation: a vertex for each reading that one or more witnesses share
/// (the tokens that were aligned), an edge wherever a witness passes from one reading to the next.
/// Every witness is a path from <see cref="Start"/> to <see cref="End"/>.
/// </summary>
/// <remarks>
/// Invariant: the graph is acyclic. <see cref="Collator"/> only matches a token to a vertex that
/// comes later in a topological order than the vertex the witness's previous token went to.
/// </remarks>
public sealed class VariantGraph
{
    private readonly List<VariantVertex> _vertices = [];
    private readonly List<SortedSet<int>> _successors = [];
    private readonly Dictionary<(int From, int To), SortedSet<int>> _edgeWitnesses = [];

    public VariantGraph(IReadOnlyList<string> witnesses)
    {
        Witnesses = witnesses;
        Start = Add("");
        End = Add("");
    }

    public IReadOnlyList<string> Witnesses { get; }

    public VariantVertex Start { get; }

    public VariantVertex End { get; }

    public IReadOnlyList<VariantVertex> Vertices => _vertices;

    public VariantVertex Add(string key)
    {
        var vertex = new VariantVertex(_vertices.Count, key);
        _vertices.Add(vertex);
        _successors.Add([]);
        return vertex;
    }

    public void Connect(VariantVertex from, VariantVertex to, int witness)
    {
        _successors[from.Id].Add(to.Id);
        if (!_edgeWitnesses.TryGetValue((from.Id, to.Id), out var witnesses))
            _edgeWitnesses[(from.Id, to.Id)] = witnesses = [];
        witnesses.Add(witness);
    }

    public bool HasEdge(VariantVertex from, VariantVertex to) => _successors[from.Id].Contains(to.Id);

    /// <summary>Every edge with the witnesses that take it, in vertex order.</summary>
    public IEnumerable<(VariantVertex From, VariantVertex To, IReadOnlyCollection<int> Witnesses)> Edges()
        => _edgeWitnesses.OrderBy(e => e.Key.From).ThenBy(e => e.Key.To).Select(e => (_vertices[e.Key.From], _vertices[e.Key.To], (IReadOnlyCollection<int>)e.Value));

    /// <summary>
    /// The vertices in a topological order, start first and end last; of the vertices ready at
    /// once, the one added first goes first, so the order is the same on every run.
    /// </summary>
    public IReadOnlyList<VariantVertex> TopologicalOrder()
    {
        var incoming = new int[_vertices.Count];
        foreach (var successors in _successors)
        {
            foreach (var to in successors)
                incoming[to]++;
        }
        var ready = new PriorityQueue<int, int>();
        ready.Enqueue(Start.Id, Start.Id);
        var order = new List<VariantVertex>(_vertices.Count);
        while (ready.TryDequeue(out var id, out _))
        {
            order.Add(_vertices[id]);
            foreach (var to in _successors[id])
            {
                if (--incoming[to] == 0)
                    ready.Enqueue(to, to);
            }
        }
        return order;
    }

    /// <summary>Each vertex's rank: the length of the longest path to it from the start (the start is 0).</summary>
    public int[] Ranks()
    {
        var ranks = new int[_vertices.Count];
        foreach (var vertex in TopologicalOrder())
        {
            foreach (var to in _successors[vertex.Id])
                ranks[to] = Math.Max(ranks[to], ranks[vertex.Id] + 1);
        }
        return ranks;
    }
}

/// <summary>One reading: the comparison key its tokens share, and for each witness that reads it, the token's place.</summary>
public sealed class VariantVertex(int id, string key)
{
    public int Id { get; } = id;

    public string Key { get; } = key;

    /// <summary>Witness index → index of its token in that witness.</summary>
    public SortedDictionary<int, int> Tokens { get; } = [];
}
