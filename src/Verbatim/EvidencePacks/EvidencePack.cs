using System.Security.Cryptography;
using System.Text;
using Verbatim.Access;
using Verbatim.Archiving;
using Verbatim.Model;
using Verbatim.Quoting;
using Verbatim.Storage.Bagit;
using Verbatim.Text.Normalisation;

namespace Verbatim.EvidencePacks;

/// <summary>
/// Writes an evidence pack: a BagIt 1.0 bag (SHA-512 manifests) holding, for every cited version,
/// data/documents/ID/vN/source/NAME (the source as stored, byte for byte) and
/// data/documents/ID/vN/document.json (what Verbatim read from it), the index
/// data/citations.json and the readable data/report.html. Every range is checked against the
/// version's text first: a pack is written whole, with every citation sound, or not at all.
/// </summary>
public static class EvidencePack
{
    /// <param name="seen">The documents the pack may cite: those its readers may see.</param>
    /// <param name="organization">bag-info.txt's Source-Organization.</param>
    /// <exception cref="EvidencePackException">A citation names a document, a version or a range that is not there (or not to be seen); each is named.</exception>
    public static PackIndex Write(Archive archive, string folder, PackContents contents, Visibility seen, string organization, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(archive);
        ArgumentNullException.ThrowIfNull(contents);
        ArgumentNullException.ThrowIfNull(seen);
        var problems = new List<string>();
        var payload = new Dictionary<string, BagFile>(StringComparer.Ordinal);
        var citations = new List<IndexedCitation>();
        var texts = new Dictionary<int, string>();
        foreach (var (citation, number) in contents.Citations.Select((c, i) => (c, i + 1)))
        {
            var named = $"citation {number} ({citation.DocumentId}{(citation.Version is { } asked ? $"@{asked}" : "")})";
            var stored = seen.MaySee(citation.DocumentId) ? archive.ReadStored(citation.DocumentId, citation.Version) : null;
            if (stored is null)
            {
                problems.Add(citation.Version is null || archive.ReadStored(citation.DocumentId) is null || !seen.MaySee(citation.DocumentId)
                    ? $"{named}: there is no document '{citation.DocumentId}'"
                    : $"{named}: '{citation.DocumentId}' has no version {citation.Version}");
                continue;
            }
            if (stored.IsDamaged)
            {
                problems.Add($"{named}: the stored version is damaged ({DamagedDocumentException.Describe(stored.Damage)})");
                continue;
            }
            var text = TextOf(stored.DocumentJson.Span);
            var (start, end) = (citation.Start ?? 0, citation.End ?? text.Length);
            if (start < 0 || end < start || end > text.Length)
            {
                problems.Add(end > text.Length
                    ? $"{named}: the range {start}-{end} reaches past the end of the text of version {stored.Version.Number}, which is {text.Length} characters long"
                    : $"{named}: {start}-{end} is not a range of characters (FROM-TO, FROM not after TO)");
                continue;
            }
            var versionFolder = $"documents/{stored.Id}/v{stored.Version.Number}";
            var source = Pack(payload, $"{versionFolder}/source/{Path.GetFileName(stored.SourceFileName ?? "source")}", stored.Source);
            var documentJson = Pack(payload, $"{versionFolder}/document.json", stored.DocumentJson);
            texts[number] = text;
            var differences = citation.Differences;
            if (citation.ComparedWith is { } other)
            {
                if (other < 1 || other >= number)
                {
                    problems.Add($"{named}: it is compared with citation {other}, which is not an earlier citation of the pack");
                    continue;
                }
                // That citation's own problem is reported already.
                if (!texts.ContainsKey(other))
                    continue;
                var compared = citations.Single(c => c.Number == other);
                differences = [.. PassageAlignment.Differences(texts[other], TextRange.FromBounds(compared.Start, compared.End), text, TextRange.FromBounds(start, end))
                    .Select(d => QuoteDifference.Of(d))];
            }
            citations.Add(new IndexedCitation(number, PackIndex.KindName(citation.Kind), stored.Id, stored.Version.Number, start, end, text[start..end],
                source, documentJson, citation.Quotation, differences, citation.ComparedWith));
        }
        if (problems.Count > 0)
            throw new EvidencePackException(problems);
        var index = new PackIndex(PackIndex.FormatName, contents.Question, contents.Summary, PackIndex.TextDefinition, citations);
        var files = new List<BagFile>(payload.Values)
        {
            new(PackIndex.BagPath["data/".Length..], index.ToBytes()),
            new(PackIndex.ReportPath["data/".Length..], Encoding.UTF8.GetBytes(PackReport.Html(index))),
        };
        BagWriter.Write(folder, files,
        [
            new("Source-Organization", organization),
            new("External-Description", contents.Question),
            new("Internal-Sender-Description", $"An evidence pack of a Verbatim archive: {citations.Count} citations. {PackIndex.BagPath} indexes them, {PackIndex.ReportPath} shows them; data/documents/ID/vN/ holds each cited version's source as stored and its document.json."),
            new("Bag-Software-Agent", "Verbatim"),
        ], today);
        return index;
    }

    /// <summary>The text a citation's range points into: the body's blocks as document.json gives them, joined by <see cref="Document.BlockSeparator"/>.</summary>
    internal static string TextOf(ReadOnlySpan<byte> documentJson)
        => (DocumentJson.Deserialize(Encoding.UTF8.GetString(documentJson)) ?? throw new System.Text.Json.JsonException("document.json is null")).BodyText;

    internal static string Sha512(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA512.HashData(bytes));

    // A version cited twice is packed once.
    private static PackedFile Pack(Dictionary<string, BagFile> payload, string path, ReadOnlyMemory<byte> bytes)
    {
        payload.TryAdd(path, new BagFile(path, bytes));
        return new PackedFile("data/" + path, Sha512(bytes.Span));
    }
}
