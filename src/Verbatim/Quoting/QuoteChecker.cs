using Verbatim.Archiving;
using Verbatim.Searching;
using Verbatim.Text.Alignment;
using Verbatim.Text.Normalisation;
using Verbatim.Text.Reuse;
using Verbatim.Text.Tokens;

namespace Verbatim.Quoting;

/// <summary>
/// Finds where in the archive a quotation comes from and how faithfully it reproduces it.
/// Candidates come from the catalog's fingerprints (runs of five words); the documents sharing
/// the most of the quotation's words are aligned with it word by word, the alignment completed at
/// the quotation's edges (<see cref="QuotationEdges"/>) so that a replaced opening or closing
/// phrase is reported, and every difference classified. When no run of five words survives
/// (every few words changed), a full-text search for the quotation's words proposes the
/// documents to align instead, and what they give is reported as the nearest partial matches.
/// </summary>
/// <param name="hidden">Documents the check must not find, match or propose: those the asking viewer may not see.</param>
public sealed class QuoteChecker(ICatalog catalog, IReadOnlySet<string>? hidden = null)
{
    public const int MinimumWords = 5;

    /// <summary>The most words a quotation may hold: some twenty pages, more than any quotation in a text.</summary>
    public const int MaximumWords = 10_000;

    /// <summary>How long a check may work before it is stopped; every surface asks the same.</summary>
    public static readonly TimeSpan DefaultTimeLimit = TimeSpan.FromSeconds(5);

    // Not a document id: ids are never empty and never hold control characters.
    private const string QuotationId = "\u0000quotation";

    private const int NearestShown = 3;

    // Documents the full-text fallback aligns: its ranking knows words, not their order, so the
    // best alignment is often not among its first few.
    private const int FallbackCandidates = 10;

    private const int FallbackWords = 8;

    // Room for the source words of a passage being longer than the quotation's words they stand for.
    private const int EdgeCharacters = 200;

    private readonly Dictionary<string, (CatalogText Text, ReuseDocument Reuse)> _documents = new(StringComparer.Ordinal);

