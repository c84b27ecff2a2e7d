using System.CommandLine;
using System.Text.Json;
using Verbatim.Archiving;

namespace Verbatim.Cli.Verbs;

/// <summary>`verbatim settings [show|set|unset]`: what the archive's owner says of it to other systems (the OAI-PMH repository's name and contact).</summary>
public static class SettingsVerb
{
    public static Command Create(Option<string?> archive)
    {
        var keys = string.Join(", ", ArchiveSettings.Keys.Select(k => k.Key));
        var command = new Command("settings", $"What the archive's owner says of it to other systems, as harvesters are told it: {keys}.");

        var json = ArchiveOptions.Json("the settings");
        var show = new Command("show", "Print every setting, set or not, with what it is for.") { json };
        show.SetAction(result => ArchiveOptions.Run(result, (output, _) =>
        {
            var settings = ArchiveSettings.Read(LayoutOf(result, archive));
            if (result.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(ArchiveSettings.Keys.ToDictionary(k => k.Key, k => settings[k.Key]), CliJson.Options));
                return 0;
            }
            foreach (var (key, meaning) in ArchiveSettings.Keys)
                output.WriteLine($"{key,-16} {settings[key] ?? "(not set)"}    # {meaning}");
            return 0;
        }));
        command.Subcommands.Add(show);

        var key = new Argument<string>("KEY") { Description = $"The setting: {keys}." };
        var value = new Argument<string>("VALUE") { Description = "Its value." };
        var set = new Command("set", "Set one setting.") { key, value };
        set.SetAction(result => ArchiveOptions.Run(result, (output, _) =>
        {
            var layout = LayoutOf(result, archive);
            ArchiveSettings.Read(layout).With(result.GetValue(key)!, result.GetValue(value)).Write(layout);
            output.WriteLine($"{result.GetValue(key)} set.");
            return 0;
        }));
        command.Subcommands.Add(set);

        var unsetKey = new Argument<string>("KEY") { Description = $"The setting: {keys}." };
        var unset = new Command("unset", "Unset one setting.") { unsetKey };
        unset.SetAction(result => ArchiveOptions.Run(result, (output, _) =>
        {
            var layout = LayoutOf(result, archive);
            ArchiveSettings.Read(layout).With(result.GetValue(unsetKey)!, null).Write(layout);
            output.WriteLine($"{result.GetValue(unsetKey)} unset.");
            return 0;
        }));
        command.Subcommands.Add(unset);
        return command;
    }

    /// <summary>The archive's folder, which must be an archive: settings are never written into another folder.</summary>
    private static ArchiveLayout LayoutOf(ParseResult result, Option<string?> archive)
    {
        var layout = new ArchiveLayout(ArchiveOptions.PathOf(result, archive));
        if (!File.Exists(layout.Marker))
            throw new ArchiveException($"{layout.Root} is not a verbatim archive (no {Path.GetFileName(layout.Marker)}); make one with verbatim init");
        return layout;
    }
}
