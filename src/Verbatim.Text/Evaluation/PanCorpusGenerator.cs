using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Verbatim.Text.Fingerprints;
using Verbatim.Text.Normalisation;
using Verbatim.Text.Tokens;

namespace Verbatim.Text.Evaluation;

/// <summary>Per word, how often a passage is changed: replaced, dropped, followed by an added word, swapped with its neighbour.</summary>
public sealed record WordEditRates(double Substitution, double Deletion, double Insertion, double Shuffle)
{
    public static WordEditRates None { get; } = new(0, 0, 0, 0);

    /// <summary>About one word in seven touched: 5 % replaced, 3 % dropped, 3 % added, 3 % swapped.</summary>
    public static WordEditRates Random { get; } = new(0.05, 0.03, 0.03, 0.03);
}

/// <summary>
/// What <see cref="PanCorpusGenerator"/> builds. Pairs come in three folders, as PAN 2013 lays them
/// out: <see cref="NoReusePairs"/> in "01-no-plagiarism", <see cref="VerbatimPairs"/> in
/// "02-no-obfuscation" (passages copied character for character), <see cref="EditedPairs"/> in
/// "03-random-obfuscation" (passages changed word by word at <see cref="Edits"/>); and in six more,
/// none by default, what real collections hold (issue 15): <see cref="EllipsisPairs"/>,
/// <see cref="BracketedPairs"/>, <see cref="WithinDocumentPairs"/>, and verbatim passages among
/// text shared without reuse (<see cref="BoilerplatePairs"/>, <see cref="StockPhrasePairs"/>,
/// <see cref="TopicPairs"/>). A pair holds one
/// to <see cref="MaximumCasesPerPair"/> passages of <see cref="MinimumPassageWords"/> to
/// <see cref="MaximumPassageWords"/> words. Real texts shorter than <see cref="MinimumDocumentWords"/>
/// (letters often are) are joined with the next ones into one document, so that passages lie apart
/// as they do in PAN's book-length documents. When the real texts run out as hosts, a suspicious
/// document is <see cref="SyntheticHostWords"/> words made up by a word-bigram chain over them.
/// </summary>
public sealed record PanCorpusOptions
{
    public int Seed { get; init; } = 1;

    public int NoReusePairs { get; init; } = 5;

    public int VerbatimPairs { get; init; } = 10;

    public int EditedPairs { get; init; } = 10;

    public WordEditRates Edits { get; init; } = WordEditRates.Random;

    public int MinimumPassageWords { get; init; } = 40;

    public int MaximumPassageWords { get; init; } = 300;

    public int MaximumCasesPerPair { get; init; } = 3;

    public int SyntheticHostWords { get; init; } = 2000;

    public int MinimumDocumentWords { get; init; } = 1000;

    /// <summary>Pairs whose passages leave words out, each gap marked by an ellipsis ("…", "[...]").</summary>
    public int EllipsisPairs { get; init; }

    /// <summary>Pairs whose passages carry an editor's words in square brackets ("[sic]", "[the Party]").</summary>
    public int BracketedPairs { get; init; }

    /// <summary>Documents that give one of their own passages again further on.</summary>
    public int WithinDocumentPairs { get; init; }

    /// <summary>Pairs with verbatim passages whose documents all carry one of a few letterheads or licence lines.</summary>
    public int BoilerplatePairs { get; init; }

    /// <summary>Pairs with verbatim passages whose documents carry common formulas of address and closing.</summary>
    public int StockPhrasePairs { get; init; }

    /// <summary>Pairs with verbatim passages whose documents are all made up from the words of one topic.</summary>
    public int TopicPairs { get; init; }
}

