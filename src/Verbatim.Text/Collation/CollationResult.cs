namespace Verbatim.Text.Collation;

/// <summary>The result of collating witnesses: the variant graph and the alignment table read off it.</summary>
public sealed class CollationResult
{
    // witness → column → the token's comparison key marked as a reading, or "" for a gap; made
    // once here, so that agreement, segments and transpositions never compute a key again.
    private readonly string[][] _readings;

    /// <param name="keys">witness → token → its key under <paramref name="options"/>, as the collator compared them.</param>
    internal CollationResult(IReadOnlyList<Witness> witnesses, VariantGraph graph, CollationOptions options, IReadOnlyList<string[]> keys)
    {
        Witnesses = witnesses;
        Graph = graph;
        Options = options;
        var ranks = graph.Ranks();
        var columns = graph.Vertices.Where(v => v != graph.Start && v != graph.End).Select(v => ranks[v.Id]).DefaultIfEmpty(0).Max();
        var cells = new string?[witnesses.Count][];
        _readings = new string[witnesses.Count][];
        for (var w = 0; w < witnesses.Count; w++)
        {
            cells[w] = new string?[columns];
            _readings[w] = new string[columns];
            Array.Fill(_readings[w], "");
        }
        foreach (var vertex in graph.Vertices)
        {
            foreach (var (witness, token) in vertex.Tokens)
            {
                cells[witness][ranks[vertex.Id] - 1] = witnesses[witness].Tokens[token];
                _readings[witness][ranks[vertex.Id] - 1] = "\u0001" + keys[witness][token];
            }
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

    private IEnumerable<string> Readings(int column) => _readings.Select(row => row[column]);

    /// <summary>The table (or, with <paramref name="segments"/>, its segments) with "" for every gap: what the writers print.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Rows(bool segments)
        => segments ? Segments() : [.. Table.Select(r => (IReadOnlyList<string>)[.. r.Select(t => t ?? "")])];

    /// <summary>
    /// The first column of each segment: adjacent columns form one segment where the witnesses
    /// fall into the same groups of agreement. So a segment agrees exactly when its first column does.
    /// </summary>
    public IReadOnlyList<int> SegmentStarts()
    {
        var starts = new List<int>();
        int[]? previous = null;
        for (var column = 0; column < ColumnCount; column++)
        {
            var groups = Groups(column);
            if (previous is null || !groups.SequenceEqual(previous))
                starts.Add(column);
            previous = groups;
        }
        return starts;
    }

    /// <summary>The table by segments: each witness's tokens of a segment joined by spaces, "" where it is silent.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Segments()
    {
        var starts = SegmentStarts();
        return [.. Table.Select(row => (IReadOnlyList<string>)[.. starts.Select((first, k) =>
            string.Join(' ', Enumerable.Range(first, (k + 1 < starts.Count ? starts[k + 1] : ColumnCount) - first).Select(c => row[c]).OfType<string>()))])];
    }

    /// <summary>
    /// Blocks of at least <paramref name="minimumLength"/> tokens that two witnesses both read but
    /// in different places: in neither place are they aligned with each other. The longest blocks
    /// are taken first and no token belongs to two blocks of one pair.
    /// </summary>
    public IReadOnlyList<Transposition> Transpositions(int minimumLength = 3)
    {
        var found = new List<Transposition>();
        for (var x = 0; x < Witnesses.Count; x++)
        {
            for (var y = x + 1; y < Witnesses.Count; y++)
                found.AddRange(Transposed(x, y, minimumLength));
        }
        return found;
    }

    private IEnumerable<Transposition> Transposed(int x, int y, int minimumLength)
    {
        var (xs, ys) = (Unaligned(x, y), Unaligned(y, x));
        var starts = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var j = 0; j + minimumLength <= ys.Count; j++)
        {
            if (Run(ys, j, minimumLength) is { } gram)
                (starts.TryGetValue(gram, out var list) ? list : starts[gram] = []).Add(j);
        }
        var candidates = new List<(int I, int J, int Length)>();
        for (var i = 0; i + minimumLength <= xs.Count; i++)
        {
            if (Run(xs, i, minimumLength) is not { } gram || !starts.TryGetValue(gram, out var list))
                continue;
            foreach (var j in list)
            {
                var length = minimumLength;
                while (i + length < xs.Count && j + length < ys.Count && Follows(xs, i + length) && Follows(ys, j + length) && xs[i + length].Key == ys[j + length].Key)
                    length++;
                candidates.Add((i, j, length));
            }
        }
        var usedX = new HashSet<int>();
        var usedY = new HashSet<int>();
        foreach (var (i, j, length) in candidates.OrderByDescending(c => c.Length).ThenBy(c => c.I).ThenBy(c => c.J))
        {
            if (Enumerable.Range(i, length).Any(usedX.Contains) || Enumerable.Range(j, length).Any(usedY.Contains))
                continue;
            usedX.UnionWith(Enumerable.Range(i, length));
            usedY.UnionWith(Enumerable.Range(j, length));
            yield return new Transposition(
                [Witnesses[x].Name, Witnesses[y].Name],
                [(xs[i].Column, xs[i + length - 1].Column), (ys[j].Column, ys[j + length - 1].Column)],
                [.. Enumerable.Range(i, length).Select(k => Table[x][xs[k].Column]!)]);
        }
    }

    /// <summary>Witness a's tokens, in order, at the columns where witness b does not read them alike.</summary>
    private List<(int Column, int Token, string Key)> Unaligned(int a, int b)
    {
        var tokens = new List<(int Column, int Token, string Key)>();
        var index = 0;
        for (var column = 0; column < ColumnCount; column++)
        {
            if (Table[a][column] is null)
                continue;
            if (_readings[b][column] != _readings[a][column])
                tokens.Add((column, index, _readings[a][column]));
            index++;
        }
        return tokens;
    }

    /// <summary>Whether the unaligned token at k follows the one before it directly in its witness.</summary>
    private static bool Follows(List<(int Column, int Token, string Key)> tokens, int k) => tokens[k].Token == tokens[k - 1].Token + 1;

    /// <summary>The keys of tokens [start, start+length) joined, when they stand one after another in the witness; else null.</summary>
    private static string? Run(List<(int Column, int Token, string Key)> tokens, int start, int length)
    {
        for (var k = start + 1; k < start + length; k++)
        {
            if (!Follows(tokens, k))
                return null;
        }
        return string.Join('', tokens.Skip(start).Take(length).Select(t => t.Key));
    }

    /// <summary>Each witness's group in the column: witnesses reading alike share a number, numbered in witness order.</summary>
    private int[] Groups(int column)
    {
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        return [.. Readings(column).Select(r => numbers.TryGetValue(r, out var n) ? n : numbers[r] = numbers.Count)];
    }
}

/// <summary>A block two witnesses read in different places: for each witness, its first and last column; the tokens as the first witness has them.</summary>
public sealed record Transposition(IReadOnlyList<string> Witnesses, IReadOnlyList<(int First, int Last)> Columns, IReadOnlyList<string> Tokens);
