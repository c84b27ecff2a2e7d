using Verbatim.Archiving;
using Verbatim.Model;
using Verbatim.Searching;
using Verbatim.Storage.Catalog.Sqlite;
using Verbatim.Text.Alignment;
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
public sealed class QuoteChecker(ICatalog catalog, Func<string, Document?> read)
{
    public const int MinimumWords = 5;

    // Not a document id: ids are never empty and never hold control characters.
    private const string QuotationId = "\u0000quotation";

    private const int NearestShown = 3;

    // Documents the full-text fallback aligns: its ranking knows words, not their order, so the
    // best alignment is often not among its first few.
    private const int FallbackCandidates = 10;

    // The full-text fallback aligns the whole quotation with the whole document; beyond this many
    // cells the matrix would cost more memory than a partial answer is worth.
    private const long MaximumFallbackCells = 4_000_000;

    private readonly Dictionary<string, (Document Document, ReuseDocument Reuse)> _documents = new(StringComparer.Ordinal);

    /// <summary>Checks a quotation of at least <see cref="MinimumWords"/> words.</summary>
    /// <exception cref="ArchiveException">The quotation has fewer words.</exception>
    public QuoteCheck Check(string quotation, int maximumMatches = 10)
    {
        ArgumentNullException.ThrowIfNull(quotation);
        var quoted = Tokeniser.Tokenise(quotation);
        if (quoted.Tokens.Count < MinimumWords)
            throw new ArchiveException($"a quotation needs at least {MinimumWords} words to be checked (this one has {quoted.Tokens.Count}); search finds shorter phrases");

        // A match must have most of a short quotation's words, and the eight words a passage needs
        // in a long one.
        var required = Math.Min(ReuseOptions.Default.MinimumMatchedWords, Math.Max(3, (int)Math.Ceiling(quoted.Tokens.Count * 0.6)));
        var detector = new ReuseDetector(ReuseOptions.Default with { MinimumMatchedWords = 2 });
        var passages = detector.DetectIn(new ReuseDocument(QuotationId, quotation), new CatalogFingerprints(catalog), Resolve,
            maximumDocuments: Math.Max(2 * maximumMatches, 16));
        var aligned = Ranked(passages.Select(p => Match(p.SourceId, p.SourceOffset, p.Alignment, quoted.Tokens.Count)));

        var matches = aligned.Where(m => m.MatchedWords >= required).Take(maximumMatches).ToList();
        if (matches.Count > 0)
            return new QuoteCheck(quoted.Tokens.Count, matches, []);
        var nearest = aligned.Count > 0 ? aligned : Ranked(FullTextCandidates(quoted));
        return new QuoteCheck(quoted.Tokens.Count, [], [.. nearest.Take(NearestShown)]);
    }

    /// <param name="sourceOffset">Where the alignment's source text starts in the document's body text (a window of it, or all of it at 0).</param>
    private QuoteMatch Match(string documentId, int sourceOffset, LocalAlignment alignment, int quotedWords)
    {
        var covered = QuotationEdges.Cover(alignment);
        var document = _documents[documentId].Document;
        var source = covered.SourceRange;
        var quoting = covered.QuotingRange;
        return new QuoteMatch(document.Id, document.Title, SqliteCatalog.SortDate(document), sourceOffset + source.Start, sourceOffset + source.End,
            quoting.Start, quoting.End, Math.Round((double)covered.MatchedWords / quotedWords, 4), covered.MatchedWords,
            source.Of(covered.Source.Original), [.. DifferenceClassifier.Classify(covered).Select(d => QuoteDifference.Of(d, sourceOffset))]);
    }

    /// <summary>Best first: the most of the quotation found, then the earliest document (the likelier original), then by id.</summary>
    private static List<QuoteMatch> Ranked(IEnumerable<QuoteMatch> matches) =>
        [.. matches.OrderByDescending(m => m.Score).ThenBy(m => m.Date ?? "9999").ThenBy(m => m.Id, StringComparer.Ordinal).ThenBy(m => m.Start)];

    private IEnumerable<QuoteMatch> FullTextCandidates(TokenisedText quoted)
    {
        // Longer words first: they are the rarer ones, and the query stays short.
        var words = quoted.Tokens.Select(t => t.Range.Of(quoted.Original)).Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(w => w.Length).Take(32);
        var query = string.Join(" OR ", words.Select(w => $"\"{w.Replace("\"", "", StringComparison.Ordinal)}\""));
        foreach (var hit in catalog.Search(new SearchQuery(query) { Limit = FallbackCandidates }).Hits)
        {
            var text = Tokeniser.Tokenise(Resolve(hit.Id).Text);
            if ((long)text.Tokens.Count * quoted.Tokens.Count > MaximumFallbackCells)
                continue;
            var alignment = LocalAligner.Align(text, quoted);
            if (!alignment.IsEmpty)
                yield return Match(hit.Id, 0, alignment, quoted.Tokens.Count);
        }
    }

    private ReuseDocument Resolve(string id)
    {
        if (_documents.TryGetValue(id, out var known))
            return known.Reuse;
        var document = read(id) ?? throw new InvalidOperationException($"the catalog names {id}, which the store does not hold");
        var reuse = ReuseDocuments.Of(document);
        _documents[id] = (document, reuse);
        return reuse;
    }
}