/// <summary>
/// Builds a PAN text-alignment corpus from real texts: each suspicious document is a host text with
/// passages of one source document inserted at sentence starts, verbatim or edited word by word,
/// and the truth records where each passage lies on both sides. Everything random is drawn from one
/// <see cref="Random"/> seeded by <see cref="PanCorpusOptions.Seed"/>, in a fixed order, so the
/// same texts and options give the same corpus byte for byte.
/// Each real text serves once, as a host or as a source (alternately, in the seeded shuffle; a
/// source needs room for two shortest passages), and each pair has a host and a source of its
/// own: when the real texts run out, both are made up, so that no text appears twice (which would
/// be reuse the truth does not know of).
/// </summary>
public static partial class PanCorpusGenerator
{
    public const string NoReuseFolder = "01-no-plagiarism";
    public const string VerbatimFolder = "02-no-obfuscation";
    public const string EditedFolder = "03-random-obfuscation";
    public const string EllipsisFolder = "04-ellipsis";
    public const string BracketedFolder = "05-bracketed-insertion";
    public const string WithinDocumentFolder = "06-within-document";
    public const string BoilerplateFolder = "07-boilerplate";
    public const string StockPhraseFolder = "08-stock-phrases";
    public const string TopicFolder = "09-one-topic";

    /// <summary>A case's obfuscation, as the truth names it: how the passage was changed on its way.</summary>
    public const string ObfuscationNone = "none";
    public const string ObfuscationRandom = "random";
    public const string ObfuscationEllipsis = "ellipsis";
    public const string ObfuscationBracketed = "bracketed-insertion";
    public const string ObfuscationWithinDocument = "within-document";

    /// <summary>A topic's documents are made up word by word from its words, one word in this many drawn afresh.</summary>
    private const int TopicRestartEvery = 2;

