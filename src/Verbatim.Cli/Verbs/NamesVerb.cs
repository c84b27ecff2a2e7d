using System.CommandLine;
using System.Text.Json;
using Verbatim.Archiving;
using Verbatim.Names;
using Verbatim.Presenting;

namespace Verbatim.Cli.Verbs;

/// <summary>`verbatim names`: the index of names, and the owner's corrections to it.</summary>
public static class NamesVerb
{
    public static Command Create(Option<string?> archive)
    {
        var json = ArchiveOptions.Json("the index");
        var kind = new Option<string?>("--kind") { Description = "Only persons, organisations or places." };
        kind.AcceptOnlyFromAmong("person", "organisation", "place");
        var setVariants = new Option<string?>("--set-variants") { Description = $"Store this file as the archive's name variants (a new version; see {NameVariants.FileName} in README)." };
        var showVariants = new Option<bool>("--show-variants") { Description = "Print the stored name variants file." };
        var message = new Option<string>("--message", "-m") { Description = "The message recorded with the new version of the variants.", DefaultValueFactory = _ => "name variants" };
        var wait = ArchiveOptions.Wait();
        var command = new Command("names", "The index of names: persons, organisations and places, with their variants and their documents by role.")
        {
            json, kind, setVariants, showVariants, message, wait,
        };
        command.SetAction(result => ArchiveOptions.Run(result, (output, error) =>
        {
            using var opened = result.GetValue(setVariants) is null ? ArchiveOptions.OpenForReading(result, archive) : ArchiveOptions.Open(result, archive, wait);
            if (result.GetValue(setVariants) is { } path)
            {
                var (written, errors) = opened.SetVariants(path, new IngestOptions("", result.GetValue(message)!, ArchiveOptions.CurrentUser()));
                foreach (var bad in errors)
                    error.WriteLine($"error: {bad}");
                if (written is null)
                {
                    error.WriteLine("The name variants were not changed.");
                    return 1;
                }
                output.WriteLine($"Name variants stored ({written.Status.ToString().ToLowerInvariant()}, version {written.Version}).");
                return 0;
            }
            var (_, text, storedErrors) = opened.Variants();
            foreach (var bad in storedErrors)
                error.WriteLine($"warning: {bad} (the stored variants are not applied)");
            if (result.GetValue(showVariants))
            {
                output.Write(text);
                return 0;
            }
            var entities = opened.Names().Entities
                .Where(e => result.GetValue(kind) is not { } k || e.Kind.ToString().Equals(k, StringComparison.OrdinalIgnoreCase))
                .ToList();
            if (result.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(entities, CliJson.Options));
                return 0;
            }
            foreach (var entity in entities)
            {
                output.WriteLine($"{entity.Name}  [{entity.Kind.ToString().ToLowerInvariant()}, {entity.Id}]{(entity.Authorities.Count > 0 ? "  " + string.Join(" ", entity.Authorities) : "")}");
                if (entity.Variants.Count > 1)
                    output.WriteLine($"  also: {string.Join("; ", entity.Variants.Where(v => v.Name != entity.Name).Select(v => v.Name))}");
                foreach (var role in entity.Documents.SelectMany(d => d.Roles.Select(r => (Role: r, Document: d))).GroupBy(x => x.Role))
                    output.WriteLine($"  {role.Key}: {string.Join(", ", role.Select(x => x.Document.Id))}");
            }
            output.WriteLine($"{Wording.Counted(entities.Count, "name")}.");
            return 0;
        }));
        return command;
    }
}
