namespace Verbatim.Web.Reading;

/// <summary>How a document stands to the other side of a passage it shares (see <see cref="Verbatim.Quoting.QuoteLinkSides"/>).</summary>
public enum PassageRelation
{
    /// <summary>This document took the passage from the other.</summary>
    Quotes,

    /// <summary>The other document took the passage from this one.</summary>
    QuotedIn,

    /// <summary>The dates do not say which took from which.</summary>
    Shared,
}

/// <summary>
/// A passage of the document shown that another document shares, marked in its text from
/// <see cref="Start"/> to <see cref="End"/> (offsets in the body text), linking to
/// <see cref="Href"/> (the side-by-side page) and described by <see cref="Label"/>.
/// </summary>
public sealed record PassageMark(PassageRelation Relation, int Start, int End, string Href, string Label)
{
    public string CssClass => Relation switch
    {
        PassageRelation.Quotes => "passage-quotes",
        PassageRelation.QuotedIn => "passage-quoted-in",
        _ => "passage-shared",
    };
}