    public static PanCorpus Generate(IEnumerable<string> texts, PanCorpusOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        options ??= new PanCorpusOptions();
        if (options.MinimumPassageWords < 1 || options.MaximumPassageWords < options.MinimumPassageWords || options.MaximumCasesPerPair < 1)
            throw new ArgumentException("passages need at least one word, a maximum no smaller than the minimum, and at least one case a pair", nameof(options));
        var random = new Random(options.Seed);
        var shuffled = texts.Where(t => t.Any(c => !char.IsWhiteSpace(c))).ToList();
        Shuffle(shuffled, random);
        var chain = new Lazy<WordChain>(() => new WordChain(shuffled.Select(Words)));
        var pool = Documents(Unrelated(shuffled), options.MinimumDocumentWords).Select(t => (Text: t, Words: Words(t))).ToList();
        var (sources, hosts) = (new List<string>(), new List<string>());
        foreach (var (text, words) in pool)
        {
            if (words.Count >= 2 * options.MinimumPassageWords && sources.Count <= hosts.Count)
                sources.Add(text);
            else
                hosts.Add(text);
        }
        if (sources.Count == 0)
            throw new ArgumentException($"no text has the {2 * options.MinimumPassageWords} words a source needs", nameof(texts));
        var vocabulary = pool.SelectMany(t => t.Words.Select(w => w.Value)).ToList();

        var kinds = Enumerable.Repeat((Folder: NoReuseFolder, Obfuscation: (string?)null, Edits: WordEditRates.None), options.NoReusePairs)
            .Concat(Enumerable.Repeat((Folder: VerbatimFolder, Obfuscation: (string?)ObfuscationNone, Edits: WordEditRates.None), options.VerbatimPairs))
            .Concat(Enumerable.Repeat((Folder: EditedFolder, Obfuscation: (string?)ObfuscationRandom, options.Edits), options.EditedPairs))
            .ToList();
        var suspicious = new List<PanText>();
        var sourceDocuments = new List<PanText>();
        var pairs = new List<PanPair>();
        for (var k = 0; k < kinds.Count; k++)
        {
            var kind = kinds[k];
            var host = k < hosts.Count ? hosts[k] : chain.Value.Make(options.SyntheticHostWords, random);
            var source = k < sources.Count ? sources[k] : chain.Value.Make(options.SyntheticHostWords, random);
            var (suspiciousName, sourceName) = (Name("suspicious-document", k), Name("source-document", k));
            sourceDocuments.Add(new PanText(sourceName, source));

            var passages = kind.Obfuscation is null ? [] : Passages(source, options, random);
            var inserted = passages.Select(p => (p.Range, Text: kind.Edits == WordEditRates.None ? p.Range.Of(source) : Edit(p.Words, kind.Edits, vocabulary, random))).ToList();
            var (text, at) = Insert(host, [.. inserted.Select(p => p.Text)], random);
            suspicious.Add(new PanText(suspiciousName, text));
            var cases = inserted.Select((p, i) => new PanAnnotation(suspiciousName, at[i], sourceName, p.Range, kind.Obfuscation)).ToList();
            pairs.Add(new PanPair(suspiciousName, sourceName, kind.Folder, cases));
        }

        // The kinds of issue 15 come after the first three and draw only after them, so that a
        // corpus without them is the same as before they were added.
        var stretches = new List<PanStretch>();
        // A topic's words are plain words: a web address or a number that a chain can only copy
        // whole would make its documents share a run of many tokens, which is not a topic.
        var topic = new Lazy<WordChain>(() => new WordChain(
            [[.. Words(chain.Value.Make(options.SyntheticHostWords, random)).Where(w => w.Value.All(c => char.IsLetter(c) || c is '.' or ',' or ';' or ':' or '!' or '?' or '-' or '\''))]],
            TopicRestartEvery));
        var index = kinds.Count;
        foreach (var (folder, count) in new[]
        {
            (EllipsisFolder, options.EllipsisPairs), (BracketedFolder, options.BracketedPairs), (WithinDocumentFolder, options.WithinDocumentPairs),
            (BoilerplateFolder, options.BoilerplatePairs), (StockPhraseFolder, options.StockPhrasePairs), (TopicFolder, options.TopicPairs),
        })
        {
            for (var i = 0; i < count; i++, index++)
            {
                var (suspiciousName, sourceName) = (Name("suspicious-document", index), Name("source-document", index));
                if (folder == WithinDocumentFolder)
                {
                    var own = index < hosts.Count && Words(hosts[index]).Count >= 2 * options.MinimumPassageWords ? hosts[index] : chain.Value.Make(options.SyntheticHostWords, random);
                    var (repeated, @case) = RepeatWithin(own, suspiciousName, options, random);
                    suspicious.Add(new PanText(suspiciousName, repeated));
                    pairs.Add(new PanPair(suspiciousName, suspiciousName, folder, [@case]));
                    continue;
                }
                var (host, source) = folder == TopicFolder
                    ? (topic.Value.Make(options.SyntheticHostWords, random), topic.Value.Make(options.SyntheticHostWords, random))
                    : (index < hosts.Count ? hosts[index] : chain.Value.Make(options.SyntheticHostWords, random), index < sources.Count ? sources[index] : chain.Value.Make(options.SyntheticHostWords, random));
                var passages = Passages(source, options, random);
                var obfuscation = folder switch { EllipsisFolder => ObfuscationEllipsis, BracketedFolder => ObfuscationBracketed, _ => ObfuscationNone };
                var inserted = passages.Select(p => folder switch
                {
                    EllipsisFolder => Elide(p.Words, random),
                    BracketedFolder => Bracket(p.Words, random),
                    _ => p.Range.Of(source),
                }).ToList();
                List<string> phrases = folder == StockPhraseFolder ? [.. Pick(StockPhrases, random.Next(2, 4), random)] : [];
                var order = Enumerable.Range(0, inserted.Count + phrases.Count).ToList();
                Shuffle(order, random);
                var (text, placed) = Insert(host, [.. order.Select(n => n < inserted.Count ? inserted[n] : phrases[n - inserted.Count])], random);
                var at = new TextRange[order.Count];
                for (var n = 0; n < order.Count; n++)
                    at[order[n]] = placed[n];
                var sourceRanges = passages.Select(p => p.Range).ToArray();
                List<PanStretch> planted = [.. at.Skip(inserted.Count).Select(r => new PanStretch(suspiciousName, r, folder))];

                if (folder == StockPhraseFolder)
                {
                    // A source's formulas close it, after every passage taken from it.
                    var closing = string.Join(' ', Pick(StockPhrases, random.Next(1, 3), random));
                    planted.Add(new PanStretch(sourceName, new TextRange(source.Length + 2, closing.Length), folder));
                    source = source + "\n\n" + closing;
                }
                else if (folder == BoilerplateFolder)
                {
                    (text, var suspiciousShift, var suspiciousAt) = Frame(text, Boilerplate[random.Next(Boilerplate.Count)]);
                    (source, var sourceShift, var sourceAt) = Frame(source, Boilerplate[random.Next(Boilerplate.Count)]);
                    at = [.. at.Select(r => new TextRange(r.Start + suspiciousShift, r.Length))];
                    sourceRanges = [.. sourceRanges.Select(r => new TextRange(r.Start + sourceShift, r.Length))];
                    planted.Add(new PanStretch(suspiciousName, suspiciousAt, folder));
                    planted.Add(new PanStretch(sourceName, sourceAt, folder));
                }
                else if (folder == TopicFolder)
                {
                    planted.Add(new PanStretch(suspiciousName, new TextRange(0, text.Length), folder));
                    planted.Add(new PanStretch(sourceName, new TextRange(0, source.Length), folder));
                }
                suspicious.Add(new PanText(suspiciousName, text));
                sourceDocuments.Add(new PanText(sourceName, source));
                stretches.AddRange(planted);
                pairs.Add(new PanPair(suspiciousName, sourceName, folder,
                    [.. sourceRanges.Select((range, n) => new PanAnnotation(suspiciousName, at[n], sourceName, range, obfuscation))]));
            }
        }
        return new PanCorpus(suspicious, sourceDocuments, pairs) { NotReuse = stretches };
    }

