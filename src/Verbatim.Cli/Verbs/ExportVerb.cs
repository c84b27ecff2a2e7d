using System.CommandLine;
using Verbatim.Access;
using Verbatim.EvidencePacks;
using Verbatim.Exporting;
using Verbatim.Formats.Cmif;
using Verbatim.Presenting;

namespace Verbatim.Cli.Verbs;

/// <summary>`verbatim export cmif|bag|tei|pack`: the archive's letters as a CMIF file, documents as a BagIt bag or as TEI files, citations as an evidence pack.</summary>
public static class ExportVerb
{
    public static Command Create(Option<string?> archive)
    {
        var command = new Command("export", "Write the archive in an exchange format.");
        command.Subcommands.Add(Cmif(archive));
        command.Subcommands.Add(Bag(archive));
        command.Subcommands.Add(Tei(archive));
        command.Subcommands.Add(Pack(archive));
        return command;
    }

    private static Command Pack(Option<string?> archive)
    {
        var folder = new Argument<string>("DIR") { Description = "The pack's folder: new, or empty." };
        var question = new Option<string>("--question") { Description = "The question the pack's evidence answers (bag-info.txt's External-Description).", Required = true };
        var summary = new Option<string>("--summary") { Description = "What the evidence shows, in the author's words.", DefaultValueFactory = _ => "" };
        var cite = new Option<string[]>("--cite") { Description = "A document (ID), a version of it (ID@VERSION) or a passage (ID[@VERSION]:FROM-TO, characters of its text, TO excluded); the head version where none is given.", HelpName = "ID[@VERSION][:FROM-TO]", AllowMultipleArgumentsPerToken = true };
        var quote = new Option<string[]>("--quote") { Description = "A quotation: check-quote finds its best source, cited with the differences found." };
        var organization = new Option<string>("--organization") { Description = "bag-info.txt's Source-Organization: who makes the pack.", DefaultValueFactory = _ => $"Verbatim archive ({Environment.MachineName})" };
        var includeClosed = new Option<bool>("--include-closed") { Description = "Allow citing documents that are not open to everyone today; a pack is for publication, so they are refused by default." };
        var command = new Command("pack", "An evidence pack: a BagIt bag holding each cited version's source and document.json, an index of the citations with their digests (data/citations.json) and a readable report (data/report.html). Check one with verify-pack.")
        {
            folder, question, summary, cite, quote, organization, includeClosed,
        };
        command.SetAction(result => ArchiveOptions.Run(result, (stdout, error) =>
        {
            var citations = new List<PackCitation>();
            foreach (var spec in result.GetValue(cite) ?? [])
            {
                try
                {
                    citations.Add(PackCitation.Parse(spec));
                }
                catch (FormatException bad)
                {
                    error.WriteLine($"error: --cite {bad.Message}");
                    return 2;
                }
            }
            using var opened = ArchiveOptions.OpenForReading(result, archive);
            var seen = opened.VisibilityFor(result.GetValue(includeClosed) ? Viewer.Keeper : Viewer.Public, DateOnly.FromDateTime(DateTime.UtcNow));
            foreach (var quotation in result.GetValue(quote) ?? [])
            {
                if (PackCitation.OfQuotation(opened, quotation, seen) is not { } found)
                {
                    error.WriteLine($"error: --quote \"{PlainText.Escaped(quotation)}\": no source found in the archive (verbatim check-quote shows the nearest); nothing was written");
                    return 2;
                }
                citations.Add(found);
            }
            if (citations.Count == 0)
            {
                error.WriteLine("error: a pack cites something: give --cite or --quote");
                return 2;
            }
            var target = Path.GetFullPath(result.GetValue(folder)!);
            var index = EvidencePack.Write(opened, target, new PackContents(result.GetValue(question)!, result.GetValue(summary)!, citations), seen, result.GetValue(organization)!, DateOnly.FromDateTime(DateTime.UtcNow));
            foreach (var citation in index.Citations)
                stdout.WriteLine($"{citation.Number}. {citation.Kind} {citation.Document} v{citation.Version} {citation.Start}-{citation.End}{(citation.Differences.Count > 0 ? $", {Wording.Counted(citation.Differences.Count, "difference")}" : "")}");
            stdout.WriteLine($"An evidence pack of {Wording.Counted(index.Citations.Count, "citation")} written to {target}; verbatim verify-pack {target} checks it.");
            return 0;
        }));
        return command;
    }

