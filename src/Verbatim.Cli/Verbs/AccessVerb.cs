using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Verbatim.Access;
using Verbatim.Storing;

namespace Verbatim.Cli.Verbs;

/// <summary>`verbatim access ID [RULE] --reason WHY`: shows a document's access and its changes, or sets a new one.</summary>
public static class AccessVerb
{
    public const string RuleForms = "open, restricted:GROUP[,GROUP...], embargoed:YYYY-MM-DD (open from that day) or withdrawn:REASON";

    /// <summary>--access on a verb that stores documents; its value is checked as the command line is read.</summary>
    public static Option<string?> Option(string what) => new("--access")
    {
        Description = $"Who may see {what}: {RuleForms}.",
        HelpName = "RULE",
        Validators = { r => { if (DocumentAccess.Parse(r.GetValueOrDefault<string>() ?? "").Error is { } error) r.AddError($"--access: {error}"); } },
    };

    public static Command Create(Option<string?> archive)
    {
        var id = new Argument<string>("ID") { Description = "The document's id." };
        var rule = new Argument<string?>("RULE")
        {
            Description = $"The new access: {RuleForms}. Without it, the document's access and its changes are shown.",
            Arity = ArgumentArity.ZeroOrOne,
            Validators = { r => { if (r.GetValueOrDefault<string?>() is { } given && DocumentAccess.Parse(given).Error is { } error) r.AddError(error); } },
        };
        var reason = new Option<string?>("--reason", "-m") { Description = "Why the access changes: the message of the new version (required with RULE)." };
        var json = ArchiveOptions.Json("the access and its changes");
        var wait = ArchiveOptions.Wait();
        var command = new Command("access", "Show or set who may see a document. Each change is a new version of its object, by you, with the reason as its message; editors see every document whatever its access.")
        {
            id, rule, reason, json, wait,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(rule) is not null && string.IsNullOrWhiteSpace(result.GetValue(reason)))
                result.AddError("a change of access needs --reason: it is recorded as the message of the new version");
        });
        command.SetAction(result => ArchiveOptions.Run(result, (output, error) =>
        {
            var documentId = result.GetValue(id)!;
            if (result.GetValue(rule) is { } given)
            {
                using var writable = ArchiveOptions.Open(result, archive, wait);
                var access = DocumentAccess.Parse(given).Access!;
                var written = writable.SetAccess(documentId, access, result.GetValue(reason)!, ArchiveOptions.CurrentUser());
                if (result.GetValue(json))
                    output.WriteLine(JsonSerializer.Serialize(new { id = documentId, access = access.ToString(), status = written.Status.ToString().ToLowerInvariant(), version = written.Version }, CliJson.Options));
                else if (written.Status == WriteStatus.Unchanged)
                    output.WriteLine($"{documentId} is {access.Describe()} already; nothing written");
                else
                    output.WriteLine($"{documentId} is {access.Describe()} from version {written.Version}");
                return 0;
            }
            using var opened = ArchiveOptions.OpenForReading(result, archive);
            if (opened.AccessOf(documentId) is not { } current)
            {
                error.WriteLine($"error: no document '{documentId}' in the archive");
                return 1;
            }
            var changes = opened.AccessHistory(documentId);
            if (result.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(new
                {
                    id = documentId,
                    access = current.ToString(),
                    changes = changes.Select(c => new { version = c.Version.Number, created = c.Version.Created, user = c.Version.User.Name, reason = c.Version.Message, access = c.Access.ToString() }),
                }, CliJson.Options));
                return 0;
            }
            output.WriteLine($"{documentId}: {current.Describe()}");
            foreach (var (version, access) in changes)
                output.WriteLine($"v{version.Number}  {version.Created.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)}  {version.User.Name}  {access.Describe()}  ({version.Message})");
            return 0;
        }));
        return command;
    }
}