    /// <summary>
    /// The text with one of its passages from its first half given again at a sentence start after
    /// it (or at its end), verbatim, and the case: the copy as the suspicious side, the first place as the source.
    /// </summary>
    private static (string Text, PanAnnotation Case) RepeatWithin(string text, string name, PanCorpusOptions options, Random random)
    {
        var words = Words(text);
        var length = random.Next(options.MinimumPassageWords, Math.Min(options.MaximumPassageWords, words.Count / 2) + 1);
        var first = random.Next(words.Count / 2 - length + 1);
        var range = TextRange.FromBounds(words[first].Index, words[first + length - 1].Index + words[first + length - 1].Length);
        var (tail, at) = Insert(text[range.End..], [range.Of(text)], random);
        var copy = new TextRange(range.End + at[0].Start, at[0].Length);
        return (text[..range.End] + tail, new PanAnnotation(name, copy, name, range, ObfuscationWithinDocument));
    }

    /// <summary>
    /// The words with one gap (two in a passage of 90 words or more) left out, each gap 2 words to
    /// a quarter of a part long and marked by an ellipsis; the first and the last word are kept, so
    /// the passage's source is its whole range.
    /// </summary>
    private static string Elide(List<string> words, Random random)
    {
        var gaps = words.Count >= 90 ? 2 : 1;
        var part = words.Count / (gaps + 1);
        var text = new StringBuilder();
        var from = 0;
        for (var g = 1; g <= gaps; g++)
        {
            var start = g * part - part / 4 + random.Next(part / 2 + 1);
            var length = random.Next(2, Math.Max(3, part / 4 + 1));
            text.AppendJoin(' ', words[from..start]).Append(' ').Append(EllipsisMarks[random.Next(EllipsisMarks.Count)]).Append(' ');
            from = start + length;
        }
        return text.AppendJoin(' ', words[from..]).ToString();
    }

