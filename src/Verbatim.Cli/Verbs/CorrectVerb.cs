using System.CommandLine;
using System.Text.Json;
using Verbatim.Model;
using Verbatim.Storing;

namespace Verbatim.Cli.Verbs;

/// <summary>`verbatim correct ID [--date D] [--author NAME]... --reason WHY`: shows a document's correctable fields and their corrections, or corrects them.</summary>
public static class CorrectVerb
{
    public static Command Create(Option<string?> archive)
    {
        var id = new Argument<string>("ID") { Description = "The document's id." };
        // One option a field; a list field's option is given once a line, and replaces the whole list.
        var fields = DocumentFields.All.ToDictionary(f => f, f => IsList(f)
            ? (Option)new Option<string[]>("--" + OptionName(f)) { Description = $"{OneOf(f)}, given once for each; together they replace the list.", HelpName = "TEXT" }
            : new Option<string?>("--" + OptionName(f)) { Description = $"The {DocumentFields.Name(f)}: {DocumentFields.Form(f)}.", HelpName = "TEXT" });
        var clear = new Option<string[]>("--clear")
        {
            Description = "Empties a field: " + string.Join(", ", DocumentFields.All.Where(f => f != CorrectableField.Kind).Select(DocumentFields.Name)) + ".",
            HelpName = "FIELD",
            Validators = { r => { foreach (var name in r.GetValueOrDefault<string[]>() ?? []) { if (DocumentFields.Parse(name) is null or CorrectableField.Kind) r.AddError($"--clear: “{name}” is not a field that may be emptied"); } } },
        };
        var reason = new Option<string?>("--reason", "-m") { Description = "Why: the message of the new version (required with a correction)." };
        var basedOn = new Option<int?>("--based-on") { Description = "The version the correction was made on: where another is the head now, nothing is written.", HelpName = "VERSION" };
        var json = ArchiveOptions.Json("the fields and their corrections");
        var wait = ArchiveOptions.Wait();
        var command = new Command("correct", "Show or correct a document's fields (kind, date, place, authors, addressees, shelfmarks, publications). Each correction is a new version of its object over the same source, by you, with the reason as its message, and is made again on any later reading of the source.")
        {
            id,
        };
        foreach (var option in fields.Values.Append(clear).Append(reason).Append(basedOn).Append(json).Append(wait))
            command.Options.Add(option);

        Dictionary<CorrectableField, string> Given(ParseResult result)
        {
            var given = new Dictionary<CorrectableField, string>();
            foreach (var (field, option) in fields)
            {
                var text = option is Option<string[]> list ? result.GetValue(list) is { Length: > 0 } lines ? string.Join('\n', lines) : null
                    : result.GetValue((Option<string?>)option);
                if (text is not null)
                    given[field] = text;
            }
            foreach (var name in result.GetValue(clear) ?? [])
                given[DocumentFields.Parse(name)!.Value] = "";
            return given;
        }

        command.Validators.Add(result =>
        {
            if ((fields.Values.Any(o => result.GetResult(o) is not null) || result.GetResult(clear) is not null) && string.IsNullOrWhiteSpace(result.GetValue(reason)))
                result.AddError("a correction needs --reason: it is recorded as the message of the new version");
        });
        command.SetAction(result => ArchiveOptions.Run(result, (output, error) =>
        {
            var documentId = result.GetValue(id)!;
            var given = Given(result);
            if (given.Count > 0)
            {
                using var writable = ArchiveOptions.Open(result, archive, wait);
                var written = writable.Correct(documentId, given, result.GetValue(reason)!, ArchiveOptions.CurrentUser(), basedOn: result.GetValue(basedOn));
                if (result.GetValue(json))
                    output.WriteLine(JsonSerializer.Serialize(new { id = documentId, status = written.Status.ToString().ToLowerInvariant(), version = written.Version }, CliJson.Options));
                else if (written.Status == WriteStatus.Unchanged)
                    output.WriteLine($"{documentId} reads so already; nothing written");
                else
                    output.WriteLine($"{documentId} corrected in version {written.Version}");
                return 0;
            }
            using var opened = ArchiveOptions.OpenForReading(result, archive);
            if (opened.Show(documentId) is not { } document)
            {
                error.WriteLine($"error: no document '{documentId}' in the archive");
                return 1;
            }
            if (result.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(new
                {
                    id = documentId,
                    fields = DocumentFields.All.ToDictionary(DocumentFields.Name, f => DocumentFields.Text(document, f)),
                    corrections = document.Corrections.Select(c => new { field = DocumentFields.Name(c.Field), was = c.Was, value = c.Value, editor = c.Editor, version = c.Version, reason = c.Reason }),
                }, CliJson.Options));
                return 0;
            }
            foreach (var field in DocumentFields.All)
                output.WriteLine($"{DocumentFields.Name(field),-11} {DocumentFields.Quote(DocumentFields.Text(document, field))}");
            foreach (var correction in document.Corrections)
                output.WriteLine($"v{correction.Version}  {correction.Editor}  {DocumentFields.Name(correction.Field)} {DocumentFields.Quote(correction.Was)} → {DocumentFields.Quote(correction.Value)}  ({correction.Reason})");
            return 0;
        }));
        return command;
    }

    private static bool IsList(CorrectableField field) => field is CorrectableField.Authors or CorrectableField.Addressees or CorrectableField.Shelfmarks or CorrectableField.Published;

    private static string OneOf(CorrectableField field) => field switch
    {
        CorrectableField.Authors => "An author",
        CorrectableField.Addressees => "An addressee",
        CorrectableField.Shelfmarks => "An archival shelfmark",
        _ => "A publication, the first printing first",
    };

    // A list's option is named for one of its lines: --author, --shelfmark.
    private static string OptionName(CorrectableField field) => field switch
    {
        CorrectableField.Authors => "author",
        CorrectableField.Addressees => "addressee",
        CorrectableField.Shelfmarks => "shelfmark",
        _ => DocumentFields.Name(field),
    };
}
