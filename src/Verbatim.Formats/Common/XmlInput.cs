using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using System.Xml;
using Verbatim.Model;
using Verbatim.Reading;

namespace Verbatim.Formats.Common;

/// <summary>What the XML readers (TEI, CMIF) share: how a file is opened, how its breakage is told, how its dates are read.</summary>
internal static partial class XmlInput
{
    private static readonly XmlReaderSettings Settings = new()
    {
        // A DTD can expand entities without bound, and TEI P5 needs none: a DOCTYPE is passed over
        // unread and nothing is fetched, so an entity it declares is an undeclared entity where used,
        // an error located in the file, and a harmless DOCTYPE (an old TEI's DTD) costs nothing.
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    [GeneratedRegex(@"\s*Line \d+, position \d+\.?\s*$")]
    private static partial Regex TrailingPosition();

    [GeneratedRegex(@"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")]
    public static partial Regex IsoDate();

    /// <summary>
    /// A reader over the bytes, not the decoded text: the XML declaration names the encoding, so
    /// the decoder's guesses (input.DecodingWarnings) are not an XML reader's findings.
    /// </summary>
    public static XmlReader Open(SourceInput input)
    {
        var stream = MemoryMarshal.TryGetArray(input.Bytes, out var segment) && segment.Array is not null
            ? new MemoryStream(segment.Array, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(input.Bytes.ToArray(), writable: false);
        return XmlReader.Create(stream, Settings);
    }

    public static Diagnostic Malformed(XmlException exception, string fileName)
        => new("malformed XML: " + TrailingPosition().Replace(exception.Message, ""),
            fileName,
            exception.LineNumber > 0 ? exception.LineNumber : null,
            exception.LinePosition > 0 ? exception.LinePosition : null);

    /// <summary>How precise an ISO date is by its length: "1921", "1921-10" or "1921-10-20".</summary>
    public static DatePrecision PrecisionOf(string? isoDate) => isoDate?.Length switch
    {
        4 => DatePrecision.Year,
        7 => DatePrecision.Month,
        _ => DatePrecision.Day,
    };
}
