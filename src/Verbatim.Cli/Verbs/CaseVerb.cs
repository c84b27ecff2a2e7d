using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Verbatim.Archiving;
using Verbatim.Cases;
using Verbatim.Presenting;
using Verbatim.Quoting;

namespace Verbatim.Cli.Verbs;

/// <summary>
/// `verbatim case new|add|show|list|summary`: case files, a question with its evidence, each
/// citation kept at the version it was taken from. Every change is a new version of the case's
/// object, by the user who runs the command.
/// </summary>
public static class CaseVerb
{
    public static Command Create(Option<string?> archive)
    {
        var command = new Command("case", "Case files: a question, the author's summary, and the evidence (documents, passages, quotation checks, collations, notes), each citation at the exact version it was taken from.");
        command.Subcommands.Add(New(archive));
        command.Subcommands.Add(Add(archive));
        command.Subcommands.Add(Show(archive));
        command.Subcommands.Add(List(archive));
        command.Subcommands.Add(Summary(archive));
        command.Subcommands.Add(Export(archive));
        return command;
    }

    private static Command Export(Option<string?> archive)
    {
        var id = CaseId();
        var pack = new Option<string>("--pack") { Description = "The folder to write the case's evidence pack to (a BagIt bag): new, or empty.", Required = true };
        var organization = new Option<string>("--organization") { Description = "Who makes the pack (bag-info.txt's Source-Organization).", DefaultValueFactory = _ => "Verbatim" };
        var includeClosed = new Option<bool>("--include-closed") { Description = "Let the pack cite documents that are not open to everyone today; refused by default." };
        var command = new Command("export", "Write the case as an evidence pack: each cited version's source and document.json, an index of the citations with their digests, and a readable report. verbatim verify-pack checks it.") { id, pack, organization, includeClosed };
        command.SetAction(result => ArchiveOptions.Run(result, (output, _) =>
        {
            using var opened = ArchiveOptions.OpenForReading(result, archive);
            var stored = opened.ReadCase(result.GetValue(id)!) ?? throw new ArchiveException($"no case '{result.GetValue(id)}' (verbatim case list names them)");
            var seen = opened.VisibilityFor(result.GetValue(includeClosed) ? Access.Viewer.Keeper : Access.Viewer.Public, DateOnly.FromDateTime(DateTime.UtcNow));
            var target = Path.GetFullPath(result.GetValue(pack)!);
            var index = EvidencePacks.EvidencePack.Write(opened, target, CasePack.ContentsOf(stored.Case), seen, result.GetValue(organization)!, DateOnly.FromDateTime(DateTime.UtcNow));
            output.WriteLine($"The case {stored.Case.Id} (version {stored.Version.Number}) as an evidence pack of {Wording.Counted(index.Citations.Count, "citation")} in {target}; verbatim verify-pack {target} checks it.");
            return 0;
        }));
        return command;
    }

    private static Argument<string> CaseId() => new("ID") { Description = "The case's id: lower-case letters, digits and hyphens." };

    private static Command New(Option<string?> archive)
    {
        var id = CaseId();
        var question = new Option<string>("--question") { Description = "The question the case answers.", Required = true };
        var summary = new Option<string?>("--summary") { Description = "The author's summary of the answer (verbatim case summary changes it)." };
        var wait = ArchiveOptions.Wait();
        var command = new Command("new", "Start a case with its question.") { id, question, summary, wait };
        command.SetAction(result => ArchiveOptions.Run(result, (output, _) =>
        {
            using var opened = ArchiveOptions.Open(result, archive, wait);
            var stored = opened.NewCase(result.GetValue(id)!, result.GetValue(question)!, result.GetValue(summary), ArchiveOptions.CurrentUser());
            output.WriteLine($"case {stored.Case.Id}: version {stored.Version.Number}");
            return 0;
        }));
        return command;
    }

    private static readonly string[] Kinds = ["document", "passage", "quote", "collation", "note"];

