using System.Globalization;
using Verbatim.Archiving;
using Verbatim.Formats.Common;
using Verbatim.Text.Collation;

namespace Verbatim.Collating;

/// <summary>
/// One witness as a user names it: <c>ID</c> (a stored document's newest version),
/// <c>ID@N</c> (its version N), or <c>NAME=PATH</c> (a file's text as it stands), each
/// optionally preceded by <c>NAME=</c> to choose the siglum.
/// </summary>
public sealed record WitnessSpec(string Name, string? DocumentId, int? Version, string? FilePath)
{
    public bool NeedsArchive => DocumentId is not null;

    /// <summary>Parses every witness of one collation: at least two, each siglum once.</summary>
    public static IReadOnlyList<WitnessSpec> ParseAll(IEnumerable<string> texts)
    {
        var specs = texts.Select(Parse).ToList();
        if (specs.Count < 2)
            throw new ArchiveException("collate needs two witnesses or more");
        if (specs.GroupBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new ArchiveException($"two witnesses are named '{twice.Key}'; choose sigla with NAME=");
        return specs;
    }

    public static WitnessSpec Parse(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        var name = equals > 0 ? text[..equals] : null;
        var rest = equals > 0 ? text[(equals + 1)..] : text;
        if (rest.Length == 0)
            throw new ArchiveException($"witness '{text}' names nothing: give ID, ID@VERSION or NAME=PATH");
        var at = rest.LastIndexOf('@');
        if (File.Exists(rest) || !IsDocumentId(at > 0 ? rest[..at] : rest))
            return new WitnessSpec(name ?? Path.GetFileNameWithoutExtension(rest), null, null, rest);
        if (at > 0)
        {
            if (!int.TryParse(rest[(at + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version < 1)
                throw new ArchiveException($"witness '{text}': the version after '@' must be a whole number from 1");
            return new WitnessSpec(name ?? rest, rest[..at], version, null);
        }
        return new WitnessSpec(name ?? rest, rest, null, null);
    }

    // Every reader builds its ids as slugs (DocumentIds.Slug), so a name that a slug would change
    // ("a.txt", "letters/b") can only be a file, even one that is not there.
    private static bool IsDocumentId(string reference) => reference.Length > 0 && DocumentIds.Slug(reference) == reference;

    /// <summary>The witness's text: a stored document's body text, or a file's text decoded as every reader decodes it.</summary>
    public Witness Read(Archive? archive) => Witness.FromText(Name, ReadText(archive));

    /// <inheritdoc cref="Read"/>
    public string ReadText(Archive? archive)
    {
        if (FilePath is { } path)
        {
            if (!File.Exists(path))
                throw new ArchiveException($"witness {Name}: no file at {path}");
            var decoded = TextDecoding.Decode(Path.GetFileName(path), File.ReadAllBytes(path));
            return decoded.Text ?? throw new ArchiveException($"witness {Name}: {path}: {decoded.DecodingError}");
        }
        var document = archive?.Show(DocumentId!, Version)
            ?? throw new ArchiveException(Version is { } v ? $"witness {Name}: no version {v} of '{DocumentId}' in the archive" : $"witness {Name}: no document '{DocumentId}' in the archive");
        return document.BodyText;
    }
}
