using System.Diagnostics;

namespace Verbatim.Cli.Tests.CrashSafety;

/// <summary>The `verbatim` command as a process of its own, to be killed as a user's machine might kill it.</summary>
internal static class CliProcess
{
    /// <summary>
    /// Runs the command, killing it (SIGKILL, with any children) once <paramref name="killAfter"/>
    /// has passed if it has not ended by then. Each line it prints goes to <paramref name="outputLine"/>,
    /// each it prints on standard error to <paramref name="errorLine"/>.
    /// </summary>
    /// <returns>Whether it was killed, and its exit code where it was not.</returns>
    public static (bool Killed, int ExitCode) Run(IEnumerable<string> arguments, TimeSpan? killAfter, Action<string>? outputLine = null, string? user = null, Action<string>? errorLine = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(typeof(VerbatimCommand).Assembly.Location);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        if (user is not null)
            start.Environment["VERBATIM_USER"] = user;
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) outputLine?.Invoke(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) errorLine?.Invoke(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var killed = false;
        if (killAfter is { } delay && !process.WaitForExit(delay))
        {
            process.Kill(entireProcessTree: true);
            killed = true;
        }
        process.WaitForExit();
        return (killed, killed ? -1 : process.ExitCode);
    }
}
