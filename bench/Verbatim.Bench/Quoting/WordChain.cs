namespace Verbatim.Bench.Quoting;

/// <summary>
/// A first-order chain over words as they are written (punctuation kept on them): from each word,
/// the words seen after it, as often as seen. A walk follows the chain for most steps and jumps to
/// a word drawn from the whole text for the rest: a pure walk would copy long runs of the training
/// text wherever a rare word has one successor, and the archive would be full of false reuse.
/// </summary>
public sealed class WordChain
{
    private readonly Dictionary<string, List<string>> _next = new(StringComparer.Ordinal);
    private readonly List<string> _words = [];

    public int Words => _words.Count;

    public static WordChain Train(IEnumerable<string> texts)
    {
        var chain = new WordChain();
        foreach (var text in texts)
        {
            var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < words.Length; i++)
            {
                chain._words.Add(words[i]);
                if (i + 1 < words.Length)
                {
                    if (!chain._next.TryGetValue(words[i], out var next))
                        chain._next[words[i]] = next = [];
                    next.Add(words[i + 1]);
                }
            }
        }
        return chain;
    }

    public string AnyWord(Random random) => _words[random.Next(_words.Count)];

    public IEnumerable<string> Walk(int count, Random random, double followChain = 0.85)
    {
        var word = AnyWord(random);
        for (var i = 0; i < count; i++)
        {
            yield return word;
            word = random.NextDouble() < followChain && _next.TryGetValue(word, out var next) ? next[random.Next(next.Count)] : AnyWord(random);
        }
    }
}
