namespace Verbatim.Model;

public enum DocumentKind
{
    Other,
    Letter,
    Note,
    Telegram,
    Statement,
    Article,
    Speech,
    Report,
    Chapter,
    Compilation,
}

public static class DocumentKinds
{
    /// <summary>The word a kind goes by in the catalog, its facets and filters, and an editor's form: "letter".</summary>
    public static string Name(DocumentKind kind) => kind.ToString().ToLowerInvariant();
}
