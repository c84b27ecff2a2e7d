namespace Verbatim.Model;

public enum NameKind
{
    Person,
    Organisation,
    Place,
}

/// <summary>A name the source itself marks in its text (TEI persName, placeName, orgName, rs).</summary>
/// <param name="Name">
/// The entity's name: the one the source's own index of names gives for <paramref name="Ref"/>, or,
/// where the key leads nowhere, the words as written.
/// </param>
/// <param name="Ref">The source's key for the entity ("#pmb2121"), where it gives one.</param>
/// <param name="Authority">An authority URI for the entity (GND, GeoNames, Wikidata), where the source gives one.</param>
/// <param name="Form">The words of the text ("sie", "Gr."), where they are not <paramref name="Name"/>.</param>
public sealed record NameMention(string Name, NameKind Kind, string? Ref = null, string? Authority = null, string? Form = null);
