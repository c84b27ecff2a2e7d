using Verbatim.Quoting;

namespace Verbatim.EvidencePacks;

/// <summary>What a citation of an evidence pack stands for: its words are the same kind of evidence either way, its kind says why it is cited.</summary>
public enum CitationKind
{
    Document,
    Passage,
    QuotationCheck,
    CollationWitness,
}

/// <summary>
/// One citation of a pack: a document's version and a range [Start, End) of its text
/// (<see cref="Model.Document.BodyText"/>). A null version is the head version when the pack is
/// written; a null range is the whole text. The pack records what each resolves to.
/// </summary>
/// <param name="Quotation">For a quotation check: the words as quoted.</param>
/// <param name="Differences">For a quotation check: what check-quote found between the quotation and the text.</param>
public sealed record PackCitation(CitationKind Kind, string DocumentId, int? Version = null, int? Start = null, int? End = null)
{
    public string? Quotation { get; init; }

    /// <summary>
    /// For a collation's second witness and after: the number (1 for the first) of the earlier
    /// citation it is compared with, its collation's first witness. The pack finds and records the
    /// differences between the two.
    /// </summary>
    public int? ComparedWith { get; init; }

    public IReadOnlyList<QuoteDifference> Differences { get; init; } = [];

    /// <summary>A citation as the command line writes it: ID, ID@VERSION, ID:FROM-TO or ID@VERSION:FROM-TO (a range makes it a passage).</summary>
    /// <exception cref="FormatException">The text is none of these; the message says what it should be.</exception>
    public static PackCitation Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = System.Text.RegularExpressions.Regex.Match(text, @"^(?<id>[^@:\s]+)(?:@v?(?<version>\d{1,9}))?(?::(?<from>\d{1,9})-(?<to>\d{1,9}))?$");
        if (!match.Success)
            throw new FormatException($"\"{text}\" is not a citation: write ID, ID@VERSION, ID:FROM-TO or ID@VERSION:FROM-TO");
        static int? Number(System.Text.RegularExpressions.Group group) => group.Success ? int.Parse(group.Value, System.Globalization.CultureInfo.InvariantCulture) : null;
        var ranged = match.Groups["from"].Success;
        return new PackCitation(ranged ? CitationKind.Passage : CitationKind.Document, match.Groups["id"].Value, Number(match.Groups["version"]), Number(match.Groups["from"]), Number(match.Groups["to"]));
    }

    /// <summary>A quotation check as a citation: the best match check-quote finds among the documents <paramref name="seen"/> admits, with its differences; null where there is none.</summary>
    public static PackCitation? OfQuotation(Archiving.Archive archive, string quotation, Access.Visibility seen)
    {
        ArgumentNullException.ThrowIfNull(archive);
        ArgumentNullException.ThrowIfNull(seen);
        var best = archive.CheckQuote(quotation).Matches.FirstOrDefault(m => seen.MaySee(m.Id));
        return best is null ? null : new PackCitation(CitationKind.QuotationCheck, best.Id, archive.ReadStored(best.Id)?.Version.Number, best.Start, best.End)
        {
            Quotation = quotation,
            Differences = best.Differences,
        };
    }
}

/// <summary>What a pack holds: the question it answers, the author's summary, and its citations in order.</summary>
public sealed record PackContents(string Question, string Summary, IReadOnlyList<PackCitation> Citations);

/// <summary>A pack that cannot be written as asked; nothing was written.</summary>
public sealed class EvidencePackException(IReadOnlyList<string> problems)
    : Archiving.ArchiveException("the evidence pack was not written: " + string.Join("; ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
