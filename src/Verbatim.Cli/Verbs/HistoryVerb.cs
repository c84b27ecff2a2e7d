using System.CommandLine;
using System.Globalization;
using System.Text.Json;

namespace Verbatim.Cli.Verbs;

/// <summary>`verbatim history ID`: every version of a document, oldest first.</summary>
public static class HistoryVerb
{
    public static Command Create(Option<string?> archive)
    {
        var id = new Argument<string>("ID") { Description = "The document's id." };
        var json = ArchiveOptions.Json("the versions");
        var command = new Command("history", "List the versions of a document: when, by whom, why.") { id, json };
        command.SetAction(result => ArchiveOptions.Run(result, (output, error) =>
        {
            using var opened = ArchiveOptions.OpenForReading(result, archive);
            var history = opened.History(result.GetValue(id)!);
            if (history.Count == 0)
            {
                error.WriteLine($"error: no document '{result.GetValue(id)}' in the archive");
                return 1;
            }
            if (result.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(history.Select(v => new { version = v.Number, created = v.Created, message = v.Message, user = v.User.Name, address = v.User.Address }), CliJson.Options));
                return 0;
            }
            foreach (var version in history)
                output.WriteLine($"v{version.Number}  {version.Created.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)}  {version.User.Name}  {version.Message}");
            return 0;
        }));
        return command;
    }
}
