using Verbatim.Model;

namespace Verbatim.Storage.Tests.Catalog;

/// <summary>
/// Real documents for catalog tests: the reviewed golden document.json files of the reader tests
/// (four MIA pages and three TEI letters), so the catalog is tested on what readers really give.
/// </summary>
public static class TestDocuments
{
    public static IReadOnlyList<Document> All { get; } = Load();

    private static List<Document> Load()
    {
        var root = RepositoryPaths.Root;
        var goldens = new[]
        {
            Path.Combine(root, "tests", "Verbatim.Formats.Tests", "MiaText", "Golden"),
            Path.Combine(root, "tests", "Verbatim.Formats.Tests", "Tei", "Golden"),
        };
        var documents = new List<Document>();
        foreach (var file in goldens.SelectMany(g => Directory.GetFiles(g, "*.expected.json")).Order(StringComparer.Ordinal))
        {
            var list = System.Text.Json.JsonSerializer.Deserialize<List<Document>>(File.ReadAllText(file), DocumentJson.Options)!;
            documents.AddRange(list);
        }
        return documents;
    }
}
