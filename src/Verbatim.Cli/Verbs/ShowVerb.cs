using System.CommandLine;
using Verbatim.Model;
using Verbatim.Presenting;

namespace Verbatim.Cli.Verbs;

/// <summary>`verbatim show ID`: one stored document, as text or as its document.json.</summary>
public static class ShowVerb
{
    public static Command Create(Option<string?> archive)
    {
        var id = new Argument<string>("ID") { Description = "The document's id." };
        var format = new Option<string>("--format") { Description = "text, or json (the stored document.json).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var version = new Option<int?>("--version") { Description = "A version number (default: the newest)." };
        var command = new Command("show", "Show one document with its provenance.") { id, format, version };
        var json = ArchiveOptions.JsonFormat(command, format);
        command.SetAction(result => ArchiveOptions.Run(result, (output, error) =>
        {
            using var opened = ArchiveOptions.OpenForReading(result, archive);
            var stored = opened.ReadStored(result.GetValue(id)!, result.GetValue(version));
            if (stored is null)
            {
                error.WriteLine($"error: no document '{result.GetValue(id)}'{(result.GetValue(version) is { } v ? $" with a version {v}" : "")} in the archive");
                return 1;
            }
            // Damaged bytes are never printed as the document: the error names what is wrong.
            Archiving.DamagedDocumentException.ThrowIfDamaged(stored);
            var documentJson = System.Text.Encoding.UTF8.GetString(stored.DocumentJson.Span);
            if (ArchiveOptions.FormatOf(result, format, json) == "json")
                output.WriteLine(documentJson);
            else
                DocumentText.Write(output, DocumentJson.Deserialize(documentJson)!, opened.SameText(stored.Id));
            return 0;
        }));
        return command;
    }
}