    private static Command Add(Option<string?> archive)
    {
        var id = CaseId();
        var kind = new Argument<string>("KIND") { Description = "What to add: document DOC, passage DOC (--from N --to N, or --text WORDS), quote QUOTATION, collation DOC DOC..., note TEXT." };
        kind.AcceptOnlyFromAmong(Kinds);
        var rest = new Argument<string[]>("WHAT")
        {
            Description = "A document: ID (its newest version now) or ID@VERSION, and for a collation's witness :START-END after it; a quotation; a note's text.",
            Arity = ArgumentArity.OneOrMore,
        };
        var from = new Option<int?>("--from") { Description = "A passage's first character in the document's text (from 0).", HelpName = "N" };
        var to = new Option<int?>("--to") { Description = "The character after a passage's last.", HelpName = "N" };
        var text = new Option<string?>("--text") { Description = "A passage's exact words, found in the document's text (instead of --from and --to)." };
        var wait = ArchiveOptions.Wait();
        var command = new Command("add", "Add an item at the end of a case's evidence, each citation at the version named or the newest now: a new version of the case.")
        {
            id, kind, rest, from, to, text, wait,
        };
        command.Validators.Add(result =>
        {
            var given = result.GetValue(rest) ?? [];
            var passage = result.GetValue(kind) == "passage";
            var range = (result.GetValue(from), result.GetValue(to));
            if (passage && (result.GetValue(text) is null ? range.Item1 is null || range.Item2 is null : range.Item1 is not null || range.Item2 is not null))
                result.AddError("give --from and --to, or --text, to say which characters the passage is");
            else if (!passage && (range.Item1 is not null || range.Item2 is not null || result.GetValue(text) is not null))
                result.AddError("--from, --to and --text say which characters a passage is; they go with passage only");
            else if (result.GetValue(kind) is "document" or "passage" && given.Length != 1)
                result.AddError($"{result.GetValue(kind)} takes one document: ID or ID@VERSION");
        });
        command.SetAction(result => ArchiveOptions.Run(result, (output, _) =>
        {
            using var opened = ArchiveOptions.Open(result, archive, wait);
            var caseId = result.GetValue(id)!;
            // An unknown case is said before the item is built: no quotation is checked for nothing.
            if (opened.ReadCase(caseId) is null)
                throw new ArchiveException($"no case '{caseId}' in the archive (verbatim case list shows them)");
            var given = result.GetValue(rest)!;
            CaseItem added = result.GetValue(kind) switch
            {
                "document" => CaseItems.Document(opened, given[0]),
                "passage" => result.GetValue(text) is { } words ? CaseItems.Passage(opened, given[0], words)
                    : CaseItems.Passage(opened, given[0], result.GetValue(from)!.Value, result.GetValue(to)!.Value),
                "quote" => CaseItems.Quotation(opened, string.Join(' ', given)),
                "collation" => CaseItems.Collation(opened, given),
                _ => new NoteItem(string.Join(' ', given)),
            };
            var stored = opened.AddToCase(caseId, added, ArchiveOptions.CurrentUser());
            output.WriteLine($"case {caseId}: version {stored.Version.Number}, item {stored.Case.Items.Count}: {PlainText.Escaped(CaseWording.Describe(added))}");
            return 0;
        }));
        return command;
    }

    private static Command Summary(Option<string?> archive)
    {
        var id = CaseId();
        var text = new Argument<string>("TEXT") { Description = "The new summary." };
        var wait = ArchiveOptions.Wait();
        var command = new Command("summary", "Replace a case's summary: a new version of the case.") { id, text, wait };
        command.SetAction(result => ArchiveOptions.Run(result, (output, _) =>
        {
            using var opened = ArchiveOptions.Open(result, archive, wait);
            var stored = opened.SetCaseSummary(result.GetValue(id)!, result.GetValue(text)!, ArchiveOptions.CurrentUser());
            output.WriteLine($"case {stored.Case.Id}: version {stored.Version.Number}");
            return 0;
        }));
        return command;
    }

