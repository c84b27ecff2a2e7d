using System.CommandLine;
using System.Text.Json;
using Verbatim.Archiving;
using Verbatim.Presenting;

namespace Verbatim.Cli.Verbs;

/// <summary>`verbatim diff ID [FROM TO]`: what changed between two versions, source and document.json.</summary>
public static class DiffVerb
{
    public static Command Create(Option<string?> archive)
    {
        var id = new Argument<string>("ID") { Description = "The document's id." };
        var versions = new Argument<int[]>("VERSION") { Description = "Two version numbers (default: the one before the newest, and the newest).", Arity = new ArgumentArity(0, 2) };
        var json = ArchiveOptions.Json("the changes");
        var command = new Command("diff", "Show what changed between two versions of a document.") { id, versions, json };
        command.SetAction(result => ArchiveOptions.Run(result, (output, error) =>
        {
            using var opened = ArchiveOptions.OpenForReading(result, archive);
            var given = result.GetValue(versions) ?? [];
            if (given.Length == 1)
            {
                error.WriteLine("error: give two versions, or none for the last change");
                return 2;
            }
            var documentId = result.GetValue(id)!;
            var versionCount = opened.History(documentId).Count;
            if (versionCount == 0)
            {
                error.WriteLine($"error: no document '{documentId}' in the archive");
                return 1;
            }
            // Versions are numbered from 1 without gaps, so the count says which exist.
            if (given.Where(v => v < 1 || v > versionCount).Select(v => (int?)v).FirstOrDefault() is { } missing)
            {
                error.WriteLine($"error: document {documentId} has {Wording.Counted(versionCount, "version")}; there is no version {missing}");
                return 1;
            }
            var diff = VersionDiff.Between(opened, documentId, given.Length == 2 ? given[0] : null, given.Length == 2 ? given[1] : null)
                ?? throw new ArchiveException($"document {documentId}: its versions could not be read");
            if (result.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(diff, CliJson.Options));
                return 0;
            }
            output.WriteLine($"{diff.Id}: v{diff.From} → v{diff.To}");
            output.WriteLine(diff.Words.Count == 0 ? "body text: unchanged" : $"body text, word by word: {Wording.Counted(diff.Words.Count, "change")}");
            foreach (var change in diff.Words)
                output.WriteLine($"  …{change.Before} [{(change.From.Length == 0 ? "—" : change.From)} → {(change.To.Length == 0 ? "—" : change.To)}]");
            foreach (var file in diff.Files)
            {
                output.WriteLine($"--- v{diff.From}/{file.Path}");
                output.WriteLine($"+++ v{diff.To}/{file.Path}");
                if (file.Lines.Count == 0)
                    output.WriteLine("  (unchanged)");
                foreach (var line in file.Lines)
                    output.WriteLine($"{line.Mark}{line.Text}");
            }
            return 0;
        }));
        return command;
    }
}
