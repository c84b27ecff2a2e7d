using Verbatim.Model;

namespace Verbatim.Searching;

/// <summary>A name as the catalog holds it for one document: who or what, in which role.</summary>
/// <param name="Role">author, addressee, copy, mentioned, or place (where it was written).</param>
/// <param name="Found">Where the name was read: "metadata", "markup" (the source marks it), or the rule that found it in the text.</param>
public sealed record CatalogName(NameKind Kind, string Role, string Name, string? Ref, string? Authority, string Found);

/// <summary>What the names index, the network and the timeline read of one catalogued document.</summary>
/// <param name="SortDate">The date the document sorts by (see the works index).</param>
public sealed record CatalogLetter(
    string Id,
    string Title,
    string Kind,
    string? SortDate,
    DateSpan? Written,
    IReadOnlyList<CatalogName> Names);
