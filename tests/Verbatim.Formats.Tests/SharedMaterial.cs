namespace Verbatim.Formats.Tests;

/// <summary>
/// Finds the repository root (the folder holding Verbatim.slnx) and, beside it, ../shared: tests
/// read the shared corpus where it lies, never by an absolute path.
/// </summary>
public static class SharedMaterial
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Shared => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    public static string Seeds => Path.Combine(Shared, "corpus", "seeds");

    public static string Seed(string prefix)
        => Directory.GetFiles(Seeds, prefix + "_*.txt").Single();

    public static string TeiLetters => Path.Combine(Shared, "corpus", "schnitzler-tei");

    /// <summary>A folder of this test project's sources (golden files live beside the tests).</summary>
    public static string TestFolder(params string[] parts)
        => Path.Combine([RepositoryRoot, "tests", "Verbatim.Formats.Tests", .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Verbatim.slnx")))
                return dir.FullName;
        }
        throw new InvalidOperationException("Verbatim.slnx not found above " + AppContext.BaseDirectory);
    }
}
