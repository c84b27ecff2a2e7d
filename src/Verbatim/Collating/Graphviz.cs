using System.Diagnostics;
using Verbatim.Archiving;

namespace Verbatim.Collating;

/// <summary>Lays out a DOT graph as SVG with Graphviz's `dot` (Debian's graphviz; scripts/setup installs it).</summary>
public static class Graphviz
{
    public static string ToSvg(string dot)
    {
        var start = new ProcessStartInfo("dot", "-Tsvg")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new ArchiveException("could not start Graphviz's dot");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new ArchiveException("SVG needs Graphviz's `dot` on the PATH (Debian: apt-get install graphviz); --format dot writes the graph without it");
        }
        using (process)
        {
            // Both streams are read at once: dot may fill one pipe while we wait on the other.
            var svg = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            process.StandardInput.Write(dot);
            process.StandardInput.Close();
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new ArchiveException($"Graphviz's dot failed: {errors.Result.Trim()}");
            return svg.Result;
        }
    }
}
