using Verbatim.Presenting;
using Verbatim.Quoting;

namespace Verbatim.Cli.Verbs;

/// <summary>How `check-quote`, `quotes` and `reuse` print a difference, so that all three read alike.</summary>
internal static class DifferenceOutput
{
    /// <summary>
    /// Its type, where the source's reading starts, and both readings, each on the line: a reading
    /// that spans lines is printed with its line breaks as spaces. An omission marked by an
    /// ellipsis names the source's characters it spans and the words it leaves out, shortened in
    /// the middle (it may be pages long); an ellipsis that leaves nothing out says so.
    /// </summary>
    public static string Line(QuoteDifference difference, string quotedName = "quoted", string sourceName = "source") => difference.Type switch
    {
        "marked-omission" => $"{difference.Type,-16} at {difference.Offset}–{difference.Offset + difference.Source.Length}: «{OnOneLine(difference.Quoted)}» leaves out «{Wording.ShortenedInTheMiddle(OnOneLine(difference.Source))}»",
        "empty-ellipsis" => $"{difference.Type,-16} at {difference.Offset}: {quotedName} «{OnOneLine(difference.Quoted)}», but the {sourceName} leaves nothing out there",
        _ => $"{difference.Type,-16} at {difference.Offset}: {quotedName} «{OnOneLine(difference.Quoted)}», {sourceName} «{OnOneLine(difference.Source)}»",
    };

    private static string OnOneLine(string reading) => reading.ReplaceLineEndings(" ");
}
