namespace Verbatim.Storage.Tests;

/// <summary>The shared material this project's tests read (see <see cref="RepositoryPaths"/>).</summary>
public static class SharedMaterial
{
    /// <summary>The official OCFL fixtures: {1.0,1.1}/{good,warn,bad}-objects/&lt;fixture&gt;.</summary>
    public static string OcflFixtures => RepositoryPaths.Shared("ocfl-fixtures");
}
