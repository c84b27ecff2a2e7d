namespace Verbatim.Storage.Tests;

/// <summary>
/// Finds the repository root (the folder holding Verbatim.slnx) and, beside it, ../shared: tests
/// read the shared material where it lies, never by an absolute path.
/// </summary>
public static class SharedMaterial
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Shared => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    /// <summary>The official OCFL fixtures: {1.0,1.1}/{good,warn,bad}-objects/&lt;fixture&gt;.</summary>
    public static string OcflFixtures => Path.Combine(Shared, "ocfl-fixtures");

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
