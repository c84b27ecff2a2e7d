using System.CommandLine;
using Verbatim.Collating;
using Verbatim.Text.Collation;
using Verbatim.Text.Collation.Output;

namespace Verbatim.Cli.Verbs;

/// <summary>`verbatim collate WITNESS WITNESS...`: aligns two or more witnesses into one table and one variant graph.</summary>
public static class CollateVerb
{
    private static readonly string[] Formats = ["text", "csv", "html", "json", "dot", "svg", "tei"];

    public static Command Create(Option<string?> archive)
    {
        var witnesses = new Argument<string[]>("WITNESS")
        {
            Description = "ID (a stored document), ID@VERSION (one of its versions) or NAME=PATH (a file); NAME=ID and NAME=ID@VERSION choose the siglum.",
            Arity = new ArgumentArity(1, 100),
        };
        var format = new Option<string>("--format") { Description = "text, csv, html, json, dot, svg (Graphviz) or tei (parallel segmentation).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong(Formats);
        var segments = new Option<bool>("--segments") { Description = "Merge adjacent columns where the witnesses group alike (text, csv, html)." };
        var ignoreCase = new Option<bool>("--ignore-case") { Description = "Align tokens that differ only in case." };
        var ignorePunctuation = new Option<bool>("--ignore-punctuation") { Description = "Align tokens that differ only in punctuation." };
        var foldTypography = new Option<bool>("--fold-typography") { Description = "Align tokens that differ only in typography (curly quotes, dashes, ligatures)." };
        var transliterate = new Option<bool>("--transliterate") { Description = "Align Cyrillic tokens with their Latin transliteration (BGN/PCGN)." };
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output." };
        var command = new Command("collate", "Align two or more witnesses word by word: an alignment table, a variant graph, TEI.")
        {
            witnesses, format, segments, ignoreCase, ignorePunctuation, foldTypography, transliterate, output,
        };
        var json = ArchiveOptions.JsonFormat(command, format);
        command.SetAction(result => ArchiveOptions.Run(result, (stdout, _) =>
        {
            var specs = WitnessSpec.ParseAll(result.GetValue(witnesses)!);
            using var opened = specs.Any(s => s.NeedsArchive) ? ArchiveOptions.OpenForReading(result, archive) : null;
            var options = new CollationOptions
            {
                IgnoreCase = result.GetValue(ignoreCase),
                IgnorePunctuation = result.GetValue(ignorePunctuation),
                FoldTypography = result.GetValue(foldTypography),
                Transliterate = result.GetValue(transliterate),
            };
            var collation = Collator.Collate([.. specs.Select(s => s.Read(opened))], options);
            var bySegment = result.GetValue(segments);
            var text = ArchiveOptions.FormatOf(result, format, json) switch
            {
                "csv" => CollationCsv.Write(collation, bySegment),
                "html" => CollationHtml.Document(collation, bySegment),
                "json" => CollationJson.Write(collation),
                "dot" => VariantGraphDot.Write(collation),
                "svg" => Graphviz.ToSvg(VariantGraphDot.Write(collation)),
                "tei" => TeiParallelSegmentation.Write(collation, "Collation of " + string.Join(", ", specs.Select(s => s.Name))).ToString() + "\n",
                _ => CollationText.Write(collation, result.GetValue(output) is null ? Terminal.Width(stdout) : Terminal.DefaultWidth, bySegment),
            };
            if (result.GetValue(output) is { } file)
                File.WriteAllText(file, text);
            else
                stdout.Write(text);
            return 0;
        }));
        return command;
    }
}
