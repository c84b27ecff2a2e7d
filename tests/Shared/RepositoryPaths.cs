namespace Verbatim.Testing;

/// <summary>
/// Where the repository and the shared material lie, found from the running binary: the
/// repository root is the folder holding Verbatim.slnx, and ../shared lies beside it. Tests read
/// the shared material where it lies, never by an absolute path. Every test project (and the
/// benchmarks) compiles this one file in; see tests/Directory.Build.props.
/// </summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRootAbove(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("Verbatim.slnx not found above " + AppContext.BaseDirectory);

    public static string Shared(params string[] parts) => Path.GetFullPath(Path.Combine([Root, "..", "shared", .. parts]));

    /// <summary>The seed page whose file name starts with the prefix ("000" for 000_….txt).</summary>
    public static string Seed(string prefix) => Directory.GetFiles(Shared("corpus", "seeds"), prefix + "_*.txt").Single();

    public static string? FindRootAbove(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Verbatim.slnx")))
                return dir.FullName;
        }
        return null;
    }
}
