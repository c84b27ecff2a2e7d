using System.Diagnostics;

namespace Verbatim.Testing;

/// <summary>
/// The validators the exports are judged by, run as their own programs: Debian's jing (RELAX NG
/// and Schematron) and xmllint (XML Schema), both installed by scripts/setup. Compiled into every
/// test project with <see cref="RepositoryPaths"/>.
/// </summary>
public static class SchemaTools
{
    /// <summary>jing over every file at once: exit 0 where all are valid, else each error with its file and line.</summary>
    public static (int ExitCode, string Output) Jing(string schema, params string[] files) => Run("jing", [schema, .. files]);

    /// <summary>xmllint's validation of one file against an XML Schema, never reaching the network.</summary>
    public static (int ExitCode, string Output) Xmllint(string schema, string file) => Run("xmllint", ["--nonet", "--noout", "--schema", schema, file]);

    private static (int ExitCode, string Output) Run(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error.Result);
    }
}
