namespace Verbatim.Searching;

/// <summary>
/// What the catalog holds of a document for reading its text: the body text exactly as stored (every
/// offset points into it), the title, the date it sorts by and the compilation it is a part of.
/// </summary>
/// <param name="Date">When it was written; null when that is unknown.</param>
/// <param name="Attested">When it is known to have existed by: written, else first printed.</param>
public sealed record CatalogText(string Id, string Title, string? Date, string? PartOf, string Body, string? Attested = null);
