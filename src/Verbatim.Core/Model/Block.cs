namespace Verbatim.Model;

/// <summary>One block of the body. <see cref="Start"/> is its offset in <see cref="Document.BodyText"/>.</summary>
/// <param name="Line">The 1-based line of the received file the block begins on, where the format has lines.</param>
public sealed record Block(BlockType Type, string Text, int Start, int? Line = null);

public enum BlockType
{
    P,
    Quote,
    Heading,
    Salutation,
    Closing,
    Signature,
    Dateline,
    List,

    /// <summary>An editor's word in the page, not the author's ("– Ed.", "[... – editor]").</summary>
    Editorial,

    /// <summary>A picture's caption or alternative text left in the page.</summary>
    Caption,

    /// <summary>In a compilation part: the item's title line, byline, attribution or source line.</summary>
    Title,
    Byline,
    Attribution,
    Source,
    Shelfmark,
    Address,
}
