using System.CommandLine;
using Verbatim.Access;
using Verbatim.Exporting;
using Verbatim.Formats.Cmif;
using Verbatim.Presenting;

namespace Verbatim.Cli.Verbs;

/// <summary>`verbatim export cmif`: the archive's letters as a CMIF file.</summary>
public static class ExportVerb
{
    public static Command Create(Option<string?> archive)
    {
        var command = new Command("export", "Write the archive in an exchange format.");
        command.Subcommands.Add(Cmif(archive));
        return command;
    }

    private static Command Cmif(Option<string?> archive)
    {
        var output = new Option<string?>("--output", "-o") { Description = "The file to write (default: standard output)." };
        var title = new Option<string>("--title") { Description = "The file's title.", DefaultValueFactory = _ => "Letters of a Verbatim archive" };
        var editor = new Option<string?>("--editor") { Description = "Who made the list (default: the current user, $VERBATIM_USER)." };
        var email = new Option<string?>("--email") { Description = "The editor's e-mail address." };
        var publisher = new Option<string?>("--publisher") { Description = "Who publishes the list (default: the editor)." };
        var url = new Option<string?>("--url") { Description = "Where the file will be published (default: the output file's file: URL)." };
        var includeClosed = new Option<bool>("--include-closed") { Description = "Include the letters that are not open to everyone today (restricted, embargoed, withdrawn); an export is for publication, so they are left out by default." };
        var command = new Command("cmif", "The letters as CMIF (Correspondence Metadata Interchange Format): sender, addressees, date and place of each.")
        {
            output, title, editor, email, publisher, url, includeClosed,
        };
        command.SetAction(result => ArchiveOptions.Run(result, (stdout, error) =>
        {
            using var opened = ArchiveOptions.OpenForReading(result, archive);
            var path = result.GetValue(output);
            var who = result.GetValue(editor) ?? ArchiveOptions.CurrentUser().Name;
            var file = new CmifFile(
                result.GetValue(title)!,
                who,
                result.GetValue(publisher) ?? who,
                result.GetValue(url) ?? (path is null ? "urn:verbatim:cmif" : new Uri(Path.GetFullPath(path)).AbsoluteUri),
                DateTimeOffset.UtcNow)
            {
                EditorEmail = result.GetValue(email),
            };
            var seen = opened.VisibilityFor(result.GetValue(includeClosed) ? Viewer.Keeper : Viewer.Public, DateOnly.FromDateTime(DateTime.UtcNow));
            var export = CmifExporter.Export(opened, file, seen);
            if (path is null)
            {
                using var stream = new MemoryStream();
                CmifWriter.Write(export.Xml, stream);
                stdout.Write(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
                stdout.WriteLine();
            }
            else
            {
                // Written beside the target and moved over it, so a failed export leaves the old file whole.
                var temporary = path + ".partial";
                using (var stream = File.Create(temporary))
                    CmifWriter.Write(export.Xml, stream);
                File.Move(temporary, path, overwrite: true);
            }
            error.WriteLine($"{Wording.Counted(export.Letters, "letter")} written as CMIF{(path is null ? "" : " to " + path)}"
                + (export.Skipped.Count == 0 ? "" : $"; {Wording.Counted(export.Skipped.Count, "document")} without a sender or an addressee left out")
                + (seen.Hidden.Count == 0 ? "." : $"; {Wording.Counted(seen.Hidden.Count, "document")} not open to everyone left out (--include-closed to include them)."));
            return 0;
        }));
        return command;
    }
}