    private static Command List(Option<string?> archive)
    {
        var json = ArchiveOptions.Json("the cases");
        var command = new Command("list", "List the archive's cases.") { json };
        command.SetAction(result => ArchiveOptions.Run(result, (output, _) =>
        {
            using var opened = ArchiveOptions.OpenForReading(result, archive);
            var cases = opened.CaseIds().Select(id => opened.ReadCase(id)!).OrderBy(c => c.Case.Id, StringComparer.Ordinal).ToList();
            if (result.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(cases.Select(c => new { id = c.Case.Id, question = c.Case.Question, items = c.Case.Items.Count, version = c.Version.Number }), CliJson.Options));
                return 0;
            }
            if (cases.Count == 0)
                output.WriteLine("no cases (verbatim case new ID --question TEXT starts one)");
            foreach (var stored in cases)
                output.WriteLine($"{stored.Case.Id}  v{stored.Version.Number}  {stored.Case.Items.Count} {(stored.Case.Items.Count == 1 ? "item" : "items")}  {PlainText.Escaped(stored.Case.Question)}");
            return 0;
        }));
        return command;
    }

    private static Command Show(Option<string?> archive)
    {
        var id = CaseId();
        var version = new Option<int?>("--version") { Description = "Show this version of the case (default: the newest)." };
        var json = ArchiveOptions.Json("the case (case.json), its version and its versions");
        var command = new Command("show", "Show a case: its question, summary and evidence, and where a cited document has a newer version.") { id, version, json };
        command.SetAction(result => ArchiveOptions.Run(result, (output, _) =>
        {
            using var opened = ArchiveOptions.OpenForReading(result, archive);
            var caseId = result.GetValue(id)!;
            var stored = opened.ReadCase(caseId, result.GetValue(version))
                ?? throw new ArchiveException(result.GetValue(version) is { } v && opened.CaseHistory(caseId).Count > 0
                    ? $"no version {v} of case '{caseId}'" : $"no case '{caseId}' in the archive (verbatim case list shows them)");
            if (result.GetValue(json))
            {
                var node = JsonSerializer.SerializeToNode(stored.Case, CaseJson.Options)!.AsObject();
                node["version"] = stored.Version.Number;
                node["versions"] = new JsonArray([.. opened.CaseHistory(caseId).Select(v => (JsonNode)new JsonObject
                {
                    ["version"] = v.Number,
                    ["created"] = v.Created.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                    ["user"] = v.User.Name,
                    ["message"] = v.Message,
                })]);
                output.WriteLine(node.ToJsonString(CaseJson.Options));
                return 0;
            }
            WriteText(output, opened, stored);
            return 0;
        }));
        return command;
    }

    private static void WriteText(TextWriter output, Archive archive, StoredCase stored)
    {
        var caseFile = stored.Case;
        output.WriteLine($"# {PlainText.Escaped(caseFile.Question)}");
        output.WriteLine($"case {caseFile.Id}, version {stored.Version.Number}, by {PlainText.Escaped(caseFile.Author.Name)}");
        if (caseFile.Summary.Length > 0)
        {
            output.WriteLine();
            output.WriteLine(PlainText.Escaped(caseFile.Summary, keepLineBreaks: true));
        }
        var heads = new Dictionary<string, int>(StringComparer.Ordinal);
        string Newer(string documentId, int cited)
        {
            if (!heads.TryGetValue(documentId, out var head))
                heads[documentId] = head = archive.History(documentId) is { Count: > 0 } history ? history[^1].Number : 0;
            return head > cited ? $" (version {head} is newer: verbatim diff {documentId} {cited} {head})" : "";
        }
        for (var k = 0; k < caseFile.Items.Count; k++)
        {
            output.WriteLine();
            var item = caseFile.Items[k];
            output.WriteLine($"{k + 1}. {PlainText.Escaped(CaseWording.Describe(item))}{string.Concat(Cited(item).Select(c => Newer(c.Id, c.Version)))}");
            switch (item)
            {
                case DocumentItem document:
                    output.WriteLine($"   {TitleOf(archive, document)}");
                    break;
                case PassageItem passage:
                    output.WriteLine($"   «{PlainText.Escaped(passage.Text, keepLineBreaks: true)}»");
                    break;
                case QuotationItem check:
                    output.WriteLine($"   quoted: «{PlainText.Escaped(check.Quotation)}»");
                    foreach (var source in check.Matches.Count > 0 ? check.Matches : check.Nearest)
                    {
                        output.WriteLine($"   {(check.Matches.Count > 0 ? "found in" : "nearest:")} {source.Id} version {source.Version}, characters {source.Start}–{source.End}, {source.MatchedWords} words equal");
                        foreach (var difference in source.Differences)
                            output.WriteLine("     " + PlainText.Escaped(DifferenceOutput.Line(new QuoteDifference(difference.Type, difference.Quoted, difference.Source, difference.Offset, difference.QuotedOffset))));
                    }
                    break;
                case CollationItem { Witnesses: [var a, var b] }:
                    output.WriteLine($"   {TestimoniesOf(archive, a, b)}");
                    break;
                case NoteItem note:
                    output.WriteLine($"   {PlainText.Escaped(note.Text, keepLineBreaks: true)}");
                    break;
            }
        }
    }

    /// <summary>Two witnesses sentence by sentence, in one line, with the command that shows every row.</summary>
    private static string TestimoniesOf(Archive archive, CitedWitness a, CitedWitness b)
    {
        try
        {
            if (archive.Show(a.Id, a.Version) is not { } documentA || archive.Show(b.Id, b.Version) is not { } documentB)
                return "(a witness is not in the archive)";
            var ranges = string.Concat(new[] { ("a", a), ("b", b) }.Where(w => w.Item2.Start is not null).Select(w => $" --range-{w.Item1} {w.Item2.Start}-{w.Item2.End}"));
            // compare-testimonies wants two names: one version cited twice (two ranges of it) is named A and B.
            var (nameA, nameB) = (a.Id, a.Version) == (b.Id, b.Version) ? ("A=", "B=") : ("", "");
            return $"sentence by sentence: {CaseItems.AsTestimonies(documentA, a, documentB, b).Summary()} (verbatim compare-testimonies {nameA}{a.Id}@{a.Version} {nameB}{b.Id}@{b.Version}{ranges})";
        }
        catch (DamagedDocumentException)
        {
            return "(damaged in the store: verbatim audit names the damage)";
        }
    }

    private static string TitleOf(Archive archive, DocumentItem document)
    {
        try
        {
            return PlainText.Escaped(archive.Show(document.Id, document.Version)?.Title ?? "(not in the archive)");
        }
        catch (DamagedDocumentException)
        {
            // The case is shown whole all the same; audit names the damage.
            return "(damaged in the store: verbatim audit names the damage)";
        }
    }

    private static IEnumerable<(string Id, int Version)> Cited(CaseItem item) => item switch
    {
        DocumentItem d => [(d.Id, d.Version)],
        PassageItem p => [(p.Id, p.Version)],
        CollationItem c => c.Witnesses.Select(w => (w.Id, w.Version)).Distinct(),
        QuotationItem q => q.Matches.Select(m => (m.Id, m.Version)).Distinct(),
        _ => [],
    };
}
