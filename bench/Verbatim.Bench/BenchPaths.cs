namespace Verbatim.Bench;

public static class BenchPaths
{
    /// <summary>The folder holding Verbatim.slnx: found from the working folder, else from the binary's.</summary>
    public static string RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Verbatim.slnx")))
                    return dir.FullName;
            }
        }
        throw new InvalidOperationException("run from inside the repository");
    }

    /// <summary>The shared test material beside the repository (DESIGN.md: ../shared).</summary>
    public static string Shared(params string[] parts) => Path.GetFullPath(Path.Combine([RepositoryRoot(), "..", "shared", .. parts]));
}
