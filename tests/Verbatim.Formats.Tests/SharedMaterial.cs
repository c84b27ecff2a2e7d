namespace Verbatim.Formats.Tests;

/// <summary>The shared corpus and the golden files this project's tests read (see <see cref="RepositoryPaths"/>).</summary>
public static class SharedMaterial
{
    public static string Seed(string prefix) => RepositoryPaths.Seed(prefix);

    public static string TeiLetters => RepositoryPaths.Shared("corpus", "schnitzler-tei");

    /// <summary>A folder of this test project's sources (golden files live beside the tests).</summary>
    public static string TestFolder(params string[] parts)
        => Path.Combine([RepositoryPaths.Root, "tests", "Verbatim.Formats.Tests", .. parts]);
}
