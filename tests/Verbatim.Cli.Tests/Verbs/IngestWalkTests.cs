namespace Verbatim.Cli.Tests.Verbs;

/// <summary>
/// An unreadable folder met while walking is one failure, and the rest is stored. Root reads every
/// folder, so the command runs as the unprivileged user "nobody" (setpriv, util-linux), as the test
/// command runs as root in CI and on the developers' machines.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class IngestWalkTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"verbatim-walk-{Guid.NewGuid():N}");

    public IngestWalkTests()
    {
        Assert.True(Environment.UserName == "root", "this test runs the command as another user, which needs root (the test command runs as root in CI)");
        Directory.CreateDirectory(_folder);
        File.SetUnixFileMode(_folder, (UnixFileMode)0b111_111_111);
    }

    public void Dispose()
    {
        foreach (var folder in Directory.EnumerateDirectories(_folder, "*", SearchOption.AllDirectories))
            File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
        Directory.Delete(_folder, recursive: true);
    }

    private (int ExitCode, string Output, string Error) RunAsNobody(params string[] arguments) => Nobody.Run(_folder, arguments);

    [Fact]
    public void An_unreadable_subfolder_is_one_failure_and_the_rest_is_stored()
    {
        var letters = Path.Combine(_folder, "letters");
        Directory.CreateDirectory(Path.Combine(letters, "locked"));
        File.WriteAllText(Path.Combine(letters, "a.txt"), "A letter\n\nOf a few words.");
        File.WriteAllText(Path.Combine(letters, "locked", "b.txt"), "B letter\n\nOf other words.");
        File.SetUnixFileMode(Path.Combine(letters, "locked"), UnixFileMode.None);
        var archive = Path.Combine(_folder, "archive");
        Assert.Equal(0, RunAsNobody("init", "--archive", archive).ExitCode);

        var (exitCode, output, error) = RunAsNobody("ingest", letters, "--format", "text", "--archive", archive);

        Assert.Equal(1, exitCode);
        Assert.Contains($"error: {Path.Combine(letters, "locked")}: cannot read the folder", error, StringComparison.Ordinal);
        Assert.Contains("1 document: 1 new", output, StringComparison.Ordinal);
        Assert.Contains("1 file failed.", output, StringComparison.Ordinal);
    }
}
