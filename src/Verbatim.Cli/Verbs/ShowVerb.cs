using System.CommandLine;
using Verbatim.Model;
using Verbatim.Presenting;

namespace Verbatim.Cli.Verbs;

/// <summary>`verbatim show ID`: one stored document, as text, as its document.json, or as TEI.</summary>
public static class ShowVerb
{
    public static Command Create(Option<string?> archive)
    {
        var id = new Argument<string>("ID") { Description = "The document's id." };
        var format = new Option<string>("--format") { Description = "text, json (the stored document.json), or tei (a TEI P5 file of it).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "tei");
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
            var chosen = ArchiveOptions.FormatOf(result, format, json);
            if (chosen == "json")
                output.WriteLine(documentJson);
            else if (chosen == "tei")
                output.WriteLine(System.Text.Encoding.UTF8.GetString(Formats.Tei.TeiWriter.ToBytes(DocumentJson.Deserialize(documentJson)!)));
            else
                DocumentText.Write(output, DocumentJson.Deserialize(documentJson)!, opened.SameText(stored.Id));
            return 0;
        }));
        return command;
    }
}
