using Verbatim.Quoting;

namespace Verbatim.Cli.Verbs;

/// <summary>How `check-quote`, `quotes` and `reuse` print a difference, so that all three read alike.</summary>
internal static class DifferenceOutput
{
    /// <summary>
    /// Its type, where the source's reading starts, and both readings, each on the line: a reading
    /// that spans lines is printed with its line breaks as spaces.
    /// </summary>
    public static string Line(QuoteDifference difference, string quotedName = "quoted", string sourceName = "source") =>
        $"{difference.Type,-16} at {difference.Offset}: {quotedName} «{difference.Quoted.ReplaceLineEndings(" ")}», {sourceName} «{difference.Source.ReplaceLineEndings(" ")}»";
}
