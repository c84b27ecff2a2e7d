using Verbatim.Archiving;
using Verbatim.Storing;

namespace Verbatim.Tests.Archiving;

/// <summary>Tests that write an archive in a folder of their own, which is checked and removed after each test.</summary>
public abstract class ArchiveFolderTests : IDisposable
{
    protected string Folder { get; } = Path.Combine(Path.GetTempPath(), $"verbatim-archive-{Guid.NewGuid():N}");

    protected static IngestOptions Options { get; } = new("auto", "test ingest", new StoreUser("Tester", "mailto:tester@example.org"));

    protected string ArchivePath => Path.Combine(Folder, "archive");

    protected string Input(string name, string text)
    {
        var path = Path.Combine(Folder, "in", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Whatever a test wrote, the store it leaves is valid OCFL with every digest right.</summary>
    public void Dispose()
    {
        if (Directory.Exists(Path.Combine(ArchivePath, "store")))
        {
            var validation = OcflCheck.Validate(ArchivePath);
            Assert.True(validation.Valid && validation.Warnings.Count == 0, string.Join("; ", validation.Errors.Concat(validation.Warnings)));
        }
        if (Directory.Exists(Folder))
            Directory.Delete(Folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}
