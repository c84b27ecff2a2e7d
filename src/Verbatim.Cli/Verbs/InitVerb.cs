using System.CommandLine;
using Verbatim.Archiving;

namespace Verbatim.Cli.Verbs;

/// <summary>`verbatim init`: creates an empty archive, with its catalog where the user says.</summary>
public static class InitVerb
{
    public static Command Create(Option<string?> archive)
    {
        var catalog = new Option<string?>("--catalog")
        {
            Description = "Where the catalog lives: \"sqlite\" (the default, a file in the archive), a PostgreSQL address "
                + "(postgresql://user@host:port/database) or connection string, or env:NAME to read the connection string "
                + "from environment variable NAME each time (keeps a password out of the archive). Recorded in the archive; every verb and serve use it.",
        };
        var command = new Command("init", "Create an empty archive (an OCFL 1.1 storage root and its catalog).") { catalog };
        command.SetAction(result => ArchiveOptions.Run(result, (output, _) =>
        {
            using var opened = Archive.Init(ArchiveOptions.PathOf(result, archive), result.GetValue(catalog));
            output.WriteLine($"archive ready at {opened.Layout.Root}; its catalog: {opened.CatalogLocation.Describe}");
            return 0;
        }));
        return command;
    }
}
