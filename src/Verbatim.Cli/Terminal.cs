namespace Verbatim.Cli;

/// <summary>Whether a verb's output goes to a terminal, and how wide its text may be.</summary>
public static class Terminal
{
    /// <summary>The width of text written to a file, a pipe or a test's writer.</summary>
    public const int DefaultWidth = 100;

    public static bool IsTerminal(TextWriter output) => ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;

    public static int Width(TextWriter output) => IsTerminal(output) && Console.WindowWidth > 0 ? Console.WindowWidth : DefaultWidth;
}
