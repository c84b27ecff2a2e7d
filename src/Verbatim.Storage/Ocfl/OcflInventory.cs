using System.Text.Json;
using System.Text.Json.Serialization;

namespace Verbatim.Storage.Ocfl;

/// <summary>An OCFL 1.1 inventory as Verbatim writes it (the spec's JSON names, sha512).</summary>
public sealed class OcflInventory
{
    public const string InventoryType = "https://ocfl.io/1.1/spec/#inventory";

    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("type")] public string Type { get; init; } = InventoryType;
    [JsonPropertyName("digestAlgorithm")] public string DigestAlgorithm { get; init; } = "sha512";
    [JsonPropertyName("head")] public required string Head { get; set; }
    [JsonPropertyName("contentDirectory")] public string? ContentDirectory { get; init; }

    /// <summary>digest → content paths (relative to the object root).</summary>
    [JsonPropertyName("manifest")] public SortedDictionary<string, List<string>> Manifest { get; init; } = new(StringComparer.Ordinal);

    /// <summary>"v1", "v2", ... → the version's block.</summary>
    [JsonPropertyName("versions")] public SortedDictionary<string, OcflVersion> Versions { get; init; } = new(VersionNameComparer.Instance);

    [JsonPropertyName("fixity")] public Dictionary<string, Dictionary<string, List<string>>>? Fixity { get; init; }

    public static OcflInventory Parse(ReadOnlySpan<byte> json)
        => JsonSerializer.Deserialize<OcflInventory>(json, Options) ?? throw new JsonException("inventory is null");

    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Options);

    /// <summary>The digest of the logical path in the version's state, or null.</summary>
    public string? DigestOf(string version, string logicalPath)
        => Versions.TryGetValue(version, out var block)
            ? block.State.FirstOrDefault(e => e.Value.Contains(logicalPath, StringComparer.Ordinal)).Key
            : null;

    public static string VersionName(int number) => "v" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static int VersionNumber(string name)
        => int.Parse(name.AsSpan(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture);

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Orders "v2" before "v10".</summary>
    private sealed class VersionNameComparer : IComparer<string>
    {
        public static readonly VersionNameComparer Instance = new();

        public int Compare(string? x, string? y)
        {
            var byLength = (x?.Length ?? 0).CompareTo(y?.Length ?? 0);
            return byLength != 0 ? byLength : string.CompareOrdinal(x, y);
        }
    }
}

public sealed class OcflVersion
{
    /// <summary>RFC 3339 with seconds and a time zone ("2026-11-22T07:57:29Z").</summary>
    [JsonPropertyName("created")] public required string Created { get; init; }
    [JsonPropertyName("message")] public string? Message { get; init; }
    [JsonPropertyName("user")] public OcflUser? User { get; init; }

    /// <summary>digest → logical paths.</summary>
    [JsonPropertyName("state")] public SortedDictionary<string, List<string>> State { get; init; } = new(StringComparer.Ordinal);
}

public sealed class OcflUser
{
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("address")] public string? Address { get; init; }
}
