using System.CommandLine;
using System.Text.Json;

namespace Verbatim.Cli.Verbs;

/// <summary>`verbatim groups ...`: the groups restricted documents are opened to.</summary>
public static class GroupsVerb
{
    public static Command Create(Option<string?> archive)
    {
        var command = new Command("groups", "The groups that restricted documents are opened to (access restricted:GROUP) and accounts are put in (users grant).");

        var name = new Argument<string>("NAME") { Description = "The group's name (letters, digits, '-', '_' and '.')." };
        var description = new Option<string?>("--description") { Description = "What the group is for." };
        var add = new Command("add", "Add a group.") { name, description };
        add.SetAction(result => UsersVerb.WithBook(result, archive, (book, output, _, record) =>
        {
            var group = book.AddGroup(result.GetValue(name)!, result.GetValue(description));
            record($"added group {group.Name}");
            output.WriteLine($"added group {group.Name}");
            return 0;
        }));
        command.Subcommands.Add(add);

        var removed = new Argument<string>("NAME") { Description = "The group's name." };
        var remove = new Command("remove", "Remove a group and its memberships; documents restricted to it stay closed to all but editors until their access changes.") { removed };
        remove.SetAction(result => UsersVerb.WithBook(result, archive, (book, output, _, record) =>
        {
            book.RemoveGroup(result.GetValue(removed)!);
            record($"removed group {result.GetValue(removed)}");
            output.WriteLine($"removed group {result.GetValue(removed)}");
            return 0;
        }));
        command.Subcommands.Add(remove);

        var json = ArchiveOptions.Json("the groups");
        var list = new Command("list", "List the groups with their members.") { json };
        list.SetAction(result => UsersVerb.WithBook(result, archive, (book, output, _, record) =>
        {
            var users = book.Users();
            var groups = book.Groups().Select(g => (Group: g, Members: users.Where(u => u.Groups.Contains(g.Name)).Select(u => u.Name).ToList())).ToList();
            if (result.GetValue(json))
                output.WriteLine(JsonSerializer.Serialize(groups.Select(g => new { name = g.Group.Name, description = g.Group.Description, members = g.Members }), CliJson.Options));
            else
            {
                foreach (var (group, members) in groups)
                    output.WriteLine($"{group.Name}{(group.Description is { } about ? $"  ({about})" : "")}: {(members.Count == 0 ? "no members" : string.Join(", ", members))}");
            }
            return 0;
        }));
        command.Subcommands.Add(list);
        return command;
    }
}
