namespace Verbatim.Bench;

public static class BenchPaths
{
    /// <summary>The folder holding Verbatim.slnx: found from the working folder, else from the binary's.</summary>
    public static string RepositoryRoot()
        => Testing.RepositoryPaths.FindRootAbove(Directory.GetCurrentDirectory()) ?? Testing.RepositoryPaths.FindRootAbove(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException("run from inside the repository");

    /// <summary>The shared test material beside the repository (DESIGN.md: ../shared).</summary>
    public static string Shared(params string[] parts) => Path.GetFullPath(Path.Combine([RepositoryRoot(), "..", "shared", .. parts]));
}
