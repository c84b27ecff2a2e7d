using System.Diagnostics;

namespace Verbatim.Cli.Tests;

/// <summary>
/// Runs the `verbatim` command as the unprivileged user "nobody" (setpriv, util-linux): root reads
/// and writes every folder, and the test command runs as root in CI and on the developers' machines.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public static class Nobody
{
    public static bool CanSwitch => Environment.UserName == "root";

    /// <param name="home">The HOME the command is given; nobody must be able to read it.</param>
    public static (int ExitCode, string Output, string Error) Run(string home, params string[] arguments)
    {
        using var process = Start(home, arguments);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the command did not finish");
        }
        return (process.ExitCode, output.Result, error);
    }

    /// <summary>Starts the command as nobody, its output redirected; the caller waits for it or stops it.</summary>
    public static Process Start(string home, params string[] arguments)
    {
        var start = new ProcessStartInfo("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", "dotnet", Path.Combine(AppContext.BaseDirectory, "Verbatim.Cli.dll"), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["HOME"] = home;
        return Process.Start(start)!;
    }
}
