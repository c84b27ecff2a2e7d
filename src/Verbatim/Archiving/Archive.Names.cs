using System.Text;
using Verbatim.Model;
using Verbatim.Names;
using Verbatim.Searching;
using Verbatim.Storing;
using Verbatim.Text.Names;

namespace Verbatim.Archiving;

/// <summary>The index of names, and the owner's corrections to it, which the store keeps.</summary>
public sealed partial class Archive
{
    /// <summary>
    /// The store object that holds the owner's name variants file. Its id starts with "_", which no
    /// document id can (ids are slugs of letters, digits and hyphens), so it is never a document.
    /// </summary>
    public const string VariantsObject = "_name-variants";

    private readonly Lock _namesGate = new();
    private (NameIndex Index, long Generation)? _names;

    private static bool IsDocumentId(string id) => !id.StartsWith('_');

    /// <summary>
    /// The index of names, built from the catalog and the stored variants on first use after a
    /// change, this archive's or another process's (the catalog's generation says which).
    /// </summary>
    public NameIndex Names()
    {
        lock (_namesGate)
        {
            using var snapshot = _catalog.Snapshot();
            var generation = _catalog.Generation;
            if (_names is { } held && held.Generation == generation)
                return held.Index;
            var index = NameIndex.Build(_catalog.Letters(), Variants().Variants);
            _names = (index, generation);
            return index;
        }
    }

    /// <summary>
    /// The index of names of the documents that are not hidden: a person or place known only from
    /// hidden documents is not in it, and every count is of the documents left. Built afresh each
    /// call; a caller keeps it for as long as the catalog and the hidden set stay as they were.
    /// </summary>
    public NameIndex Names(IReadOnlySet<string> hidden)
    {
        ArgumentNullException.ThrowIfNull(hidden);
        if (hidden.Count == 0)
            return Names();
        using var snapshot = _catalog.Snapshot();
        return NameIndex.Build([.. _catalog.Letters().Where(l => !hidden.Contains(l.Id))], Variants().Variants);
    }

    /// <summary>The owner's name variants as stored (empty when none were set), and what in them could not be read.</summary>
    public (NameVariants Variants, string Text, IReadOnlyList<Diagnostic> Errors) Variants()
    {
        var stored = _store.Read(VariantsObject);
        if (stored is null)
            return (NameVariants.None, "", []);
        var text = Encoding.UTF8.GetString(stored.Source.Span);
        var (variants, errors) = NameVariants.Parse(text, $"{VariantsObject}/{NameVariants.FileName}");
        return (variants, text, errors);
    }

    /// <summary>
    /// Stores a new version of the name variants file when every line of it is a rule; otherwise
    /// stores nothing and returns the bad lines, located in the file given.
    /// </summary>
    public (StoreWriteResult? Written, IReadOnlyList<Diagnostic> Errors) SetVariants(string path, IngestOptions options)
    {
        EnsureWritable();
        var bytes = File.ReadAllBytes(path);
        var (_, errors) = NameVariants.Parse(Encoding.UTF8.GetString(bytes).Replace("\r\n", "\n", StringComparison.Ordinal), path);
        if (errors.Count > 0)
            return (null, errors);
        var record = new Document { Id = VariantsObject, Title = "Name variants: the owner's corrections to the index of names" };
        using var alone = _lock!.WholeArchive(_wait, _waiting);
        var written = _store.Save(new DocumentWrite(VariantsObject, DocumentJson.SerializeToUtf8(record),
            NameVariants.FileName, bytes, options.Message, options.User));
        // The variants live in the store alone; an empty batch moves the catalog's generation on,
        // by which every reader's index of names knows it is stale.
        using (var batch = _catalog.Batch())
            batch.Commit();
        return (written, []);
    }

    /// <summary>
    /// Writes what the names index reads of each document besides its people: the names its source
    /// marks, and, where the source marks none, the names found in its text.
    /// </summary>
    /// <remarks>
    /// A surname is known when any catalogued document names the person, so a name first met in a
    /// later batch is found in earlier documents at the next reindex, which sees every document.
    /// </remarks>
    private void CatalogueNames(IReadOnlyList<Document> documents)
    {
        if (documents.Count == 0)
            return;
        var known = _catalog.PersonNames()
            .Select(n => NameFinder.SurnameKey(Formats.Common.PersonNames.Surname(n)))
            .ToHashSet(StringComparer.Ordinal);
        // Where the source marks its names, the markup is the evidence and nothing is guessed.
        var plain = documents.Where(d => d.Origin?.Format is not ("tei" or "cmif")).ToList();
        // Two passes: a surname one document gives by address or initials ("M. A. Volodcheva") is
        // then known in every other ("Volidicheva"), whatever the order of the batch.
        foreach (var document in plain)
        {
            foreach (var name in NameFinder.Find(document.BodyText, known))
            {
                if (name.Kind == NameKind.Person && name.Rule is "comrade" or "initials")
                    known.Add(NameFinder.SurnameKey(Formats.Common.PersonNames.Surname(name.Name)));
            }
        }
        var plainIds = plain.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            var found = plainIds.Contains(document.Id)
                ? NameFinder.Find(document.BodyText, known).Select(f => new CatalogName(f.Kind, "mentioned", f.Name, null, null, f.Rule)).ToList()
                : [];
            _catalog.UpsertNames(document, found);
        }
    }
}
