using System.CommandLine;
using Verbatim.Archiving;
using Verbatim.Searching;
using Verbatim.Storing;

namespace Verbatim.Cli.Verbs;

/// <summary>What several verbs share: the --archive option, opening the archive, and turning failures into one line.</summary>
public static class ArchiveOptions
{
    public const string EnvironmentVariable = "VERBATIM_ARCHIVE";

    /// <summary>
    /// The one --archive of the command: on the root and recursive, so that it stands before the verb
    /// or after it. It has no default of its own because the demo's default folder is not the others'
    /// (see <see cref="PathOf"/>).
    /// </summary>
    public static Option<string?> Archive() => new("--archive")
    {
        Description = $"The archive folder (default: ${EnvironmentVariable}, else ./archive).",
        Recursive = true,
    };

    /// <summary>The archive folder: the one given, else $VERBATIM_ARCHIVE, else <paramref name="fallback"/>.</summary>
    public static string PathOf(ParseResult result, Option<string?> archive, string fallback = "archive")
    {
        if (result.GetValue(archive) is { Length: > 0 } given)
            return given;
        return Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : fallback;
    }

    public static Option<bool> Json(string what) => new("--json") { Description = $"Print {what} as JSON." };

    /// <summary>
    /// --json on a verb that has several output formats: the same as --format json, so that --json
    /// means one thing on every verb; a --format that says otherwise is an error.
    /// </summary>
    public static Option<bool> JsonFormat(Command command, Option<string> format)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON (the same as --format json)." };
        command.Options.Add(json);
        command.Validators.Add(result =>
        {
            if (result.GetValue(json) && result.GetResult(format) is { Implicit: false } given && given.GetValueOrDefault<string>() != "json")
                result.AddError($"--json and --format {given.GetValueOrDefault<string>()} disagree: give one of them");
        });
        return json;
    }

    /// <summary>The output format a verb was asked for: json where --json was given, else its --format.</summary>
    public static string FormatOf(ParseResult result, Option<string> format, Option<bool> json)
        => result.GetValue(json) ? "json" : result.GetValue(format)!;

    /// <summary>
    /// Runs a verb's body: user errors (no archive, busy archive, bad query, unreadable file) are one
    /// line on standard error with exit code 2, never a stack trace.
    /// </summary>
    public static int Run(ParseResult result, Func<TextWriter, TextWriter, int> body)
    {
        var output = result.InvocationConfiguration.Output;
        var error = result.InvocationConfiguration.Error;
        try
        {
            return body(output, error);
        }
        catch (Exception exception) when (exception is ArchiveException or QuerySyntaxException or QueryTooCostlyException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: {exception.Message}");
            return 2;
        }
    }

    /// <summary>--wait on a verb that writes: how long it waits for another writer to finish.</summary>
    public static Option<double> Wait() => new("--wait")
    {
        Description = $"How many seconds to wait for another process writing the archive to finish (default {WriterLock.DefaultWait.TotalSeconds:0}).",
        HelpName = "SECONDS",
        DefaultValueFactory = _ => WriterLock.DefaultWait.TotalSeconds,
        Validators = { r => { if (r.GetValueOrDefault<double>() is < 0 or > 86_400 || double.IsNaN(r.GetValueOrDefault<double>())) r.AddError("--wait takes 0 to 86400 seconds"); } },
    };

    /// <summary>Opens the archive to write it: one writer at a time; a second waits up to --wait, saying for whom on standard error.</summary>
    public static Archiving.Archive Open(ParseResult result, Option<string?> archive, Option<double> wait)
    {
        var error = result.InvocationConfiguration.Error;
        return Archiving.Archive.Open(PathOf(result, archive), TimeSpan.FromSeconds(result.GetValue(wait)), message =>
        {
            error.WriteLine(message);
            error.Flush();
        });
    }

    /// <summary>Opens the archive for a verb that only reads it: no lock, nothing written; a catalog that lags the store is said on standard error.</summary>
    public static Archiving.Archive OpenForReading(ParseResult result, Option<string?> archive, string fallback = "archive")
    {
        var opened = Archiving.Archive.OpenForReading(PathOf(result, archive, fallback));
        if (opened.CatalogLag is { } lag)
            result.InvocationConfiguration.Error.WriteLine($"warning: {lag}");
        return opened;
    }

    public static StoreUser CurrentUser()
    {
        var name = Environment.GetEnvironmentVariable("VERBATIM_USER") is { Length: > 0 } user ? user : Environment.UserName;
        var address = Environment.GetEnvironmentVariable("VERBATIM_USER_ADDRESS") is { Length: > 0 } given ? given : $"mailto:{name}@{Environment.MachineName}";
        return new StoreUser(name, address);
    }
}
