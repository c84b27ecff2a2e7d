using AngleSharp.Dom;
using Verbatim.Model;

namespace Verbatim.Formats.MiaHtml;

/// <summary>What the archive's class names and elements say about a block.</summary>
internal static class HtmlClasses
{
    // The archive's style sheets name the parts of a letter; a class not listed here says nothing
    // about the block's type ("fst" only marks a first paragraph), and the text rules decide.
    private static readonly Dictionary<string, BlockType> BlockTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["salutation"] = BlockType.Salutation,
        ["greeting"] = BlockType.Salutation,
        ["closing"] = BlockType.Closing,
        ["sig"] = BlockType.Signature,
        ["signed"] = BlockType.Signature,
        ["signature"] = BlockType.Signature,
        ["placedate"] = BlockType.Dateline,
        ["date"] = BlockType.Dateline,
        ["dateline"] = BlockType.Dateline,
        ["quoteb"] = BlockType.Quote,
        ["quote"] = BlockType.Quote,
        ["quoted"] = BlockType.Quote,
    };

    private static readonly HashSet<string> NavigationClasses = new(StringComparer.OrdinalIgnoreCase)
    {
        "footer", "updat", "nav", "navigation", "navbar",
    };

    private static readonly HashSet<string> NoteClasses = new(StringComparer.OrdinalIgnoreCase)
    {
        "endnote", "endnotes", "footnote", "note",
    };

    // Elements whose content a reader of the page never sees as text.
    private static readonly HashSet<string> Hidden = new(StringComparer.OrdinalIgnoreCase)
    {
        "head", "title", "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math", "select",
    };

    // Elements that begin and end a block of text (HTML's block-level elements).
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "html", "body", "address", "article", "aside", "blockquote", "center", "dd", "details", "dialog", "div", "dl",
        "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hgroup", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "caption", "thead", "tbody",
        "tfoot", "tr", "td", "th", "ul", "menu", "legend",
    };

    public static BlockType? TypeOf(IElement element)
    {
        foreach (var name in element.ClassList)
        {
            if (BlockTypes.TryGetValue(name, out var type))
                return type;
        }
        return null;
    }

    public static bool IsHidden(IElement element) => Hidden.Contains(element.LocalName);

    public static bool IsBlock(IElement element) => Blocks.Contains(element.LocalName);

    public static bool IsHeading(IElement element) => element.LocalName is "h1" or "h2" or "h3" or "h4" or "h5" or "h6";

    public static bool IsInformation(IElement element) => element.ClassList.Contains("information");

    public static bool IsNote(IElement element) => element.ClassList.Any(NoteClasses.Contains);

    public static bool IsNavigation(IElement element)
        => element.LocalName == "nav" || element.ClassList.Any(NavigationClasses.Contains);

    public static bool IsEndRule(IElement element) => element.LocalName == "hr" && element.ClassList.Contains("end");
}