    /// <summary>The words with one to three editorial insertions in square brackets, each after a word.</summary>
    private static string Bracket(List<string> words, Random random)
    {
        var edited = new List<string>(words);
        for (var count = random.Next(1, 4); count > 0; count--)
            edited.Insert(random.Next(1, edited.Count + 1), EditorialInsertions[random.Next(EditorialInsertions.Count)]);
        return string.Join(' ', edited);
    }

    /// <summary>The text with the boilerplate above it or below it, a blank line between; how far the text moved, and where the boilerplate lies.</summary>
    private static (string Text, int Shift, TextRange At) Frame(string text, BoilerplateText boilerplate) => boilerplate.AtTop
        ? (boilerplate.Text + "\n\n" + text, boilerplate.Text.Length + 2, new TextRange(0, boilerplate.Text.Length))
        : (text + "\n\n" + boilerplate.Text, 0, new TextRange(text.Length + 2, boilerplate.Text.Length));

    private static List<string> Pick(IReadOnlyList<string> from, int count, Random random)
    {
        var all = from.ToList();
        Shuffle(all, random);
        return all[..Math.Min(count, all.Count)];
    }

    /// <summary>
    /// The texts, in order, that share no run of five words (by the fingerprints' normal form) with
    /// an earlier text kept, nor repeat one within themselves. PAN's truth holds only the inserted
    /// passages, so the corpus's texts must be unrelated otherwise; letters are not: the Schnitzler
    /// letters repeat addresses and letterheads, and some quote each other.
    /// </summary>
    private static IEnumerable<string> Unrelated(List<string> texts)
    {
        var seen = new HashSet<ulong>();
        foreach (var text in texts)
        {
            var runs = FingerprintScheme.Default.Fingerprints("", Tokeniser.Tokenise(text)).Select(f => f.Hash).ToList();
            if (runs.Distinct().Count() != runs.Count || runs.Any(seen.Contains))
                continue;
            seen.UnionWith(runs);
            yield return text;
        }
    }

    /// <summary>The texts in order, consecutive short ones joined by a blank line until each document has the words asked for.</summary>
    private static IEnumerable<string> Documents(IEnumerable<string> texts, int minimumWords)
    {
        var document = new StringBuilder();
        var words = 0;
        foreach (var text in texts)
        {
            if (document.Length > 0)
                document.Append("\n\n");
            document.Append(text);
            words += Words(text).Count;
            if (words >= minimumWords)
            {
                yield return document.ToString();
                (document, words) = (new StringBuilder(), 0);
            }
        }
        if (document.Length > 0)
            yield return document.ToString();
    }

    private static string Name(string stem, int index) => stem + (index + 1).ToString("D5", CultureInfo.InvariantCulture) + ".txt";

    /// <summary>Non-overlapping passages in text order: the source is cut into as many equal parts as there are cases, one passage in each.</summary>
    private static List<(TextRange Range, List<string> Words)> Passages(string source, PanCorpusOptions options, Random random)
    {
        var words = Words(source);
        var count = random.Next(1, options.MaximumCasesPerPair + 1);
        count = Math.Max(1, Math.Min(count, words.Count / options.MinimumPassageWords));
        var part = words.Count / count;
        var passages = new List<(TextRange, List<string>)>();
        for (var c = 0; c < count; c++)
        {
            var length = random.Next(options.MinimumPassageWords, Math.Min(options.MaximumPassageWords, part) + 1);
            var first = c * part + random.Next(part - length + 1);
            var range = TextRange.FromBounds(words[first].Index, words[first + length - 1].Index + words[first + length - 1].Length);
            passages.Add((range, [.. words.Skip(first).Take(length).Select(w => w.Value)]));
        }
        return passages;
    }

