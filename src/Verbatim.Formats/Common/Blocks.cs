using Verbatim.Model;

namespace Verbatim.Formats.Common;

public static class Blocks
{
    /// <summary>
    /// Makes body blocks with white space folded and each block's offset in
    /// <see cref="Document.BodyText"/>; blocks left empty by folding are dropped.
    /// </summary>
    public static List<Block> Build(IEnumerable<(BlockType Type, string Text, int? Line)> raw)
    {
        var blocks = new List<Block>();
        var offset = 0;
        foreach (var (type, text, line) in raw)
        {
            var folded = Whitespace.Collapse(text);
            if (folded.Length == 0)
                continue;
            if (blocks.Count > 0)
                offset += Document.BlockSeparator.Length;
            blocks.Add(new Block(type, folded, offset, line));
            offset += folded.Length;
        }
        return blocks;
    }
}
