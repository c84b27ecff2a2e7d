namespace Verbatim.Model;

public enum NameKind
{
    Person,
    Organisation,
    Place,
}

/// <summary>A name the source itself marks in its text (TEI persName, placeName, orgName, rs), as written there.</summary>
/// <param name="Ref">The source's key for the entity ("#pmb2121"), where it gives one.</param>
/// <param name="Authority">An authority URI for the entity (GND, GeoNames, Wikidata), where the source gives one.</param>
public sealed record NameMention(string Name, NameKind Kind, string? Ref = null, string? Authority = null);
