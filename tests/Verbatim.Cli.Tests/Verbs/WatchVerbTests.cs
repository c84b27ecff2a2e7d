namespace Verbatim.Cli.Tests.Verbs;

public sealed class WatchVerbTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"verbatim-watch-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Watch_once_stores_what_is_complete_says_what_failed_and_where_each_file_went()
    {
        var archive = Path.Combine(_folder, "archive");
        var inbox = Directory.CreateDirectory(Path.Combine(_folder, "inbox")).FullName;
        Assert.Equal(0, CliRun.Of("init", "--archive", archive).ExitCode);
        File.Copy(CliRun.Seed("001"), Path.Combine(inbox, "letter.txt"));
        File.WriteAllText(Path.Combine(inbox, "broken.xml"), "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">\n<text>\n</TEI>\n");

        var run = CliRun.Of("watch", inbox, "--once", "--settle", "0.1", "--archive", archive);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"stored: letter.txt as ", run.Output, StringComparison.Ordinal);
        Assert.Contains($"(moved to {Path.Combine(inbox, "done", "letter.txt")})", run.Output, StringComparison.Ordinal);
        Assert.Contains("failed: broken.xml:", run.Output, StringComparison.Ordinal);
        Assert.Contains("2 files taken from the inbox, 1 failed.", run.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(inbox, "failed", "broken.xml.error.txt")));
        var stored = run.Output.Split('\n').Single(l => l.StartsWith("stored: ", StringComparison.Ordinal));
        var id = stored["stored: letter.txt as ".Length..stored.IndexOf(" (", StringComparison.Ordinal)];
        Assert.Equal(0, CliRun.Of("show", id, "--archive", archive).ExitCode);
    }

    [Fact]
    public void Watch_of_a_folder_that_does_not_exist_says_so()
    {
        var run = CliRun.Of("watch", Path.Combine(_folder, "nowhere"), "--once", "--archive", Path.Combine(_folder, "archive"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no inbox folder at", run.Error, StringComparison.Ordinal);
    }
}
