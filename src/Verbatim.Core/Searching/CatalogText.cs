namespace Verbatim.Searching;

/// <summary>
/// What the catalog holds of a document for reading its text: the body text exactly as stored (every
/// offset points into it), the title, the date it sorts by and the compilation it is a part of.
/// </summary>
public sealed record CatalogText(string Id, string Title, string? Date, string? PartOf, string Body);
