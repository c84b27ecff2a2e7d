using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Verbatim.Model;

/// <summary>The document.json contract: camelCase names, enums as lower-case words, absent fields omitted.</summary>
public static class DocumentJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string Serialize(Document document) => JsonSerializer.Serialize(document, Options);

    public static string Serialize(IEnumerable<Document> documents) => JsonSerializer.Serialize(documents, Options);

    /// <summary>
    /// <see cref="Serialize(Document)"/> as UTF-8, the bytes stored, written as such: a long
    /// text's document.json was made as a string first, twice the bytes, then encoded.
    /// </summary>
    public static byte[] SerializeToUtf8(Document document) => JsonSerializer.SerializeToUtf8Bytes(document, Options);

    public static Document? Deserialize(string json) => JsonSerializer.Deserialize<Document>(json, Options);

    /// <summary>What every JSON file Verbatim stores shares: camelCase names, absent fields omitted, indented, letters as written.</summary>
    internal static JsonSerializerOptions Stored() => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        // Golden files and terminals should show the letters themselves, not \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static JsonSerializerOptions CreateOptions()
    {
        var options = Stored();
        options.TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver
        {
            Modifiers = { OmitEmptyLists },
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        options.MakeReadOnly();
        return options;
    }

    // Empty lists carry nothing the reader said; leaving them out keeps document.json readable.
    private static void OmitEmptyLists(System.Text.Json.Serialization.Metadata.JsonTypeInfo info)
    {
        foreach (var property in info.Properties)
        {
            if (property.PropertyType.IsGenericType
                && property.PropertyType.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)
                && property.Name != "anchors")
            {
                property.ShouldSerialize = static (_, value) => value is System.Collections.ICollection { Count: > 0 };
            }
        }
    }
}
