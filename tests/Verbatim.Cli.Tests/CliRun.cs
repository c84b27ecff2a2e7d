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

    public static string RepositoryRoot { get; } = FindRoot();

    public static string Seed(string prefix)
        => Directory.GetFiles(Path.Combine(RepositoryRoot, "..", "shared", "corpus", "seeds"), prefix + "_*.txt").Single();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Verbatim.slnx")))
                return dir.FullName;
        }
        throw new InvalidOperationException("Verbatim.slnx not found above " + AppContext.BaseDirectory);
    }
}
