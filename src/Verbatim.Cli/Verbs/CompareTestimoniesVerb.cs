using System.CommandLine;
using Verbatim.Collating;
using Verbatim.Presenting;
using Verbatim.Text.Testimonies;

namespace Verbatim.Cli.Verbs;

/// <summary>`verbatim compare-testimonies A B`: two testimonies side by side, sentence by sentence: what they share, reword, say alone, and where they disagree.</summary>
public static class CompareTestimoniesVerb
{
    public static Command Create(Option<string?> archive)
    {
        var first = new Argument<string>("A") { Description = "ID (a stored document), ID@VERSION or NAME=PATH (a file); NAME=ID chooses the name." };
        var second = new Argument<string>("B") { Description = "The other testimony, named as A is." };
        var rangeA = new Option<string?>("--range-a") { Description = "Only the characters FROM-TO of A's text (a document's body text)." };
        var rangeB = new Option<string?>("--range-b") { Description = "Only the characters FROM-TO of B's text." };
        var json = ArchiveOptions.Json("the comparison");
        var command = new Command("compare-testimonies", "Compare two testimonies that are not copies of one another, sentence by sentence: shared, reworded, only in one, disagreeing.")
        {
            first, second, rangeA, rangeB, json,
        };
        command.SetAction(result => ArchiveOptions.Run(result, (stdout, _) =>
        {
            var specs = WitnessSpec.ParseAll([result.GetValue(first)!, result.GetValue(second)!]);
            using var opened = specs.Any(s => s.NeedsArchive) ? ArchiveOptions.OpenForReading(result, archive) : null;
            var comparison = Testimonies.Compare(specs[0].Name, specs[0].ReadText(opened), result.GetValue(rangeA), specs[1].Name, specs[1].ReadText(opened), result.GetValue(rangeB));
            stdout.Write(result.GetValue(json)
                ? TestimonyJson.Write(comparison, specs[0].Name, specs[1].Name)
                : PlainText.Escaped(TestimonyText.Write(comparison, specs[0].Name, specs[1].Name), keepLineBreaks: true));
            return 0;
        }));
        return command;
    }
}
