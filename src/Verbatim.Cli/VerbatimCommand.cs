using System.CommandLine;
using System.CommandLine.Parsing;
using Verbatim.Cli.Verbs;

namespace Verbatim.Cli;

/// <summary>The `verbatim` command and its verbs, one class each.</summary>
public static class VerbatimCommand
{
    public static RootCommand Create()
    {
        var root = new RootCommand("Verbatim: an archive for letters and writings whose words and provenance are contested.")
        {
            // The usage line names the command as a user types it, not the assembly that runs it.
            HelpName = "verbatim",
        };
        var archive = ArchiveOptions.Archive();
        root.Options.Add(archive);
        root.Subcommands.Add(InitVerb.Create(archive));
        root.Subcommands.Add(IngestVerb.Create(archive));
        root.Subcommands.Add(WatchVerb.Create(archive));
        root.Subcommands.Add(ListVerb.Create(archive));
        root.Subcommands.Add(ShowVerb.Create(archive));
        root.Subcommands.Add(SearchVerb.Create(archive));
        root.Subcommands.Add(HistoryVerb.Create(archive));
        root.Subcommands.Add(AccessVerb.Create(archive));
        root.Subcommands.Add(CorrectVerb.Create(archive));
        root.Subcommands.Add(UsersVerb.Create(archive));
        root.Subcommands.Add(GroupsVerb.Create(archive));
        root.Subcommands.Add(LogVerb.Create(archive));
        root.Subcommands.Add(DiffVerb.Create(archive));
        root.Subcommands.Add(CollateVerb.Create(archive));
        root.Subcommands.Add(CompareTestimoniesVerb.Create(archive));
        root.Subcommands.Add(CheckQuoteVerb.Create(archive));
        root.Subcommands.Add(CaseVerb.Create(archive));
        root.Subcommands.Add(ReuseVerb.Create());
        root.Subcommands.Add(QuotesVerb.Create(archive));
        root.Subcommands.Add(EvalPanVerb.Create());
        root.Subcommands.Add(GeneratePanVerb.Create());
        root.Subcommands.Add(AuditVerb.Create(archive));
        root.Subcommands.Add(ValidateOcflVerb.Create());
        root.Subcommands.Add(ValidateBagVerb.Create());
        root.Subcommands.Add(VerifyPackVerb.Create(archive));
        root.Subcommands.Add(ReindexVerb.Create(archive));
        root.Subcommands.Add(CatalogVerb.Create(archive));
        root.Subcommands.Add(SettingsVerb.Create(archive));
        root.Subcommands.Add(ExportVerb.Create(archive));
        root.Subcommands.Add(NamesVerb.Create(archive));
        root.Subcommands.Add(ParseVerb.Create());
        root.Subcommands.Add(ServeVerb.Create(archive));
        root.Subcommands.Add(DemoVerb.Create(archive));
        RefuseUnknownOptions(root, "verbatim");
        return root;
    }

    /// <summary>
    /// The parser gives a token that no option claims to an argument that still has room (a witness,
    /// a path, a query); a token that looks like an option is never meant as one, so it is an error.
    /// </summary>
    private static void RefuseUnknownOptions(Command command, string usage)
    {
        command.Validators.Add(result =>
        {
            foreach (var argument in result.Children.OfType<ArgumentResult>())
            {
                foreach (var token in argument.Tokens.Where(t => t.Value.Length > 1 && t.Value[0] == '-'))
                    result.AddError($"unknown option '{token.Value}' (see {usage} --help)");
            }
        });
        foreach (var verb in command.Subcommands)
            RefuseUnknownOptions(verb, $"{usage} {verb.Name}");
    }
}
