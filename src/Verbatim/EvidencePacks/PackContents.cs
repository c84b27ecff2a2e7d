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

    public IReadOnlyList<QuoteDifference> Differences { get; init; } = [];
}

/// <summary>What a pack holds: the question it answers, the author's summary, and its citations in order.</summary>
public sealed record PackContents(string Question, string Summary, IReadOnlyList<PackCitation> Citations);

/// <summary>A pack that cannot be written as asked; nothing was written.</summary>
public sealed class EvidencePackException(IReadOnlyList<string> problems)
    : Archiving.ArchiveException("the evidence pack was not written: " + string.Join("; ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
