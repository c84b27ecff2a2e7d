namespace Verbatim.Access;

/// <summary>What a person may do in the archive; each role may do what the ones before it may.</summary>
public enum Role
{
    /// <summary>Anyone, not signed in: the public. Sees open documents only.</summary>
    Reader,

    /// <summary>Signed in; sees open documents and those restricted to one of their groups.</summary>
    Researcher,

    /// <summary>Adds and corrects documents and sets their access; sees every document.</summary>
    Editor,

    /// <summary>Manages accounts and groups besides what an editor does.</summary>
    Admin,
}

/// <summary>The person asking: every surface answers with what this one may see.</summary>
public sealed record Viewer(string? Name, Role Role, IReadOnlySet<string> Groups)
{
    /// <summary>Anyone who has not signed in.</summary>
    public static Viewer Public { get; } = new(null, Role.Reader, new HashSet<string>(StringComparer.Ordinal));

    /// <summary>
    /// Whoever runs the command line on the archive's own folder: they can read every file of the
    /// store anyway, so hiding a document from them would protect nothing.
    /// </summary>
    public static Viewer Keeper { get; } = new("keeper", Role.Admin, new HashSet<string>(StringComparer.Ordinal));

    /// <summary>Where the viewer asks from (a client's address), for the record of who read what; null where it does not matter.</summary>
    public string? From { get; init; }

    /// <summary>Editors and admins see every document, withdrawn and embargoed ones included.</summary>
    public bool SeesEverything => Role >= Role.Editor;

    public bool MaySee(DocumentAccess access, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(access);
        return SeesEverything || access.Kind switch
        {
            AccessKind.Open => true,
            AccessKind.Embargoed => today >= access.Until,
            AccessKind.Restricted => Role >= Role.Researcher && access.Groups.Any(Groups.Contains),
            _ => false,
        };
    }
}