    /// <summary>The words, changed at the rates in one pass (drop, replace, add), then adjacent words swapped; never empty.</summary>
    private static string Edit(List<string> words, WordEditRates rates, List<string> vocabulary, Random random)
    {
        var edited = new List<string>(words.Count + 8);
        foreach (var word in words)
        {
            var roll = random.NextDouble();
            if (roll >= rates.Deletion)
                edited.Add(roll < rates.Deletion + rates.Substitution ? vocabulary[random.Next(vocabulary.Count)] : word);
            if (random.NextDouble() < rates.Insertion)
                edited.Add(vocabulary[random.Next(vocabulary.Count)]);
        }
        if (edited.Count == 0)
            edited.Add(words[0]);
        for (var i = 0; i + 1 < edited.Count; i++)
        {
            if (random.NextDouble() < rates.Shuffle)
            {
                (edited[i], edited[i + 1]) = (edited[i + 1], edited[i]);
                i++;
            }
        }
        return string.Join(' ', edited);
    }

    /// <summary>
    /// The host with the passages inserted at distinct word starts that begin a sentence (any word
    /// start if it has too few, or its end), each followed by a space; and where each passage now lies.
    /// </summary>
    private static (string Text, TextRange[] At) Insert(string host, List<string> passages, Random random)
    {
        var words = Words(host);
        var sentenceStarts = words.Where((w, i) => i > 0 && words[i - 1].Value[^1] is '.' or '!' or '?').Select(w => w.Index).ToList();
        var points = sentenceStarts.Count >= passages.Count ? sentenceStarts : [.. words.Select(w => w.Index)];
        Shuffle(points, random);
        var chosen = points.Take(passages.Count).ToList();
        while (chosen.Count < passages.Count)
            chosen.Add(host.Length);
        chosen.Sort();

        var text = new StringBuilder(host.Length + passages.Sum(p => p.Length + 2));
        var at = new TextRange[passages.Count];
        var copied = 0;
        for (var i = 0; i < passages.Count; i++)
        {
            text.Append(host, copied, chosen[i] - copied);
            copied = chosen[i];
            if (copied == host.Length && text.Length > 0)
                text.Append(' ');
            at[i] = new TextRange(text.Length, passages[i].Length);
            text.Append(passages[i]);
            if (copied < host.Length)
                text.Append(' ');
        }
        text.Append(host, copied, host.Length - copied);
        return (text.ToString(), at);
    }

    private static void Shuffle<T>(List<T> list, Random random)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }

    private static List<Match> Words(string text) => NonSpace().Matches(text).ToList();

    [GeneratedRegex(@"\S+")]
    private static partial Regex NonSpace();

    /// <summary>
    /// Text made up word by word: each next word is one that follows the current word somewhere in
    /// the texts, drawn in proportion to how often it does, except that one word in
    /// <c>restartEvery</c> (four unless told) is drawn from all the words instead. Word frequencies and short
    /// phrases are those of the texts; the restarts break the long runs a word with one follower
    /// would copy, so made-up documents share little but their passages.
    /// </summary>
    private sealed class WordChain
    {
        private readonly Dictionary<string, List<string>> next = new(StringComparer.Ordinal);
        private readonly int restartEvery;
        private readonly List<string> all = [];

        public WordChain(IEnumerable<List<Match>> texts, int restartEvery = 4)
        {
            this.restartEvery = restartEvery;
            foreach (var words in texts)
            {
                all.AddRange(words.Select(w => w.Value));
                for (var i = 0; i + 1 < words.Count; i++)
                {
                    if (!next.TryGetValue(words[i].Value, out var followers))
                        next[words[i].Value] = followers = [];
                    followers.Add(words[i + 1].Value);
                }
            }
        }

        public string Make(int wordCount, Random random)
        {
            var text = new StringBuilder(wordCount * 7);
            var word = all[random.Next(all.Count)];
            for (var i = 0; i < wordCount; i++)
            {
                if (i > 0)
                    text.Append(i % 16 == 0 ? '\n' : ' ');
                text.Append(word);
                word = random.Next(restartEvery) > 0 && next.TryGetValue(word, out var followers)
                    ? followers[random.Next(followers.Count)]
                    : all[random.Next(all.Count)];
            }
            return text.ToString();
        }
    }
}
