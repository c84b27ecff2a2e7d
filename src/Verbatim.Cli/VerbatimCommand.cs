using System.CommandLine;
using Verbatim.Cli.Verbs;

namespace Verbatim.Cli;

/// <summary>The `verbatim` command and its verbs, one class each.</summary>
public static class VerbatimCommand
{
    public static RootCommand Create()
    {
        var root = new RootCommand("Verbatim: an archive for letters and writings whose words and provenance are contested.");
        root.Subcommands.Add(InitVerb.Create());
        root.Subcommands.Add(IngestVerb.Create());
        root.Subcommands.Add(ListVerb.Create());
        root.Subcommands.Add(ShowVerb.Create());
        root.Subcommands.Add(SearchVerb.Create());
        root.Subcommands.Add(HistoryVerb.Create());
        root.Subcommands.Add(DiffVerb.Create());
        root.Subcommands.Add(CollateVerb.Create());
        root.Subcommands.Add(CheckQuoteVerb.Create());
        root.Subcommands.Add(ReuseVerb.Create());
        root.Subcommands.Add(QuotesVerb.Create());
        root.Subcommands.Add(EvalPanVerb.Create());
        root.Subcommands.Add(GeneratePanVerb.Create());
        root.Subcommands.Add(AuditVerb.Create());
        root.Subcommands.Add(ValidateOcflVerb.Create());
        root.Subcommands.Add(ReindexVerb.Create());
        root.Subcommands.Add(ExportVerb.Create());
        root.Subcommands.Add(NamesVerb.Create());
        root.Subcommands.Add(ParseVerb.Create());
        root.Subcommands.Add(ServeVerb.Create());
        root.Subcommands.Add(DemoVerb.Create());
        return root;
    }
}
