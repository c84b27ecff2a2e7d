namespace Verbatim.Model;

/// <summary>
/// Where the original lies: a Russian shelfmark "F. 17, Op. 2, D. 246" (fond, opis, delo, list)
/// or a western repository with its call number.
/// </summary>
public sealed record ArchivalRef
{
    public string? Repository { get; init; }
    public string? Settlement { get; init; }
    public string? Country { get; init; }
    public string? Fond { get; init; }
    public string? Opis { get; init; }
    public string? Delo { get; init; }

    /// <summary>Vypusk: an issue within a delo.</summary>
    public string? Issue { get; init; }

    public string? Folios { get; init; }

    /// <summary>A call number that is not a fond/opis/delo shelfmark ("Schnitzler, B 68").</summary>
    public string? Idno { get; init; }

    public ArchivalForm? Form { get; init; }
    public required string Text { get; init; }
}

public enum ArchivalForm
{
    Autograph,
    Typescript,
    Copy,
    Printed,
    Manuscript,
}
