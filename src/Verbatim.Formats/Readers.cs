using Verbatim.Formats.Cmif;
using Verbatim.Formats.Compilation;
using Verbatim.Formats.PlainText;
using Verbatim.Formats.Tei;

namespace Verbatim.Formats;

/// <summary>The readers Verbatim ships, most specific first.</summary>
public static class Readers
{
    public static FormatRegistry CreateDefaultRegistry() => new(
    [
        new CmifReader(),
        new TeiReader(),
        new MiaHtml.MiaHtmlReader(),
        new MiaText.MiaTextReader(),
        new CompilationReader(),
        new PlainTextReader(),
    ]);
}
