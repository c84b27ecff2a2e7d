namespace Verbatim.Model;

/// <param name="Name">The name as Verbatim reads it (initials spaced, capitals of a shouted surname lowered).</param>
/// <param name="Role">Honorific or function the source gives ("Comrade", "Personal secretary").</param>
/// <param name="Ref">An authority URI or an edition's own key, where the source gives one.</param>
/// <param name="Text">The source's own words for the person, where they differ from <paramref name="Name"/>.</param>
public sealed record PersonRef(string Name, string? Role = null, string? Ref = null, string? Text = null);
