using System.CommandLine;
using Verbatim.Presenting;

namespace Verbatim.Cli.Verbs;

/// <summary>`verbatim reindex`: rebuilds the catalog from the store alone.</summary>
public static class ReindexVerb
{
    public static Command Create(Option<string?> archive)
    {
        var wait = ArchiveOptions.Wait();
        var command = new Command("reindex", "Throw the catalog away and rebuild it from the store alone. A damaged document is named and left out; the exit code is then 1.") { wait };
        command.SetAction(result => ArchiveOptions.Run(result, (output, error) =>
        {
            using var opened = ArchiveOptions.Open(result, archive, wait);
            var report = opened.Reindex();
            output.WriteLine($"{Wording.Counted(report.Documents, "document")} indexed from the store.");
            return Damaged(report, error);
        }));
        return command;
    }

    /// <summary>Names each document a rebuild of the catalog left out; the exit code, 1 where there was one.</summary>
    internal static int Damaged(Archiving.ReindexReport report, TextWriter error)
    {
        // A damaged document is not indexed: its text may not be what was received.
        foreach (var damaged in report.Damaged)
            error.WriteLine($"damaged, not indexed: {damaged.Id}: {Archiving.DamagedDocumentException.Describe(damaged.Damage)}");
        return report.Damaged.Count > 0 ? 1 : 0;
    }
}
