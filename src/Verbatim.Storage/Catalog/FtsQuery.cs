using System.Text;
using Verbatim.Searching;

namespace Verbatim.Storage.Catalog;

/// <summary>
/// Turns what a user types into a full-text query that cannot be a syntax error: every word and
/// phrase is quoted, so no character of the user's can be read as query syntax; only AND, OR, NOT
/// (in capitals, between two terms), parentheses, "phrases" and a trailing * for a prefix keep
/// their meaning. Unbalanced parentheses are reported with their place.
/// </summary>
/// <remarks>
/// A user's query is bounded (<see cref="ForUser"/>): FTS5's cost grows with every phrase of an
/// expression, and one address of 4 KB could hold two thousand of them. A word repeated in a
/// query of words alone means nothing more than the word once, so repeats are dropped before the
/// limits are applied.
/// </remarks>
public static class FtsQuery
{
    /// <summary>The most words (the words of a phrase each counted) a user's query may hold after repeats are dropped.</summary>
    public const int MaximumWords = 64;

    /// <summary>The most terms (words, phrases, operators and parentheses) a user's query may hold after repeats are dropped.</summary>
    public const int MaximumTerms = 128;

    private enum Kind { Term, And, Or, Not, Open, Close }

    private readonly record struct Token(Kind Kind, string Text, int Position, bool Prefix = false);

    /// <summary>
    /// A user's query: its FTS5 expression (null when it holds no word to look for) and the words
    /// a snippet marks (those not under NOT).
    /// </summary>
    /// <exception cref="QuerySyntaxException">Unbalanced parentheses, or more than the query may hold.</exception>
    public static UserQuery ForUser(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var tokens = Tokenise(query);
        if (tokens.All(t => t.Kind == Kind.Term))
            tokens = [.. tokens.DistinctBy(t => (t.Text.ToLowerInvariant(), t.Prefix))];
        if (tokens.Count > MaximumTerms)
            throw new QuerySyntaxException($"the query holds {tokens.Count} terms and operators; a search takes at most {MaximumTerms}", tokens[MaximumTerms].Position);
        var words = 0;
        foreach (var token in tokens.Where(t => t.Kind == Kind.Term))
        {
            words += SearchWords.Split(token.Text).Count;
            if (words > MaximumWords)
                throw new QuerySyntaxException($"the query holds more than {MaximumWords} different words; a search takes at most {MaximumWords}", token.Position);
        }
        var terms = Normalise(tokens, query);
        return new UserQuery(terms is null ? null : Fts5(terms), MarkedWords(tokens)) { Terms = terms is null ? [] : Terms(terms) };
    }

    /// <summary>The FTS5 expression, or null when the query holds no word to look for. Unbounded: for queries the program makes itself.</summary>
    public static string? Translate(string query) => Normalise(Tokenise(query), query) is { } terms ? Fts5(terms) : null;

    /// <summary>The query's terms as another full-text engine builds its query from them; empty when it holds no word. Unbounded, as <see cref="Translate(string)"/>.</summary>
    public static IReadOnlyList<QueryTerm> Terms(string query) => Normalise(Tokenise(query), query) is { } terms ? Terms(terms) : [];

    // Every AND stated, the implicit ones too; every term's words folded.
    private static List<QueryTerm> Terms(List<Token> tokens)
    {
        var terms = new List<QueryTerm>();
        Token? previous = null;
        foreach (var token in tokens)
        {
            if (previous is { } p && NeedsAnd(p.Kind, token.Kind))
                terms.Add(new QueryTerm(QueryTermKind.And, [], false));
            terms.Add(token.Kind == Kind.Term
                ? new QueryTerm(QueryTermKind.Words, SearchWords.Split(token.Text), token.Prefix)
                : new QueryTerm(token.Kind switch { Kind.And => QueryTermKind.And, Kind.Or => QueryTermKind.Or, Kind.Not => QueryTermKind.Not, Kind.Open => QueryTermKind.Open, _ => QueryTermKind.Close }, [], false));
            previous = token;
        }
        return terms;
    }

