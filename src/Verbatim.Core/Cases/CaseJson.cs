using System.Text.Json;

namespace Verbatim.Cases;

/// <summary>case.json, the form a case is stored in: camelCase names, each item with its <c>kind</c> first, absent fields omitted.</summary>
public static class CaseJson
{
    public const string FileName = "case.json";

    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static byte[] ToUtf8(CaseFile caseFile) => JsonSerializer.SerializeToUtf8Bytes(caseFile, Options);

    public static string Serialize(CaseFile caseFile) => JsonSerializer.Serialize(caseFile, Options);

    /// <exception cref="JsonException">The bytes are not a case.</exception>
    public static CaseFile Read(ReadOnlySpan<byte> utf8)
        => JsonSerializer.Deserialize<CaseFile>(utf8, Options) ?? throw new JsonException("case.json holds null, not a case");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = Model.DocumentJson.Stored();
        options.RespectNullableAnnotations = true;
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
