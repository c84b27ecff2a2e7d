using System.Text;

namespace Verbatim.Storage.Catalog.Postgres;

/// <summary>
/// The full text as PostgreSQL's tsvector and tsquery hold it, made here from words folded as
/// <see cref="SearchWords"/> folds them, so that both catalogs match the same words: PostgreSQL
/// parses nothing of a document's text or a user's query (every lexeme is quoted), and nothing a
/// user types can be read as query syntax.
/// </summary>
/// <remarks>
/// PostgreSQL keeps a word's places from 1 to 16,383 (later ones are all 16,383, so a phrase past
/// them is matched loosely), at most 256 places of one word, a lexeme of at most 2,046 bytes and a
/// tsvector of at most 1 MB: words are cut to <see cref="LongestWord"/> characters on both sides,
/// and a text's words past <see cref="LargestVectorBytes"/> are left out of its vector.
/// </remarks>
internal static class TextSearch
{
    private const int LastPosition = 16_383;
    private const int PlacesPerWord = 256;
    public const int LongestWord = 500;
    public const int LargestVectorBytes = 900_000;

    /// <summary>
    /// The tsvector literal of a document's fields, each word in the place it stands and weighted
    /// by its field (A to D). A place is left empty between two fields, so that no phrase is found
    /// across them, as FTS5 finds none across its columns.
    /// </summary>
    public static string Vector(IReadOnlyList<(string Text, char Weight)> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var places = new Dictionary<string, List<(int Position, char Weight)>>(StringComparer.Ordinal);
        var bytes = 0;
        var position = 0;
        foreach (var (text, weight) in fields)
        {
            foreach (var word in SearchWords.Split(text))
            {
                position = Math.Min(position + 1, LastPosition);
                var lexeme = Cut(word);
                if (!places.TryGetValue(lexeme, out var list))
                {
                    bytes += Encoding.UTF8.GetByteCount(lexeme) + 8;
                    if (bytes > LargestVectorBytes)
                        continue;
                    places[lexeme] = list = [];
                }
                if (list.Count < PlacesPerWord && (list.Count == 0 || list[^1].Position != position))
                {
                    list.Add((position, weight));
                    bytes += 2;
                }
            }
            position = Math.Min(position + 1, LastPosition);
        }
        var vector = new StringBuilder();
        foreach (var (lexeme, list) in places)
        {
            if (vector.Length > 0)
                vector.Append(' ');
            vector.Append(Quote(lexeme)).Append(':').AppendJoin(',', list.Select(p => $"{p.Position}{p.Weight}"));
        }
        return vector.ToString();
    }

    /// <summary>The tsquery literal of a parsed query (<see cref="FtsQuery"/>); null when it holds no word.</summary>
    public static string? Query(IReadOnlyList<QueryTerm> terms)
    {
        if (!terms.Any(t => t.Kind == QueryTermKind.Words))
            return null;
        var query = new StringBuilder();
        foreach (var term in terms)
        {
            if (query.Length > 0)
                query.Append(' ');
            query.Append(term.Kind switch
            {
                QueryTermKind.Words => Phrase(term),
                QueryTermKind.And => "&",
                QueryTermKind.Or => "|",
                // FTS5's NOT is binary, "a NOT b": a and not b.
                QueryTermKind.Not => "& !",
                QueryTermKind.Open => "(",
                _ => ")",
            });
        }
        return query.ToString();
    }

    private static string Phrase(QueryTerm term)
    {
        var words = term.Words.Select(w => Quote(Cut(w))).ToList();
        if (term.Prefix)
            words[^1] += ":*";
        return words.Count == 1 ? words[0] : "(" + string.Join(" <-> ", words) + ")";
    }

    private static string Cut(string word)
    {
        if (word.Length <= LongestWord)
            return word;
        var length = char.IsHighSurrogate(word[LongestWord - 1]) ? LongestWord - 1 : LongestWord;
        return word[..length];
    }

    private static string Quote(string lexeme)
        => "'" + lexeme.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";
}
