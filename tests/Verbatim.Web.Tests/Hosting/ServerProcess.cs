using System.Diagnostics;
using System.Text;
using Verbatim.Cli;

namespace Verbatim.Web.Tests.Hosting;

/// <summary>A `verbatim serve` (or `demo`) running as a process of its own, as a user starts it; killed when disposed.</summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, Uri address, string printed) => (_process, Address, Printed) = (process, address, printed);

    public Uri Address { get; }

    /// <summary>What it printed up to the line that says where it serves.</summary>
    public string Printed { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the command and waits for the line that says where it serves.</summary>
    public static async Task<ServerProcess> StartAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments.Prepend(typeof(VerbatimCommand).Assembly.Location))
            start.ArgumentList.Add(argument);
        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        var printed = new StringBuilder();
        string? line;
        do
        {
            line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(120));
            printed.AppendLine(line);
        }
        while (line is not null && !line.StartsWith("Serving ", StringComparison.Ordinal));
        if (line is null)
        {
            process.Dispose();
            throw new InvalidOperationException($"the server stopped before serving: {printed}");
        }
        // What it prints later is read and dropped, so that a full pipe never stops it.
        _ = process.StandardOutput.ReadToEndAsync();
        return new ServerProcess(process, new Uri(line.Split(" at ")[1].Split(' ')[0]), printed.ToString());
    }

    /// <summary>SIGKILL, as a crash or the machine's memory killer would end it.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
            Kill();
        _process.Dispose();
    }
}
