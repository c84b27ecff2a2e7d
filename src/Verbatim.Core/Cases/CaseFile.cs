using System.Text.Json.Serialization;
using Verbatim.Storing;

namespace Verbatim.Cases;

/// <summary>
/// A case: a question, the author's summary, and the evidence in the order the author gave it.
/// Every item that cites a document names the exact version it was taken from, so a later
/// version of the document never changes what the case says.
/// </summary>
public sealed record CaseFile
{
    public const int MaximumIdLength = 100;

    /// <summary>A slug: lower-case letters, digits and single hyphens between them.</summary>
    public required string Id { get; init; }

    public required string Question { get; init; }

    public string Summary { get; init; } = "";

    public required StoreUser Author { get; init; }

    public IReadOnlyList<CaseItem> Items { get; init; } = [];

    /// <summary>Whether the text can name a case: a slug of at most <see cref="MaximumIdLength"/> characters, so it is safe in an object id and an address.</summary>
    public static bool IsValidId(string? id)
        => id is { Length: > 0 and <= MaximumIdLength }
            && id[0] != '-' && id[^1] != '-'
            && !id.Contains("--", StringComparison.Ordinal)
            && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}

/// <summary>One piece of a case's evidence. <see cref="Cited"/> names every document it rests on.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(DocumentItem), "document")]
[JsonDerivedType(typeof(PassageItem), "passage")]
[JsonDerivedType(typeof(QuotationItem), "quotation")]
[JsonDerivedType(typeof(CollationItem), "collation")]
[JsonDerivedType(typeof(NoteItem), "note")]
public abstract record CaseItem
{
    /// <summary>The documents the item cites, each once: whoever may not see one of them may not see the item.</summary>
    [JsonIgnore]
    public abstract IReadOnlyList<string> Cited { get; }
}

/// <summary>A whole document as it stood at <see cref="Version"/>.</summary>
public sealed record DocumentItem(string Id, int Version) : CaseItem
{
    public override IReadOnlyList<string> Cited => [Id];
}

/// <summary>
/// Characters [<see cref="Start"/>, <see cref="End"/>) of the body text of one version of a
/// document (its blocks joined by a blank line), and those characters as they read then, kept so
/// that a later reader can compare them with the archive.
/// </summary>
public sealed record PassageItem(string Id, int Version, int Start, int End, string Text) : CaseItem
{
    public override IReadOnlyList<string> Cited => [Id];
}

/// <summary>
/// A quotation and the answer the archive gave when it was checked: the places it comes from, or,
/// where none was found, the nearest partial matches.
/// </summary>
public sealed record QuotationItem(string Quotation, int QuotedWords, IReadOnlyList<QuotationSource> Matches, IReadOnlyList<QuotationSource> Nearest) : CaseItem
{
    public override IReadOnlyList<string> Cited => [.. Matches.Concat(Nearest).Select(s => s.Id).Distinct(StringComparer.Ordinal)];
}

/// <summary>One place a quotation was found: the document's version and characters, as the quotation check reported it.</summary>
public sealed record QuotationSource(string Id, int Version, int Start, int End, double Score, int MatchedWords, string Passage, IReadOnlyList<QuotationDifference> Differences);

/// <summary>A difference between a quotation and its source, as the quotation check classified it; <see cref="Offset"/> is in the source's body text.</summary>
public sealed record QuotationDifference(string Type, string Quoted, string Source, int Offset, int QuotedOffset);

/// <summary>Two or more witnesses to be collated word by word.</summary>
public sealed record CollationItem(IReadOnlyList<CitedWitness> Witnesses) : CaseItem
{
    public override IReadOnlyList<string> Cited => [.. Witnesses.Select(w => w.Id).Distinct(StringComparer.Ordinal)];
}

/// <summary>A document's version as a witness: its whole body text, or characters [Start, End) of it.</summary>
public sealed record CitedWitness(string Id, int Version, int? Start = null, int? End = null);

/// <summary>The author's own words between the evidence.</summary>
public sealed record NoteItem(string Text) : CaseItem
{
    public override IReadOnlyList<string> Cited => [];
}
