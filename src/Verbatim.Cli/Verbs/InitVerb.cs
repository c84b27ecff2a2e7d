using System.CommandLine;

namespace Verbatim.Cli.Verbs;

/// <summary>`verbatim init`: creates an empty archive.</summary>
public static class InitVerb
{
    public static Command Create(Option<string?> archive)
    {
        var command = new Command("init", "Create an empty archive (an OCFL 1.1 storage root and its catalog).");
        command.SetAction(result => ArchiveOptions.Run(result, (output, _) =>
        {
            using var opened = Archiving.Archive.Init(ArchiveOptions.PathOf(result, archive));
            output.WriteLine($"archive ready at {opened.Layout.Root}");
            return 0;
        }));
        return command;
    }
}
