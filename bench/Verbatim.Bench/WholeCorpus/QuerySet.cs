using System.Text.RegularExpressions;

namespace Verbatim.Bench.WholeCorpus;

/// <param name="Class">word, phrase, prefix, and, or, author filter, year filter.</param>
/// <param name="Text">In the syntax both engines read alike: words, "a phrase", prefix*, AND, OR.</param>
/// <param name="Author">A full author name key (as ResultIndex.NameKey makes it), or null.</param>
/// <param name="Year">The one year the documents must be dated in, or null.</param>
public sealed record BenchQuery(string Class, string Text, string? Author, int? Year);

/// <summary>
/// The queries both engines answer, drawn with a fixed seed from words that are in the corpus.
/// Only words of letters alone are drawn: each engine splits words at other characters in its
/// own way, and a query made of letters means the same to both.
/// </summary>
public static partial class QuerySet
{
    private sealed record Text(ExportedWords Words, BenchDocument Document);

    private sealed record BenchDocument(IReadOnlyList<string> Authors, int? Year);

    private sealed record ExportedWords(string Body, List<Match> Tokens);

    public static List<BenchQuery> Build(IReadOnlyList<ArchiveBenchmark.ExportedDocument> documents, int seed)
    {
        var random = new Random(seed);
        // Copies of one letter hold the same text; words are drawn from each text once.
        var texts = documents
            .GroupBy(d => d.Body, StringComparer.Ordinal)
            .Select(g => g.First())
            .Where(d => d.Body.Length > 0)
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .Select(d => new Text(new ExportedWords(d.Body, [.. Word().Matches(d.Body).Cast<Match>()]), new BenchDocument(d.Authors, d.Year)))
            .Where(t => t.Words.Tokens.Count > 0)
            .ToList();
        var vocabulary = texts.SelectMany(t => t.Words.Tokens.Select(m => m.Value.ToLowerInvariant()))
            .Where(w => w.Length >= 4)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

        // A word drawn from a random place of a random text: common words come up as often as
        // they are common.
        string RunningWord(Text? within = null, int minLength = 4)
        {
            while (true)
            {
                var text = within ?? texts[random.Next(texts.Count)];
                var token = text.Words.Tokens[random.Next(text.Words.Tokens.Count)].Value;
                if (token.Length >= minLength)
                    return token.ToLowerInvariant();
            }
        }

        string VocabularyWord() => vocabulary[random.Next(vocabulary.Count)];

        string Phrase()
        {
            while (true)
            {
                var text = texts[random.Next(texts.Count)];
                var tokens = text.Words.Tokens;
                if (tokens.Count < 2)
                    continue;
                var i = random.Next(tokens.Count - 1);
                var (first, second) = (tokens[i], tokens[i + 1]);
                // Two words with one space between them are next to each other for both engines.
                if (first.Length >= 3 && second.Length >= 3 && second.Index == first.Index + first.Length + 1 && text.Words.Body[first.Index + first.Length] == ' ')
                    return $"\"{first.Value.ToLowerInvariant()} {second.Value.ToLowerInvariant()}\"";
            }
        }

        var authorKeys = documents.SelectMany(d => d.Authors).Distinct(StringComparer.Ordinal).ToList();
        // Verbatim's author filter matches any author whose name contains the one asked for;
        // Xapian's boolean term matches the whole name. Names no other name contains select the
        // same documents in both.
        var filterAuthors = authorKeys
            .Where(k => k.Length > 0 && !authorKeys.Any(other => other != k && other.Contains(k, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .ToList();
        var years = texts.Where(t => t.Document.Year is not null).Select(t => t.Document.Year!.Value).Distinct().Order().ToList();

        var queries = new List<BenchQuery>();
        for (var i = 0; i < 30; i++)
            queries.Add(new BenchQuery("word", VocabularyWord(), null, null));
        for (var i = 0; i < 30; i++)
            queries.Add(new BenchQuery("word", RunningWord(), null, null));
        for (var i = 0; i < 40; i++)
            queries.Add(new BenchQuery("phrase", Phrase(), null, null));
        for (var i = 0; i < 30; i++)
            queries.Add(new BenchQuery("prefix", RunningWord(minLength: 6)[..4] + "*", null, null));
        for (var i = 0; i < 30; i++)
        {
            var text = texts[random.Next(texts.Count)];
            queries.Add(new BenchQuery("and", $"{RunningWord(text)} AND {RunningWord(text)}", null, null));
        }
        for (var i = 0; i < 30; i++)
            queries.Add(new BenchQuery("or", $"{VocabularyWord()} OR {RunningWord()}", null, null));
        for (var i = 0; i < 15; i++)
        {
            var author = filterAuthors[random.Next(filterAuthors.Count)];
            var by = texts.Where(t => t.Document.Authors.Contains(author)).ToList();
            var word = by.Count > 0 ? RunningWord(by[random.Next(by.Count)]) : RunningWord();
            queries.Add(new BenchQuery("author filter", word, author, null));
        }
        for (var i = 0; i < 15; i++)
            queries.Add(new BenchQuery("year filter", RunningWord(), null, years[random.Next(years.Count)]));
        return queries;
    }

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();
}
