using System.Text.Json;
using Verbatim.Access;
using Verbatim.Archiving;
using Verbatim.Storage.Bagit;
using Verbatim.Storing;

namespace Verbatim.EvidencePacks;

/// <summary>What an archive says of a cited version: not asked, the same bytes under the same digests, other bytes, or nothing (a closed document counts as nothing).</summary>
public enum ArchiveMatch
{
    NotAsked,
    Same,
    Differs,
    Missing,
}

/// <summary>Something wrong with a pack, and where: a file of the bag (with its line, or a citation's character offset, in the message).</summary>
public sealed record PackFinding(string Place, string Message)
{
    public override string ToString() => $"{Place}: {Message}";
}

/// <summary>One citation as verified: what is wrong with it in the pack, and what the archive holds of its version.</summary>
public sealed record CitationVerdict(int Number, string Kind, string Document, int Version, int Start, int End, IReadOnlyList<PackFinding> Problems, ArchiveMatch Archive);

/// <param name="Findings">Everything wrong with the pack itself: the bag's errors, then each citation's problems.</param>
public sealed record PackVerification(string Folder, string? Question, IReadOnlyList<PackFinding> Findings, IReadOnlyList<CitationVerdict> Citations, bool ArchiveAsked)
{
    /// <summary>The bag is valid, and every citation is what the index says, from the packed files alone.</summary>
    public bool HoldsTogether => Findings.Count == 0;

    /// <summary>The pack holds together and the archive, where one was asked, holds nothing other than it says (a version it lacks is no contradiction).</summary>
    public bool Verified => HoldsTogether && Citations.All(c => c.Archive != ArchiveMatch.Differs);

    public int Count(ArchiveMatch match) => Citations.Count(c => c.Archive == match);
}

/// <summary>
/// Verifies an evidence pack: the bag (every manifest and checksum, the oxum, every file listed),
/// then each citation from the packed files alone (the digests the index states, and the range
/// of the packed document.json's text is the quoted text, to the character), then, given an
/// archive, that it holds each cited version under the same digests. Needs nothing but the pack
/// for the first two.
/// </summary>
public static class PackVerifier
{
    // Characters of each reading shown around the first difference.
    private const int Shown = 24;

    /// <summary>The pack alone: the bag and every citation from the packed files.</summary>
    public static PackVerification Verify(string folder) => Verify(folder, readVersion: null);

    /// <param name="seen">What of the archive the one who asks may see; a version of any other document is answered as missing.</param>
    public static PackVerification Verify(string folder, Archive archive, Visibility seen)
    {
        ArgumentNullException.ThrowIfNull(archive);
        ArgumentNullException.ThrowIfNull(seen);
        return Verify(folder, (id, version) => seen.MaySee(id) ? archive.ReadStored(id, version) : null);
    }