    /// <summary>Checks a quotation of <see cref="MinimumWords"/> to <see cref="MaximumWords"/> words.</summary>
    /// <remarks>
    /// The work is bounded: the time is looked at between candidates, so a check overruns its
    /// limit by one alignment at most; the caller's cancellation stops it at the same places.
    /// </remarks>
    /// <exception cref="ArchiveException">The quotation has fewer or more words.</exception>
    /// <exception cref="QueryTooCostlyException">The check ran past <paramref name="timeLimit"/> (<see cref="DefaultTimeLimit"/> where null).</exception>
    /// <exception cref="OperationCanceledException">The caller cancelled.</exception>
    public QuoteCheck Check(string quotation, int maximumMatches = 10, TimeSpan? timeLimit = null, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var limit = timeLimit ?? DefaultTimeLimit;
        if (limit <= TimeSpan.Zero)
            deadline.Cancel();
        else
            deadline.CancelAfter(limit);
        try
        {
            return Check(quotation, maximumMatches, deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new QueryTooCostlyException($"the check was stopped after {limit.TotalSeconds:0.#} s; check a shorter passage");
        }
    }

    private QuoteCheck Check(string quotation, int maximumMatches, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(quotation);
        stop.ThrowIfCancellationRequested();
        var quoted = Tokeniser.Tokenise(quotation);
        if (quoted.Tokens.Count < MinimumWords)
            throw new ArchiveException($"a quotation needs at least {MinimumWords} words to be checked (this one has {quoted.Tokens.Count}); search finds shorter phrases");
        if (quoted.Tokens.Count > MaximumWords)
            throw new ArchiveException($"a quotation may hold at most {MaximumWords} words to be checked (this one has {quoted.Tokens.Count}); check it a part at a time");

        // A match must have most of a short quotation's words, and the eight words a passage needs
        // in a long one.
        var required = Math.Min(ReuseOptions.Default.MinimumMatchedWords, Math.Max(3, (int)Math.Ceiling(quoted.Tokens.Count * 0.6)));
        var detector = new ReuseDetector(ReuseOptions.Default with { MinimumMatchedWords = 2 });
        var passages = detector.DetectIn(new ReuseDocument(QuotationId, quotation), new CatalogFingerprints(catalog, hidden), Resolve,
            maximumDocuments: Math.Max(2 * maximumMatches, 16));
        var pieces = QuotationPieces.Of(quoted);
        var aligned = Ranked(passages.Select(p =>
        {
            stop.ThrowIfCancellationRequested();
            return pieces.Count > 1 ? Joined(p, quoted, pieces, stop) : Match(p.SourceId, p.SourceOffset, p.Alignment, quoted.Tokens.Count);
        }));
        if (pieces.Count > 1)
            aligned = WithoutOverlaps(aligned);

        if (!aligned.Any(m => m.MatchedWords >= required))
        {
            // Every run of five words may have been broken by changed words: the documents that
            // hold the quotation's rarer words are aligned too, and may still hold its source.
            var known = aligned.Select(m => (m.Id, m.Start)).ToHashSet();
            aligned = Ranked([.. aligned, .. FullTextCandidates(quoted, stop).Where(m => !known.Contains((m.Id, m.Start)))]);
        }
        var matches = aligned.Where(m => m.MatchedWords >= required).Take(maximumMatches).ToList();
        return matches.Count > 0
            ? new QuoteCheck(quoted.Tokens.Count, matches, [])
            : new QuoteCheck(quoted.Tokens.Count, [], [.. aligned.Take(NearestShown)]);
    }

    /// <param name="sourceOffset">Where the alignment's source text starts in the document's body text (a window of it, or all of it at 0).</param>
    private QuoteMatch Match(string documentId, int sourceOffset, LocalAlignment alignment, int quotedWords)
    {
        var covered = QuotationEdges.Cover(alignment);
        var document = _documents[documentId].Text;
        var source = covered.SourceRange;
        var quoting = covered.QuotingRange;
        return new QuoteMatch(document.Id, document.Title, document.Date, sourceOffset + source.Start, sourceOffset + source.End,
            quoting.Start, quoting.End, Math.Round((double)covered.MatchedWords / quotedWords, 4), covered.MatchedWords,
            source.Of(covered.Source.Original), [.. DifferenceClassifier.Classify(covered).Select(d => QuoteDifference.Of(d, sourceOffset))]);
    }

    /// <summary>
    /// The quotation's pieces (cut at its ellipses) aligned in the passage's document, starting
    /// from the piece the passage holds most of; the document is tokenised only as far around the
    /// passage as the pieces before and after it may lie.
    /// </summary>
    private QuoteMatch Joined(QuotationPassage passage, TokenisedText quoted, IReadOnlyList<QuotationPiece> pieces, CancellationToken stop)
    {
        var text = Resolve(passage.SourceId).Text;
        var found = passage.Alignment.SourceRange;
        var anchor = new TextRange(passage.SourceOffset + found.Start, found.Length);
        var reach = ((pieces.Count - 1) * QuotationPieces.MaximumOmittedCharacters) + quoted.Original.Length + EdgeCharacters;
        var (start, end) = TextWindow.Around(text, anchor.Start, anchor.End, reach);
        var window = Tokeniser.Tokenise(text[start..end]);
        var joined = QuotationPieces.Join(window, quoted, pieces, QuotationPieces.Holding(pieces, passage.Alignment), anchor with { Start = anchor.Start - start },
            cancellationToken: stop);
        return joined.IsEmpty
            ? Match(passage.SourceId, passage.SourceOffset, passage.Alignment, quoted.Tokens.Count)
            : Match(passage.SourceId, start, joined, quoted.Tokens.Count);
    }

    /// <summary>
    /// Each place once: passages found by different pieces of one quotation lead to the same
    /// joined match, or to overlapping ones, of which the better ranked stays.
    /// </summary>
    private static List<QuoteMatch> WithoutOverlaps(List<QuoteMatch> ranked)
    {
        var kept = new List<QuoteMatch>();
        foreach (var match in ranked)
        {
            if (!kept.Any(k => k.Id == match.Id && match.Start < k.End && k.Start < match.End))
                kept.Add(match);
        }
        return kept;
    }

    /// <summary>Best first: the most of the quotation found, then the earliest document (the likelier original), then by id.</summary>
    private static List<QuoteMatch> Ranked(IEnumerable<QuoteMatch> matches) =>
        [.. matches.OrderByDescending(m => m.Score).ThenBy(m => m.Date ?? "9999").ThenBy(m => m.Id, StringComparer.Ordinal).ThenBy(m => m.Start)];

    private IEnumerable<QuoteMatch> FullTextCandidates(TokenisedText quoted, CancellationToken stop)
    {
        // The longest words, which are the rarer ones: a short word ("the", "und") is in nearly
        // every document, and each would make the full-text engine read a list of them all.
        var words = quoted.Tokens.Select(t => t.Range.Of(quoted.Original)).Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(w => w.Length >= 4).OrderByDescending(w => w.Length).ThenBy(w => w, StringComparer.Ordinal).Take(FallbackWords).ToList();
        if (words.Count == 0)
            yield break;
        var candidates = catalog.BestMatchesOfAnyWord(words, FallbackCandidates + (hidden?.Count ?? 0))
            .Where(id => hidden is null || !hidden.Contains(id)).Take(FallbackCandidates);
        foreach (var id in candidates)
        {
            stop.ThrowIfCancellationRequested();
            var text = Resolve(id).Text;
            var (start, end) = DensestPlace(text, words, quoted.Original.Length);
            var window = Tokeniser.Tokenise(text[start..end]);
            var alignment = LocalAligner.Align(window, quoted);
            if (!alignment.IsEmpty)
                yield return Match(id, start, alignment, quoted.Tokens.Count);
        }
    }

    /// <summary>
    /// The window around the stretch of the text, as long as the quotation, where the most of its
    /// distinct words stand; found by plain search for the words, so only the window is tokenised.
    /// </summary>
    /// <remarks>
    /// A passage that holds the stretch reaches at most a quotation's length beyond it on either
    /// side; the window adds that, and <see cref="EdgeCharacters"/> for the source words that
    /// QuotationEdges sets against the quotation's edges. The aligner keeps a row of every
    /// diagonal per window word, so its cost grows with the square of the window: the thousand
    /// characters a side that <see cref="TextWindow"/> adds by default made each fallback alignment about 2 ms.
    /// </remarks>
    private static (int Start, int End) DensestPlace(string text, IReadOnlyList<string> words, int quotationLength)
    {
        const int MaximumPlacesPerWord = 200;
        var places = new List<(int At, int Word)>();
        for (var w = 0; w < words.Count; w++)
        {
            for (int at = text.IndexOf(words[w], StringComparison.OrdinalIgnoreCase), n = 0; at >= 0 && n < MaximumPlacesPerWord; n++)
            {
                places.Add((at, w));
                at = text.IndexOf(words[w], at + words[w].Length, StringComparison.OrdinalIgnoreCase);
            }
        }
        var margin = quotationLength + EdgeCharacters;
        if (places.Count == 0)
            return TextWindow.Around(text, 0, 0, margin);
        places.Sort();
        var (bestFirst, bestLast, bestCount) = (places[0].At, places[0].At, 0);
        var inSpan = new Dictionary<int, int>();
        var first = 0;
        for (var last = 0; last < places.Count; last++)
        {
            inSpan[places[last].Word] = inSpan.GetValueOrDefault(places[last].Word) + 1;
            while (places[last].At - places[first].At > quotationLength)
            {
                if (--inSpan[places[first].Word] == 0)
                    inSpan.Remove(places[first].Word);
                first++;
            }
            if (inSpan.Count > bestCount)
                (bestFirst, bestLast, bestCount) = (places[first].At, places[last].At, inSpan.Count);
        }
        return TextWindow.Around(text, bestFirst, bestLast, margin);
    }

    private ReuseDocument Resolve(string id)
    {
        if (_documents.TryGetValue(id, out var known))
            return known.Reuse;
        // From the catalog, which names the document: one row, where the store would read and
        // parse the object's inventory, document.json and source for each candidate.
        var text = catalog.Text(id) ?? throw new InvalidOperationException($"the catalog names {id}, which it does not hold");
        var reuse = ReuseDocuments.Of(text);
        _documents[id] = (text, reuse);
        return reuse;
    }
}