    /// <summary>The tokens as a query means them: an operator without a term on each side is a word, empty groups are gone; null when no word is left.</summary>
    private static List<Token>? Normalise(List<Token> tokens, string query)
    {
        CheckParentheses(tokens, query);
        var output = new List<Token>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind is Kind.And or Kind.Or or Kind.Not)
            {
                var before = output.Count > 0 && output[^1].Kind is Kind.Term or Kind.Close;
                var after = i + 1 < tokens.Count && tokens[i + 1].Kind is Kind.Term or Kind.Open;
                // An operator without a term on both sides is the word itself ("war AND").
                if (!before || !after)
                    token = new Token(Kind.Term, token.Text.ToLowerInvariant(), token.Position);
            }
            output.Add(token);
        }
        // Parentheses that enclose nothing add nothing; FTS5 rejects "()".
        output = RemoveEmptyGroups(output);
        return output.Any(t => t.Kind == Kind.Term) ? output : null;
    }

    private static string Fts5(List<Token> output)
    {
        var builder = new StringBuilder();
        Token? previous = null;
        foreach (var token in output)
        {
            // Two terms side by side mean both; FTS5's implicit AND needs no operator, but a term
            // after ")" or before "(" does.
            if (previous is { } p && NeedsAnd(p.Kind, token.Kind))
                builder.Append(" AND ");
            else if (builder.Length > 0)
                builder.Append(' ');
            builder.Append(token.Kind switch
            {
                Kind.Term => Quote(token.Text) + (token.Prefix ? "*" : ""),
                Kind.And => "AND",
                Kind.Or => "OR",
                Kind.Not => "NOT",
                Kind.Open => "(",
                _ => ")",
            });
            previous = token;
        }
        return builder.ToString();
    }

    // The words of every term outside a NOT: a NOT before a term drops that term, before "(" its whole group.
    private static IReadOnlyList<SearchWord> MarkedWords(List<Token> tokens)
    {
        var marked = new List<SearchWord>();
        var excludedDepth = -1;
        var depth = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind == Kind.Open)
                depth++;
            else if (token.Kind == Kind.Close)
            {
                depth--;
                if (depth < excludedDepth)
                    excludedDepth = -1;
            }
            else if (token.Kind == Kind.Not && i + 1 < tokens.Count)
            {
                if (tokens[i + 1].Kind == Kind.Open && excludedDepth < 0)
                    excludedDepth = depth + 1;
                else if (tokens[i + 1].Kind == Kind.Term)
                    i++;
            }
            else if (token.Kind == Kind.Term && excludedDepth < 0)
            {
                var words = SearchWords.Split(token.Text);
                for (var w = 0; w < words.Count; w++)
                    marked.Add(new SearchWord(words[w], token.Prefix && w == words.Count - 1));
            }
        }
        return [.. marked.Distinct()];
    }

    private static bool NeedsAnd(Kind left, Kind right)
        => left is Kind.Term or Kind.Close && right is Kind.Term or Kind.Open;

    private static string Quote(string text) => "\"" + text.Replace("\"", "\"\"") + "\"";

    private static List<Token> Tokenise(string query)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < query.Length)
        {
            var c = query[i];
            if (c == '"')
            {
                var end = query.IndexOf('"', i + 1);
                // An unclosed quote runs to the end: the user meant a phrase.
                var phrase = end < 0 ? query[(i + 1)..] : query[(i + 1)..end];
                var next = end < 0 ? query.Length : end + 1;
                var prefix = next < query.Length && query[next] == '*';
                if (phrase.Any(char.IsLetterOrDigit))
                    tokens.Add(new Token(Kind.Term, phrase, i, prefix));
                i = prefix ? next + 1 : next;
            }
            else if (c == '(' || c == ')')
            {
                tokens.Add(new Token(c == '(' ? Kind.Open : Kind.Close, c.ToString(), i));
                i++;
            }
            else if (char.IsLetterOrDigit(c))
            {
                var start = i;
                while (i < query.Length && (char.IsLetterOrDigit(query[i]) || IsInnerWordMark(query, i)))
                    i++;
                var word = query[start..i];
                var prefix = i < query.Length && query[i] == '*';
                if (prefix) i++;
                var kind = word switch
                {
                    "AND" => Kind.And,
                    "OR" => Kind.Or,
                    "NOT" => Kind.Not,
                    _ => Kind.Term,
                };
                tokens.Add(new Token(kind, word, start, prefix && kind == Kind.Term));
            }
            else
            {
                i++;
            }
        }
        return tokens;
    }

    // Marks that stay inside a word: "don't", "Lenin’s", "R.C.P.", "1921-10-20".
    private static bool IsInnerWordMark(string text, int i)
        => text[i] is '\'' or '’' or '.' or '-' && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]);

    private static void CheckParentheses(List<Token> tokens, string query)
    {
        var open = new Stack<int>();
        foreach (var token in tokens)
        {
            if (token.Kind == Kind.Open)
                open.Push(token.Position);
            else if (token.Kind == Kind.Close && !open.TryPop(out _))
                throw new QuerySyntaxException($"a ')' at position {token.Position + 1} closes nothing: \"{query}\"", token.Position);
        }
        if (open.TryPop(out var unclosed))
            throw new QuerySyntaxException($"the '(' at position {unclosed + 1} is never closed: \"{query}\"", unclosed);
    }

    private static List<Token> RemoveEmptyGroups(List<Token> tokens)
    {
        var changed = true;
        while (changed)
        {
            changed = false;
            for (var i = 0; i + 1 < tokens.Count; i++)
            {
                if (tokens[i].Kind == Kind.Open && tokens[i + 1].Kind == Kind.Close)
                {
                    tokens.RemoveRange(i, 2);
                    changed = true;
                    break;
                }
            }
        }
        return tokens;
    }
}

/// <param name="Match">The FTS5 expression; null when the query holds no word.</param>
/// <param name="Marked">The folded words a snippet marks.</param>
public sealed record UserQuery(string? Match, IReadOnlyList<SearchWord> Marked)
{
    /// <summary>The terms <see cref="Match"/> was made of, for another full-text engine; empty when it is null.</summary>
    public IReadOnlyList<QueryTerm> Terms { get; init; } = [];
}

public enum QueryTermKind { Words, And, Or, Not, Open, Close }

/// <summary>A term of a parsed query: a word or phrase (its folded words; the last a prefix where <paramref name="Prefix"/>), an operator or a parenthesis.</summary>
public sealed record QueryTerm(QueryTermKind Kind, IReadOnlyList<string> Words, bool Prefix);
