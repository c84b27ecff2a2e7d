using System.Text;
using System.Text.Json;

namespace Verbatim.Storage.Ocfl;

/// <summary>
/// Storage layout extension 0004-hashed-n-tuple-storage-layout: an object id, UTF-8 encoded, is
/// hashed; the lowercase hex digest is cut into <see cref="NumberOfTuples"/> directories of
/// <see cref="TupleSize"/> characters, and the object root below them is named by the whole digest
/// (or, with <see cref="ShortObjectRoot"/>, by what the tuples left over). The defaults are the
/// extension's: sha256, 3, 3, false.
/// </summary>
public sealed record HashedNTupleLayout
{
    public const string ExtensionName = "0004-hashed-n-tuple-storage-layout";

    public string DigestAlgorithm { get; init; } = Digests.Sha256;

    public int TupleSize { get; init; } = 3;

    public int NumberOfTuples { get; init; } = 3;

    public bool ShortObjectRoot { get; init; }

    /// <summary>Why these parameters break the extension's constraints, or null when they keep them.</summary>
    public string? Problem
    {
        get
        {
            if (!Digests.IsSupported(DigestAlgorithm) || DigestAlgorithm == Digests.Size)
                return $"digestAlgorithm '{DigestAlgorithm}' is not a digest algorithm this build computes";
            if (TupleSize is < 0 or > 32 || NumberOfTuples is < 0 or > 32)
                return "tupleSize and numberOfTuples must be integers from 0 to 32";
            if ((TupleSize == 0) != (NumberOfTuples == 0))
                return "tupleSize and numberOfTuples must both be 0 or both be positive";
            var length = Digests.Compute(DigestAlgorithm, ReadOnlySpan<byte>.Empty).Length;
            if (TupleSize * NumberOfTuples > length)
                return $"tupleSize × numberOfTuples exceeds the {length} hex digits of {DigestAlgorithm}";
            if (ShortObjectRoot && TupleSize * NumberOfTuples == length)
                return "shortObjectRoot must be false when the tuples use the whole digest";
            return null;
        }
    }

    /// <summary>The object root's path below the storage root, with '/' separators.</summary>
    /// <exception cref="InvalidOperationException">The parameters have a <see cref="Problem"/>.</exception>
    public string PathFor(string objectId)
    {
        if (Problem is { } problem)
            throw new InvalidOperationException("Invalid 0004 layout: " + problem);
        var digest = Digests.Compute(DigestAlgorithm, Encoding.UTF8.GetBytes(objectId));
        var used = TupleSize * NumberOfTuples;
        var parts = new List<string>(NumberOfTuples + 1);
        for (var i = 0; i < NumberOfTuples; i++)
            parts.Add(digest.Substring(i * TupleSize, TupleSize));
        parts.Add(ShortObjectRoot ? digest[used..] : digest);
        return string.Join('/', parts);
    }

    /// <summary>The extension's config.json, stored in extensions/0004-hashed-n-tuple-storage-layout/.</summary>
    public byte[] ToConfigJson()
        => JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["extensionName"] = ExtensionName,
            ["digestAlgorithm"] = DigestAlgorithm,
            ["tupleSize"] = TupleSize,
            ["numberOfTuples"] = NumberOfTuples,
            ["shortObjectRoot"] = ShortObjectRoot,
        }, new JsonSerializerOptions { WriteIndented = true });

    /// <summary>
    /// Reads a config.json; absent keys take the defaults. Returns null with a reason when the
    /// document is not such a config or its parameters break the extension's constraints.
    /// </summary>
    public static HashedNTupleLayout? FromConfigJson(ReadOnlySpan<byte> utf8, out string? problem)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(utf8.ToArray());
        }
        catch (JsonException e)
        {
            problem = "config.json is not JSON: " + e.Message;
            return null;
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = "config.json is not a JSON object";
                return null;
            }
            if (!root.TryGetProperty("extensionName", out var name) || name.ValueKind != JsonValueKind.String || name.GetString() != ExtensionName)
            {
                problem = $"config.json must have \"extensionName\": \"{ExtensionName}\"";
                return null;
            }
            var layout = new HashedNTupleLayout();
            try
            {
                if (root.TryGetProperty("digestAlgorithm", out var alg))
                    layout = layout with { DigestAlgorithm = alg.GetString() ?? "" };
                if (root.TryGetProperty("tupleSize", out var size))
                    layout = layout with { TupleSize = size.GetInt32() };
                if (root.TryGetProperty("numberOfTuples", out var count))
                    layout = layout with { NumberOfTuples = count.GetInt32() };
                if (root.TryGetProperty("shortObjectRoot", out var shortRoot))
                    layout = layout with { ShortObjectRoot = shortRoot.GetBoolean() };
            }
            catch (Exception e) when (e is InvalidOperationException or FormatException)
            {
                problem = "config.json has a parameter of the wrong type: " + e.Message;
                return null;
            }
            problem = layout.Problem;
            return problem is null ? layout : null;
        }
    }
}
