using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Verbatim.Access;
using Verbatim.Accounts;
using Verbatim.Archiving;

namespace Verbatim.Cli.Verbs;

/// <summary>`verbatim users ...`: the accounts that sign in to the web reader, their roles, groups and tokens.</summary>
public static class UsersVerb
{
    private static readonly string[] Roles = ["researcher", "editor", "admin"];

    public static Command Create(Option<string?> archive)
    {
        var command = new Command("users", "The accounts that sign in to the web reader: researchers see what their groups are granted, editors see everything and set access, admins manage accounts.");
        command.Subcommands.Add(Add(archive));
        command.Subcommands.Add(List(archive));
        command.Subcommands.Add(Switch(archive, "disable", "Stop an account signing in and its tokens answering; its sessions end (enabling it again revives none).", true));
        command.Subcommands.Add(Switch(archive, "enable", "Let a disabled account sign in again.", false));
        command.Subcommands.Add(Membership(archive, "grant", "Add an account to a group: it sees the documents restricted to that group.", grant: true));
        command.Subcommands.Add(Membership(archive, "revoke", "Take an account out of a group.", grant: false));
        command.Subcommands.Add(Password(archive));
        command.Subcommands.Add(Token(archive));
        return command;
    }

    private static Argument<string> Name() => new("NAME") { Description = "The account's name." };

    private static Option<string?> PasswordFile() => new("--password-file")
    {
        Description = "Read the password from the first line of this file ('-' for standard input); without it, it is asked for without echo.",
        HelpName = "FILE",
    };

    private static Command Add(Option<string?> archive)
    {
        var name = Name();
        var role = new Option<string>("--role") { Description = "researcher, editor or admin.", DefaultValueFactory = _ => "researcher" };
        role.AcceptOnlyFromAmong(Roles);
        var groups = new Option<string[]>("--group") { Description = "A group the account is in (repeat for more).", AllowMultipleArgumentsPerToken = false };
        var passwordFile = PasswordFile();
        var command = new Command("add", $"Add an account with a password of at least {AccountBook.MinimumPasswordLength} characters.") { name, role, groups, passwordFile };
        command.SetAction(result => WithBook(result, archive, (book, output, _, record) =>
        {
            var account = book.AddUser(result.GetValue(name)!, Enum.Parse<Role>(result.GetValue(role)!, ignoreCase: true), ReadPassword(result, passwordFile), result.GetValue(groups));
            record($"added account {account.Name}, {Describe(account)}");
            output.WriteLine($"added {account.Name}, {Describe(account)}");
            return 0;
        }));
        return command;
    }

