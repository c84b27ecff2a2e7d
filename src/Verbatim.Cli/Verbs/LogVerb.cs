using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Verbatim.Archiving;

namespace Verbatim.Cli.Verbs;

/// <summary>`verbatim log`: the record of who did what, oldest first, and whether its chain holds.</summary>
public static class LogVerb
{
    public static Command Create(Option<string?> archive)
    {
        var document = new Option<string?>("--document") { Description = "Only the entries about this document." };
        var who = new Option<string?>("--who") { Description = "Only the entries of this account or user." };
        var verify = new Option<bool>("--verify") { Description = "Check that no entry was changed, taken out or cut off (verbatim audit checks it too); exit 1 if one was." };
        var json = ArchiveOptions.Json("the entries");
        var command = new Command("log", "The record of who did what: sign-ins and refused sign-ins, reads of documents that are not open, every store, correction and change of access, every change of an account; each entry chained to the one before by its digest.")
        {
            document, who, verify, json,
        };
        command.SetAction(result => ArchiveOptions.Run(result, (output, error) =>
        {
            var layout = new ArchiveLayout(Path.GetFullPath(ArchiveOptions.PathOf(result, archive)));
            if (!File.Exists(layout.Marker))
                throw new ArchiveException($"no archive at {layout.Root} (create one with: verbatim init --archive {layout.Root})");
            var log = new ActivityLog(layout);
            if (result.GetValue(verify))
            {
                var problems = log.Verify();
                foreach (var problem in problems)
                    output.WriteLine(problem);
                output.WriteLine(problems.Count == 0 ? $"the log's chain holds: {log.Entries().Count} entries" : $"{problems.Count} breaks in the log's chain");
                return problems.Count == 0 ? 0 : 1;
            }
            var entries = log.Entries().Where(e => (result.GetValue(document) is not { } id || e.Document == id) && (result.GetValue(who) is not { } name || e.Who == name)).ToList();
            if (result.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(entries, CliJson.Options));
                return 0;
            }
            foreach (var entry in entries)
            {
                output.WriteLine(string.Join("  ", new[]
                {
                    entry.Number.ToString(CultureInfo.InvariantCulture),
                    entry.At.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                    entry.Who ?? "(not signed in)",
                    entry.From,
                    entry.Action,
                    entry.Document ?? "",
                    entry.Detail ?? "",
                }.Where(f => f.Length > 0)));
            }
            return 0;
        }));
        return command;
    }
}
