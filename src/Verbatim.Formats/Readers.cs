using Verbatim.Formats.Compilation;
using Verbatim.Formats.PlainText;

namespace Verbatim.Formats;

/// <summary>The readers Verbatim ships, most specific first.</summary>
public static class Readers
{
    public static FormatRegistry CreateDefaultRegistry() => new(
    [
        new MiaHtml.MiaHtmlReader(),
        new MiaText.MiaTextReader(),
        new CompilationReader(),
        new PlainTextReader(),
    ]);
}
