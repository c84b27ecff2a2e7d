using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Verbatim.Cli;

/// <summary>
/// The scheduling priority of a verb that writes (`ingest`, `watch`): with `--priority background`
/// it lowers its own process's priority, as `nice` would, so that the web reader and whatever else
/// the machine does come first when they want the processor, and the writer takes what is left;
/// by default (`normal`) it keeps the priority it was started with.
/// </summary>
/// <remarks>
/// Not the default: beside the web reader on a shared two-core machine (BENCHMARKS.md, reading
/// while writing, runs 12 to 17) a lowered ingest kept 0.53 to 0.84 of its speed against the
/// other processes, under the 0.7 aimed at in three runs of four, and the reads were not shown
/// to gain by it.
/// Only the process the command started in is lowered (see Program.cs): a host that runs a verb
/// in-process, such as the tests, keeps its own. A lowered priority cannot be raised again
/// without privileges, so the choice is made once, before the verb runs.
/// </remarks>
public static class BackgroundPriority
{
    public const string Background = "background";
    public const string Normal = "normal";

    /// <summary>How much lower than it was started with: what `nice` lowers by when not told.</summary>
    public const int Lowering = 10;

    // The lowest priority Linux and BSD have (nice 19).
    private const int Lowest = 19;

    public static Option<string> Option() => new Option<string>("--priority")
    {
        Description = $"'{Background}' lowers this process's scheduling priority by {Lowering} (as `nice` does), so that readers of the archive and other work come first; '{Normal}' (the default) keeps the priority it was started with.",
        DefaultValueFactory = _ => Normal,
    }.AcceptOnlyFromAmong(Background, Normal);

    /// <summary>Lowers this process where the parsed command is a verb that runs in the background and was not told otherwise.</summary>
    public static void ApplyTo(ParseResult parsed)
    {
        if (parsed.Errors.Count == 0
            && parsed.CommandResult.Command.Options.OfType<Option<string>>().FirstOrDefault(o => o.Name == "--priority") is { } priority
            && parsed.GetValue(priority) == Background)
        {
            LowerThisProcess();
        }
    }

    private static void LowerThisProcess()
    {
        if (!OperatingSystem.IsLinux())
        {
            try
            {
                using var process = Process.GetCurrentProcess();
                process.PriorityClass = ProcessPriorityClass.BelowNormal;
            }
            catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or PlatformNotSupportedException)
            {
                // A priority the system will not lower is no reason not to write.
            }
            return;
        }
        // Linux keeps a priority per thread, and a thread starts with its creator's: every thread
        // there is now is lowered, so every thread made after is lowered too.
        var target = Math.Min(Lowest, NiceOf("/proc/self/stat") + Lowering);
        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            if (int.TryParse(Path.GetFileName(task), NumberStyles.None, CultureInfo.InvariantCulture, out var thread))
                _ = SetPriority(PriorityOfProcess, thread, target);
        }
    }

    /// <summary>The nice value in a /proc stat file: the 19th field, counted after the command name in parentheses (which may hold spaces).</summary>
    public static int NiceOf(string statFile)
    {
        var stat = File.ReadAllText(statFile);
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[16], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
    }

    // setpriority(2) with PRIO_PROCESS and a thread id sets that one thread's priority on Linux.
    private const int PriorityOfProcess = 0;

    [DllImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static extern int SetPriority(int which, int who, int priority);
}
