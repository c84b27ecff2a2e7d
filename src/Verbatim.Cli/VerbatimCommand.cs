using System.CommandLine;
using Verbatim.Cli.Verbs;

namespace Verbatim.Cli;

/// <summary>The `verbatim` command and its verbs, one class each.</summary>
public static class VerbatimCommand
{
    public static RootCommand Create()
    {
        var root = new RootCommand("Verbatim: an archive for letters and writings whose words and provenance are contested.");
        root.Subcommands.Add(ParseVerb.Create());
        root.Subcommands.Add(DemoVerb.Create());
        return root;
    }
}
