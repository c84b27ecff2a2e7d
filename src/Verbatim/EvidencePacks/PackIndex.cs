using System.Text.Json;
using System.Text.Json.Serialization;
using Verbatim.Quoting;

namespace Verbatim.EvidencePacks;

/// <summary>A packed file as the index names it: its path in the bag and the SHA-512 of its bytes (lowercase hex).</summary>
public sealed record PackedFile(string Path, string Sha512);

/// <summary>A citation as data/citations.json holds it, resolved: its version, its range and the words there.</summary>
/// <param name="Number">1 for the first citation; the report and the verification name citations by it.</param>
/// <param name="Differences">For a quotation check, between the quotation ("quoted") and this text ("source"); for a collation witness compared with another, between that one ("source") and this one ("quoted").</param>
/// <param name="ComparedWith">For a collation witness after its collation's first: that first witness's number.</param>
public sealed record IndexedCitation(
    int Number,
    string Kind,
    string Document,
    int Version,
    int Start,
    int End,
    string Quoted,
    PackedFile Source,
    PackedFile DocumentJson,
    string? Quotation,
    IReadOnlyList<QuoteDifference> Differences,
    int? ComparedWith = null);

/// <summary>data/citations.json: the machine-readable index of a pack.</summary>
/// <param name="Text">What a citation's range points into, in words, so that a reader without Verbatim can check it.</param>
public sealed record PackIndex(string Format, string Question, string Summary, string Text, IReadOnlyList<IndexedCitation> Citations)
{
    public const string FormatName = "verbatim-evidence-pack/1";

    /// <summary>The index's path in the bag.</summary>
    public const string BagPath = "data/citations.json";

    /// <summary>The report's path in the bag.</summary>
    public const string ReportPath = "data/report.html";

    public const string TextDefinition =
        "Each range [start, end) points into the text of the packed document.json of its version: the \"text\" of each element of its \"body\" array, in order, "
        + "joined by a blank line (\"\\n\\n\"), with nothing before or after; start and end count UTF-16 code units from 0, end excluded. "
        + "Notes, titles and provenance fields are not part of it.";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this, Options);

    /// <exception cref="JsonException">The bytes are not such an index.</exception>
    public static PackIndex Read(byte[] bytes)
        => JsonSerializer.Deserialize<PackIndex>(bytes, Options) is { Citations: not null } index ? index : throw new JsonException("not an evidence pack's index (no \"citations\")");

    public static string KindName(CitationKind kind) => kind switch
    {
        CitationKind.Document => "document",
        CitationKind.Passage => "passage",
        CitationKind.QuotationCheck => "quotation-check",
        CitationKind.CollationWitness => "collation-witness",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