    private static Command Tei(Option<string?> archive)
    {
        var folder = new Argument<string>("DIR") { Description = "The folder to write: new, or empty. One file a document, ID.xml." };
        var includeClosed = new Option<bool>("--include-closed") { Description = "Include the documents that are not open to everyone today; left out by default." };
        var command = new Command("tei", "Every document as a TEI P5 file (teiHeader with the source edition, shelfmarks, correspondence and publication history; the body with its notes).") { folder, includeClosed };
        command.SetAction(result => ArchiveOptions.Run(result, (stdout, error) =>
        {
            using var opened = ArchiveOptions.OpenForReading(result, archive);
            var seen = opened.VisibilityFor(result.GetValue(includeClosed) ? Viewer.Keeper : Viewer.Public, DateOnly.FromDateTime(DateTime.UtcNow));
            var target = Path.GetFullPath(result.GetValue(folder)!);
            var export = TeiExporter.Export(opened, target, seen);
            foreach (var id in export.Damaged)
                error.WriteLine($"error: {id} is damaged in the store (verbatim audit names the damage); left out");
            stdout.WriteLine($"{Wording.Counted(export.Documents.Count, "document")} written as TEI to {target}"
                + (export.Closed == 0 ? "." : $"; {Wording.Counted(export.Closed, "document")} not open to everyone left out (--include-closed to include them)."));
            return export.Damaged.Count > 0 ? 1 : 0;
        }));
        return command;
    }

    private static Command Bag(Option<string?> archive)
    {
        var folder = new Argument<string>("DIR") { Description = "The bag's folder: new, or empty." };
        var ids = new Option<string[]>("--ids") { Description = "The documents to write (default: all).", AllowMultipleArgumentsPerToken = true };
        var query = new Option<string?>("--query") { Description = "Write the documents a search finds (the search syntax of verbatim search)." };
        var organization = new Option<string>("--organization") { Description = "bag-info.txt's Source-Organization: who sends the bag.", DefaultValueFactory = _ => $"Verbatim archive ({Environment.MachineName})" };
        var includeClosed = new Option<bool>("--include-closed") { Description = "Include the documents that are not open to everyone today; a bag is for deposit or publication, so they are left out by default." };
        var command = new Command("bag", "Documents as a BagIt bag (RFC 8493, SHA-512 manifests): each one's source as received and its document.json.")
        {
            folder, ids, query, organization, includeClosed,
        };
        command.SetAction(result => ArchiveOptions.Run(result, (stdout, error) =>
        {
            using var opened = ArchiveOptions.OpenForReading(result, archive);
            var seen = opened.VisibilityFor(result.GetValue(includeClosed) ? Viewer.Keeper : Viewer.Public, DateOnly.FromDateTime(DateTime.UtcNow));
            IReadOnlyList<string>? wanted = result.GetValue(ids) is { Length: > 0 } given ? given : null;
            if (result.GetValue(query) is { } text)
                wanted = [.. (wanted ?? []), .. Found(opened, text, seen)];
            var export = BagExporter.Export(opened, result.GetValue(folder)!, wanted, seen, result.GetValue(organization)!, DateOnly.FromDateTime(DateTime.UtcNow));
            foreach (var id in export.Unknown)
                error.WriteLine($"error: no document '{id}'");
            foreach (var id in export.Damaged)
                error.WriteLine($"error: {id} is damaged in the store (verbatim audit names the damage); left out");
            stdout.WriteLine($"{Wording.Counted(export.Documents.Count, "document")} written as a bag to {Path.GetFullPath(result.GetValue(folder)!)}"
                + (export.Closed == 0 ? "." : $"; {Wording.Counted(export.Closed, "document")} not open to everyone left out (--include-closed to include them)."));
            return export.Unknown.Count + export.Damaged.Count > 0 ? 1 : 0;
        }));
        return command;
    }

    // Every hit of the search, a page at a time.
    private static List<string> Found(Archiving.Archive opened, string text, Visibility seen)
    {
        var found = new List<string>();
        while (true)
        {
            var page = opened.Search(new Searching.SearchQuery(text) { Offset = found.Count, Limit = 500, Filter = new Searching.WorkFilter { Hidden = seen.Hidden } });
            found.AddRange(page.Hits.Select(h => h.Id));
            if (page.Hits.Count == 0 || found.Count >= page.Total)
                return found;
        }
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
