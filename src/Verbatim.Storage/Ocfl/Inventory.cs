using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Verbatim.Storage.Ocfl;

/// <summary>
/// The inventory of an OCFL object (specification 3.5), as the spec's JSON names it. Digests are
/// keys exactly as written: a state digest must match a manifest key exactly (E050), so nothing
/// here changes their case. <see cref="Versions"/> keeps the order it was given; a writer adds
/// versions in ascending order.
/// </summary>
public sealed class Inventory
{
    public const string Type1_0 = "https://ocfl.io/1.0/spec/#inventory";
    public const string Type1_1 = "https://ocfl.io/1.1/spec/#inventory";
    public const string DefaultContentDirectory = "content";

    [JsonPropertyName("id")]
    public string Id { get; set; } = "";

    [JsonPropertyName("type")]
    public string Type { get; set; } = Type1_1;

    [JsonPropertyName("digestAlgorithm")]
    public string DigestAlgorithm { get; set; } = Digests.Sha512;

    [JsonPropertyName("head")]
    public string Head { get; set; } = "";

    [JsonPropertyName("contentDirectory")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ContentDirectory { get; set; }

    /// <summary>Algorithm → digest → content paths; absent when the inventory has no fixity block.</summary>
    [JsonPropertyName("fixity")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Dictionary<string, Dictionary<string, List<string>>>? Fixity { get; set; }

    /// <summary>Digest → content paths (relative to the object root).</summary>
    [JsonPropertyName("manifest")]
    public Dictionary<string, List<string>> Manifest { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Version directory name → version.</summary>
    [JsonPropertyName("versions")]
    public Dictionary<string, InventoryVersion> Versions { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The designated content sub-directory of every version directory.</summary>
    [JsonIgnore]
    public string ContentDirectoryName => ContentDirectory ?? DefaultContentDirectory;

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        // Logical paths keep their letters (Cyrillic titles among them) as UTF-8, not \u escapes;
        // inventories are never embedded in HTML, the one place this escaping would matter.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The inventory as UTF-8 JSON, the bytes a writer stores as inventory.json.</summary>
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Options);

    /// <summary>
    /// Reads an inventory whose structure is known to be sound (one the validator passed, or one this
    /// program wrote). Malformed JSON or wrong value types throw <see cref="JsonException"/>; to
    /// judge an untrusted inventory use <see cref="OcflValidator"/>, which reports instead.
    /// </summary>
    public static Inventory FromJson(ReadOnlySpan<byte> utf8)
        => JsonSerializer.Deserialize<Inventory>(utf8, Options) ?? throw new JsonException("inventory.json holds null");
}

/// <summary>One version block of an inventory (3.5.3.1).</summary>
public sealed class InventoryVersion
{
    /// <summary>RFC 3339 date-time, kept as written so that a rewritten inventory keeps its bytes.</summary>
    [JsonPropertyName("created")]
    public string Created { get; set; } = "";

    [JsonPropertyName("message")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Message { get; set; }

    [JsonPropertyName("user")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public InventoryUser? User { get; set; }

    /// <summary>Digest → logical paths of the object's files at this version.</summary>
    [JsonPropertyName("state")]
    public Dictionary<string, List<string>> State { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>Who made a version: a readable name and, ideally, a mailto: or personal-identifier URI.</summary>
public sealed class InventoryUser
{
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    [JsonPropertyName("address")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Address { get; set; }
}
