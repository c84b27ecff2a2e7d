using System.CommandLine;
using Verbatim.Archiving;
using Verbatim.Searching;
using Verbatim.Storing;

namespace Verbatim.Cli.Verbs;

/// <summary>What several verbs share: the --archive option, opening the archive, and turning failures into one line.</summary>
public static class ArchiveOptions
{
    public const string EnvironmentVariable = "VERBATIM_ARCHIVE";

    public static Option<string> Archive() => new("--archive")
    {
        Description = $"The archive folder (default: ${EnvironmentVariable}, else ./archive).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : "archive",
    };

    public static Option<bool> Json(string what) => new("--json") { Description = $"Print {what} as JSON." };

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

    public static Archiving.Archive Open(ParseResult result, Option<string> archive) => Archiving.Archive.Open(result.GetValue(archive)!);

    public static StoreUser CurrentUser()
    {
        var name = Environment.GetEnvironmentVariable("VERBATIM_USER") is { Length: > 0 } user ? user : Environment.UserName;
        var address = Environment.GetEnvironmentVariable("VERBATIM_USER_ADDRESS") is { Length: > 0 } given ? given : $"mailto:{name}@{Environment.MachineName}";
        return new StoreUser(name, address);
    }
}
