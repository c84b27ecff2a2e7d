using System.CommandLine;
using Verbatim.Presenting;

namespace Verbatim.Cli.Verbs;

/// <summary>`verbatim reindex`: rebuilds the catalog from the store alone.</summary>
public static class ReindexVerb
{
    public static Command Create(Option<string?> archive)
    {
        var command = new Command("reindex", "Throw the catalog away and rebuild it from the store alone.");
        command.SetAction(result => ArchiveOptions.Run(result, (output, _) =>
        {
            using var opened = ArchiveOptions.Open(result, archive);
            output.WriteLine($"{Wording.Counted(opened.Reindex(), "document")} indexed from the store.");
            return 0;
        }));
        return command;
    }
}
