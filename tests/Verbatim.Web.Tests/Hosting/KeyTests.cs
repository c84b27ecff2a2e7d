using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Verbatim.Archiving;
using Verbatim.Web.Hosting;

namespace Verbatim.Web.Tests.Hosting;

/// <summary>The reader's data protection keys: kept in the archive folder for its owner only, with no warning at start.</summary>
public sealed class KeyTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"verbatim-web-keys-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    private async Task<IReadOnlyList<string>> ServeOnce()
    {
        using var archive = Directory.Exists(_folder) ? Archive.Open(_folder) : Archive.Init(_folder);
        var app = ReaderHost.Build(archive, new ReaderOptions(Port: 0));
        var log = new LogCapture();
        app.Services.GetRequiredService<ILoggerFactory>().AddProvider(log);
        await app.StartAsync();
        using (var client = new HttpClient { BaseAddress = app.Address() })
            Assert.True((await client.GetAsync("/")).IsSuccessStatusCode);
        await app.StopAsync();
        await app.DisposeAsync();
        return [.. log.Lines];
    }

    [Fact]
    public async Task Serving_warns_of_nothing_and_keeps_its_keys_in_the_archive_for_the_owner_only()
    {
        var log = await ServeOnce();
        Assert.DoesNotContain(log, line => line.Contains("XML encryptor", StringComparison.Ordinal));
        Assert.Empty(log);
        var keys = Path.Combine(_folder, ReaderHost.KeysFolder);
        Assert.NotEmpty(Directory.GetFiles(keys, "key-*.xml"));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(keys));

        // The next run reads the same key: nothing new is written.
        var before = Directory.GetFiles(keys).Order(StringComparer.Ordinal).ToList();
        Assert.Empty(await ServeOnce());
        Assert.Equal(before, Directory.GetFiles(keys).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Where_the_archive_cannot_hold_the_keys_they_live_in_memory_and_one_line_says_so()
    {
        Archive.Init(_folder).Dispose();
        // A file where the folder would be: the keys cannot be written there, as on a read-only archive.
        await File.WriteAllTextAsync(Path.Combine(_folder, ReaderHost.KeysFolder), "");
        var log = await ServeOnce();
        var line = Assert.Single(log);
        Assert.Contains(ReaderHost.KeysFolder, line, StringComparison.Ordinal);
        Assert.Contains("memory", line, StringComparison.Ordinal);
    }
}