    /// <param name="readVersion">Reads a version of the archive to compare with, null where there is none or the one who asks may not see it; null to check the pack alone.</param>
    public static PackVerification Verify(string folder, Func<string, int, StoredDocument?>? readVersion)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var archive = readVersion;
        var bag = BagValidator.Validate(folder);
        var findings = bag.Errors.Select(e => new PackFinding(e.File is null ? "bag" : e.Line is { } line ? $"{e.File}:{line}" : e.File, e.Message)).ToList();
        var payload = bag.Payload.ToDictionary(p => p.Path, p => p.File, StringComparer.Ordinal);
        PackIndex index;
        try
        {
            if (!payload.TryGetValue(PackIndex.BagPath, out var indexFile))
            {
                findings.Add(new PackFinding(PackIndex.BagPath, "the pack holds no index of its citations (or its manifest does not list it)"));
                return new PackVerification(bag.Folder, null, findings, [], archive is not null);
            }
            index = PackIndex.Read(File.ReadAllBytes(indexFile));
        }
        catch (JsonException unread)
        {
            findings.Add(new PackFinding(PackIndex.BagPath, $"is not an evidence pack's index: {unread.Message}"));
            return new PackVerification(bag.Folder, null, findings, [], archive is not null);
        }
        var verdicts = new List<CitationVerdict>();
        foreach (var citation in index.Citations)
        {
            var problems = new List<PackFinding>();
            var source = Packed(payload, citation.Number, citation.Source, problems);
            var documentJson = Packed(payload, citation.Number, citation.DocumentJson, problems);
            if (documentJson is not null)
                CheckRange(citation, documentJson, problems);
            findings.AddRange(problems);
            var match = archive is null ? ArchiveMatch.NotAsked : InArchive(archive, citation);
            verdicts.Add(new CitationVerdict(citation.Number, citation.Kind, citation.Document, citation.Version, citation.Start, citation.End, problems, match));
        }
        return new PackVerification(bag.Folder, index.Question, findings, verdicts, archive is not null);
    }

    /// <summary>The packed file's bytes where the bag holds it under the digest the index states; null (and a problem) otherwise.</summary>
    private static byte[]? Packed(Dictionary<string, string> payload, int number, PackedFile file, List<PackFinding> problems)
    {
        if (!payload.TryGetValue(file.Path, out var path))
        {
            problems.Add(new PackFinding(file.Path, $"citation {number} names this file, which the bag does not hold (or its manifest does not list)"));
            return null;
        }
        var bytes = File.ReadAllBytes(path);
        var digest = EvidencePack.Sha512(bytes);
        if (!string.Equals(digest, file.Sha512, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(new PackFinding(file.Path, $"citation {number} gives it the SHA-512 {file.Sha512}, but the file's is {digest}"));
            return null;
        }
        return bytes;
    }

    private static void CheckRange(IndexedCitation citation, byte[] documentJson, List<PackFinding> problems)
    {
        var place = citation.DocumentJson.Path;
        string text;
        try
        {
            text = EvidencePack.TextOf(documentJson);
        }
        catch (JsonException unread)
        {
            problems.Add(new PackFinding(place, $"citation {citation.Number}: the file is not a document.json: {unread.Message}"));
            return;
        }
        if (citation.Start < 0 || citation.End < citation.Start || citation.End > text.Length)
        {
            problems.Add(new PackFinding(place, $"citation {citation.Number} cites characters {citation.Start}-{citation.End}, past the end of the text, which is {text.Length} characters long"));
            return;
        }
        var packed = text[citation.Start..citation.End];
        var at = FirstDifference(citation.Quoted, packed);
        if (at is not null)
        {
            problems.Add(new PackFinding(place, $"citation {citation.Number}: at character {citation.Start + at} of the text the index quotes «{Around(citation.Quoted, at.Value)}» but the packed text reads «{Around(packed, at.Value)}»"));
        }
    }

    private static int? FirstDifference(string quoted, string packed)
    {
        var shorter = Math.Min(quoted.Length, packed.Length);
        for (var i = 0; i < shorter; i++)
        {
            if (quoted[i] != packed[i])
                return i;
        }
        return quoted.Length == packed.Length ? null : shorter;
    }

    private static string Around(string text, int at) => text.Substring(at, Math.Min(Shown, text.Length - at));

    private static ArchiveMatch InArchive(Func<string, int, StoredDocument?> readVersion, IndexedCitation citation)
    {
        if (readVersion(citation.Document, citation.Version) is not { } stored)
            return ArchiveMatch.Missing;
        return !stored.IsDamaged
            && string.Equals(EvidencePack.Sha512(stored.Source.Span), citation.Source.Sha512, StringComparison.OrdinalIgnoreCase)
            && string.Equals(EvidencePack.Sha512(stored.DocumentJson.Span), citation.DocumentJson.Sha512, StringComparison.OrdinalIgnoreCase)
            ? ArchiveMatch.Same
            : ArchiveMatch.Differs;
    }
}