    private static Command List(Option<string?> archive)
    {
        var json = ArchiveOptions.Json("the accounts");
        var command = new Command("list", "List the accounts with their roles and groups.") { json };
        command.SetAction(result => WithBook(result, archive, (book, output, _, record) =>
        {
            var users = book.Users();
            if (result.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(users.Select(u => new
                {
                    name = u.Name,
                    role = u.Role.ToString().ToLowerInvariant(),
                    groups = u.Groups,
                    disabled = u.Disabled,
                    created = u.Created,
                    lockedUntil = u.LockedUntil,
                }), CliJson.Options));
                return 0;
            }
            foreach (var user in users)
                output.WriteLine($"{user.Name}  {Describe(user)}");
            if (users.Count == 0)
                output.WriteLine("no accounts yet (verbatim users add NAME --role ROLE)");
            return 0;
        }));
        return command;
    }

    private static Command Switch(Option<string?> archive, string verb, string description, bool disable)
    {
        var name = Name();
        var command = new Command(verb, description) { name };
        command.SetAction(result => WithBook(result, archive, (book, output, _, record) =>
        {
            book.SetDisabled(result.GetValue(name)!, disable);
            record($"{verb}d account {result.GetValue(name)}");
            output.WriteLine($"{result.GetValue(name)} {(disable ? "disabled" : "enabled")}");
            return 0;
        }));
        return command;
    }

    private static Command Membership(Option<string?> archive, string verb, string description, bool grant)
    {
        var name = Name();
        var group = new Argument<string>("GROUP") { Description = "The group." };
        var command = new Command(verb, description) { name, group };
        command.SetAction(result => WithBook(result, archive, (book, output, _, record) =>
        {
            var (account, to) = (result.GetValue(name)!, result.GetValue(group)!);
            var changed = grant ? book.Grant(account, to) : book.Revoke(account, to);
            if (changed)
                record($"{(grant ? "put" : "took")} {account} {(grant ? "in" : "out of")} group {to}");
            output.WriteLine(changed ? $"{account} {(grant ? "is now in" : "is no longer in")} {to}" : $"{account} {(grant ? "was in" : "was not in")} {to} already");
            return 0;
        }));
        return command;
    }

    private static Command Password(Option<string?> archive)
    {
        var name = Name();
        var passwordFile = PasswordFile();
        var command = new Command("password", "Set an account's password; every session of the account ends.") { name, passwordFile };
        command.SetAction(result => WithBook(result, archive, (book, output, _, record) =>
        {
            book.SetPassword(result.GetValue(name)!, ReadPassword(result, passwordFile));
            record($"set the password of {result.GetValue(name)}");
            output.WriteLine($"password of {result.GetValue(name)} set");
            return 0;
        }));
        return command;
    }

    private static Command Token(Option<string?> archive)
    {
        var name = Name();
        var label = new Option<string?>("--create") { Description = "Make a token with this label (what it is for); its secret is printed once and kept nowhere.", HelpName = "LABEL" };
        var revoke = new Option<string?>("--revoke") { Description = "Revoke the token with this id.", HelpName = "ID" };
        var command = new Command("tokens", "List an account's API tokens (sent by scripts as Authorization: Bearer), make one, or revoke one.") { name, label, revoke };
        command.SetAction(result => WithBook(result, archive, (book, output, error, record) =>
        {
            var account = result.GetValue(name)!;
            if (result.GetValue(label) is { } purpose)
            {
                var (token, secret) = book.CreateToken(account, purpose);
                record($"made API token {token.Id} ({token.Label}) for {account}");
                output.WriteLine(secret);
                error.WriteLine($"token {token.Id} for {account} ({token.Label}): the line above is its secret, shown this once");
                return 0;
            }
            if (result.GetValue(revoke) is { } id)
            {
                if (!book.RevokeToken(account, id))
                {
                    error.WriteLine($"error: {account} has no token {id} that is not revoked already");
                    return 1;
                }
                record($"revoked API token {id} of {account}");
                output.WriteLine($"token {id} of {account} revoked");
                return 0;
            }
            foreach (var token in book.Tokens(account))
                output.WriteLine($"{token.Id}  {Stamp(token.Created)}  {token.Label}{(token.Revoked is { } revoked ? $"  revoked {Stamp(revoked)}" : "")}");
            return 0;
        }));
        return command;
    }

    private static string Stamp(DateTimeOffset when) => when.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture);

    private static string Describe(Account account)
        => account.Role.ToString().ToLowerInvariant()
            + (account.Groups.Count > 0 ? ", in " + string.Join(", ", account.Groups) : "")
            + (account.Disabled ? ", disabled" : "")
            + (account.LockedUntil is { } locked && locked > DateTimeOffset.UtcNow ? $", locked until {Stamp(locked)}" : "");

    private static string ReadPassword(ParseResult result, Option<string?> passwordFile)
    {
        var file = result.GetValue(passwordFile);
        if (file == "-")
            return Console.In.ReadLine() ?? throw new ArchiveException("no password on standard input");
        if (file is not null)
            return File.ReadLines(file).FirstOrDefault() ?? throw new ArchiveException($"{file} holds no password");
        if (Console.IsInputRedirected)
            throw new ArchiveException("give the password with --password-file FILE (or '-' for standard input)");
        return AnsiConsole.Prompt(new TextPrompt<string>("Password:").Secret());
    }

    /// <summary>Runs a subcommand over the accounts of the archive, which must exist.</summary>

    /// <param name="body">Given the accounts, the output and error writers, and a way to put a change of them in the archive's log.</param>
    internal static int WithBook(ParseResult result, Option<string?> archive, Func<AccountBook, TextWriter, TextWriter, Action<string>, int> body)
        => ArchiveOptions.Run(result, (output, error) =>
        {
            var layout = new ArchiveLayout(Path.GetFullPath(ArchiveOptions.PathOf(result, archive)));
            if (!File.Exists(layout.Marker))
                throw new ArchiveException($"no archive at {layout.Root} (create one with: verbatim init --archive {layout.Root})");
            using var book = AccountBook.Open(layout);
            var log = new ActivityLog(layout);
            return body(book, output, error, detail => log.Append("account", ArchiveOptions.CurrentUser().Name, "command line", detail: detail));
        });
}
