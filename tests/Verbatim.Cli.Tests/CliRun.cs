using System.CommandLine;

namespace Verbatim.Cli.Tests;

/// <summary>Runs the `verbatim` command in-process, as a user would from a shell, and captures what it prints.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static CliRun Of(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = VerbatimCommand.Create().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    public static string RepositoryRoot => RepositoryPaths.Root;

    public static string Seed(string prefix) => RepositoryPaths.Seed(prefix);
}
