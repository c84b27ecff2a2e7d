using System.Globalization;
using Verbatim.Archiving;
using Verbatim.Text.Normalisation;
using Verbatim.Text.Testimonies;

namespace Verbatim.Collating;

/// <summary>
/// Two testimonies compared as a user asks for it, from the command line or the reader: each a
/// named text and, optionally, the part of it to take, written <c>FROM-TO</c> (character offsets
/// into the text, a document's body text, TO not included).
/// </summary>
public static class Testimonies
{
    /// <exception cref="ArchiveException">A range is not FROM-TO with FROM below TO, or reaches past its text's end.</exception>
    public static TestimonyComparison Compare(string nameA, string textA, string? rangeA, string nameB, string textB, string? rangeB)
    {
        ArgumentNullException.ThrowIfNull(textA);
        ArgumentNullException.ThrowIfNull(textB);
        return TestimonyComparer.Compare(textA, textB, Range(rangeA, textA, nameA), Range(rangeB, textB, nameB));
    }

    private static TextRange? Range(string? written, string text, string witness)
    {
        if (string.IsNullOrWhiteSpace(written))
            return null;
        var parts = written.Trim().Split('-');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var from)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var to)
            || from >= to)
            throw new ArchiveException($"witness {witness}: the range '{written}' is not FROM-TO, two character offsets with FROM below TO");
        if (to > text.Length)
            throw new ArchiveException($"witness {witness}: the range {from}-{to} reaches past the text's end at {text.Length}");
        return TextRange.FromBounds(from, to);
    }
}
