using Verbatim.Archiving;
using Verbatim.Searching;
using Verbatim.Storing;

namespace Verbatim.Tests.Archiving;

/// <summary>What ingest refuses or leaves out so that its work stays bounded: large files, repeated runs, folders met twice.</summary>
public sealed class IngestBoundsTests : IDisposable
{
    private static readonly IngestOptions Options = new("auto", "test ingest", new StoreUser("Tester", "mailto:tester@example.org"));

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"verbatim-bounds-{Guid.NewGuid():N}");

    // rm, not Directory.Delete: .NET cannot name a file whose name is not UTF-8, one test's input.
    public void Dispose()
    {
        using var remove = System.Diagnostics.Process.Start("rm", ["-rf", _folder])!;
        remove.WaitForExit();
    }

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void A_file_over_the_size_limit_fails_with_its_size_and_the_rest_is_stored()
    {
        var large = Write("in/large.txt", "Large\n\n" + new string('x', 3 << 20));
        var small = Write("in/small.txt", "Small\n\nA letter of a few words that fits.");
        using var archive = Archive.Init(Path.Combine(_folder, "archive"));

        var report = archive.Ingest([large, small], Options with { MaximumFileBytes = 2 << 20 });

        var failure = Assert.Single(report.Failed);
        Assert.Equal(large, failure.Path);
        Assert.Equal("the file is 3 MB, more than the 2 MB a file may be (--max-file-size)", failure.Error);
        Assert.Equal("small", Assert.Single(report.Documents).Title.ToLowerInvariant());
    }

    [Fact]
    public void A_text_of_one_run_repeated_keeps_one_place_more_than_the_limit()
    {
        var line = Write("in/chant.txt", "Chant\n\n" + string.Concat(Enumerable.Repeat("la la la ", 100_000)));
        using var archive = Archive.Init(Path.Combine(_folder, "archive"));

        var id = Assert.Single(archive.Ingest([line], Options).Documents).Id;

        // 300,000 words give 299,996 runs of five, nearly all "la la la la la".
        var byRun = archive.Catalog.FingerprintsOf(id).GroupBy(f => f.Hash).ToList();
        Assert.InRange(byRun.Sum(g => g.Count()), 65, 2 * 65);
        Assert.Equal(65, byRun.Max(g => g.Count()));
        Assert.Empty(archive.QuoteLinks(id));
    }

    [Fact]
    public void A_link_back_to_its_own_folder_is_skipped_and_each_file_read_once()
    {
        var letter = Write("in/a.txt", "A letter\n\nOf a few words.");
        Directory.CreateSymbolicLink(Path.Combine(_folder, "in", "self"), ".");
        Directory.CreateDirectory(Path.Combine(_folder, "in", "sub"));
        Directory.CreateSymbolicLink(Path.Combine(_folder, "in", "sub", "back"), "..");
        using var archive = Archive.Init(Path.Combine(_folder, "archive"));

        var report = archive.Ingest([Path.Combine(_folder, "in")], Options with { Format = "text" });

        Assert.Equal([letter], report.Documents.Select(d => d.Source));
        Assert.Equal(2, report.Skipped.Count);
        Assert.All(report.Skipped, s => Assert.Contains("a link to a folder", s.Reason, StringComparison.Ordinal));

        var following = archive.Ingest([Path.Combine(_folder, "in")], Options with { Format = "text", FollowLinks = true });
        Assert.Equal([letter], following.Documents.Select(d => d.Source));
        Assert.Contains(following.Skipped, s => s.Reason.Contains("already walked", StringComparison.Ordinal));
    }

    [Fact]
    public void A_followed_link_to_another_folder_is_walked()
    {
        Write("elsewhere/b.txt", "B letter\n\nOf other words.");
        Write("in/a.txt", "A letter\n\nOf a few words.");
        Directory.CreateSymbolicLink(Path.Combine(_folder, "in", "more"), Path.Combine(_folder, "elsewhere"));
        using var archive = Archive.Init(Path.Combine(_folder, "archive"));

        var report = archive.Ingest([Path.Combine(_folder, "in")], Options with { Format = "text", FollowLinks = true });

        Assert.Equal(2, report.Documents.Count);
        Assert.Empty(report.Skipped);
        Assert.Equal(2, archive.List(new WorkFilter()).Count);
    }

    [Fact]
    public void A_file_whose_name_is_not_utf8_is_read_and_its_name_kept_with_the_bytes_escaped()
    {
        var folder = Path.Combine(_folder, "in");
        Directory.CreateDirectory(folder);
        // .NET cannot name such a file; the shell writes one, its name holding the byte 0xFF.
        using (var shell = System.Diagnostics.Process.Start("bash", ["-c", "printf 'A letter\\n\\nOf a few words.' > \"$1\"/$'bad\\xff100%name.txt'", "bash", folder])!)
            shell.WaitForExit();
        var listed = Assert.Single(Directory.GetFiles(folder));
        Assert.Contains('\uFFFD', listed);
        using var archive = Archive.Init(Path.Combine(_folder, "archive"));

        var report = archive.Ingest([folder, listed], Options with { Format = "text" });

        Assert.Empty(report.Failed);
        var document = Assert.Single(report.Documents);
        var stored = archive.ReadStored(document.Id)!;
        Assert.Equal("bad%FF100%25name.txt", stored.SourceFileName);
        Assert.Equal("A letter\n\nOf a few words.", System.Text.Encoding.UTF8.GetString(stored.Source.Span));
    }

    [Theory]
    [InlineData(new byte[] { 0x61, 0xFF, 0x62 }, "a%FFb")]
    [InlineData(new byte[] { 0xD0, 0x9B, 0x25 }, "Л%25")]
    [InlineData(new byte[] { 0xE2, 0x82 }, "%E2%82")]
    public void An_undecodable_name_is_kept_with_its_other_bytes_escaped(byte[] name, string kept)
        => Assert.Equal(kept, Parsing.UndecodableFileNames.Escaped(name));
}
