using System.Globalization;
using System.Text;
using Verbatim.Storing;

namespace Verbatim.Storage.Ocfl;

/// <summary>
/// The store as an OCFL 1.1 storage root (layout 0004, sha512). An object holds
/// <c>document.json</c>, <c>source/&lt;file name&gt;</c> and, for a document that is not open,
/// <c>access.json</c>.
/// </summary>
/// <remarks>
/// Crash safety rests on one ordering rule: a whole new object (every version, the new one
/// included, its inventories and sidecars) is built in the staging folder beside the storage
/// root, flushed to disk, and only then swapped into place in one atomic step (a rename for a
/// new object, renameat2 RENAME_EXCHANGE for an existing one). At every instant the object's
/// path holds one complete object, old or new; a kill leaves at most garbage in staging, which
/// is outside the storage root and is cleared when the store is next opened. Unchanged files
/// of earlier versions are hard links, so a new version copies no content.
///
/// Several processes may write one store at once (each object by one of them at a time: the
/// caller's lock). Each open store builds in a staging folder of its own, locked for as long as
/// the store is open, so a store that opens clears only what a writer no longer alive left.
/// </remarks>
public sealed class OcflStore : IStore, IDisposable
{
    public const string DocumentPath = "document.json";
    public const string SourceFolder = "source/";
    public const string AccessPath = "access.json";
    private const string ObjectIdPrefix = "urn:verbatim:";
    private const string ObjectDeclaration = "0=ocfl_object_1.1";
    private const string RootDeclaration = "0=ocfl_1.1";
    private const string InventoryFile = "inventory.json";
    private const string Sidecar = "inventory.json.sha512";

    /// <summary>Layout 0004 with its defaults: sha256, three tuples of three characters.</summary>
    public static HashedNTupleLayout Layout { get; } = new();

    private const string LayoutJson = """
        {
          "extension": "0004-hashed-n-tuple-storage-layout",
          "description": "OCFL object identifiers are hashed with sha256; the digest is cut into 3 tuples of 3 characters, and the full digest names the object root."
        }

        """;

    private readonly string _root;
    private readonly string _staging;
    private readonly DirectoryLock? _stagingHeld;
    private readonly VerifiedContent _verified = new();

    /// <summary>For tests: called with each object's path just before its swap into the storage root, while a reader may look.</summary>
    internal Action<string>? BeforeSwap { get; set; }

    /// <summary>For tests: called between an audit's first walk of the storage root and its second look at what the first found.</summary>
    internal Action? BetweenAuditWalks { get; set; }

    private OcflStore(string root, string staging, DirectoryLock? stagingHeld)
    {
        _root = root;
        _staging = staging;
        _stagingHeld = stagingHeld;
    }

    public string RootPath => _root;

    /// <summary>
    /// Opens the storage root, creating it (and its declaration, layout and extension config) where
    /// absent, to write it with a folder of its own in <paramref name="staging"/>, held until disposed.
    /// </summary>
    public static OcflStore Open(string root, string staging)
    {
        root = Path.GetFullPath(root);
        staging = Path.GetFullPath(staging);
        if (!File.Exists(Path.Combine(root, RootDeclaration)))
            Initialise(root);
        Directory.CreateDirectory(staging);
        foreach (var entry in Directory.EnumerateFileSystemEntries(staging))
            ClearIfAbandoned(entry);
        var (own, held) = OwnStagingFolder(staging);
        return new OcflStore(root, own, held);
    }

    // Leftovers of a killed write: never visible in the storage root, safe to drop once no writer
    // holds their folder (the kernel let go of a dead writer's lock).
    private static void ClearIfAbandoned(string entry)
    {
        try
        {
            if (!Directory.Exists(entry))
            {
                File.Delete(entry);
                return;
            }
            using var held = DirectoryLock.TryAcquire(entry);
            if (held is not null)
                Directory.Delete(entry, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Gone meanwhile (another writer cleared it), or cleared by the next writer that opens.
        }
    }

    // Another writer opening at this moment may clear the new folder before its lock is taken;
    // one that exists once locked is this store's until it is disposed.
    private static (string Folder, DirectoryLock Held) OwnStagingFolder(string staging)
    {
        for (var attempt = 0; ; attempt++)
        {
            var folder = Path.Combine(staging, Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            DirectoryLock? held = null;
            try
            {
                held = DirectoryLock.TryAcquire(folder);
            }
            catch (IOException) when (attempt < 10)
            {
            }
            if (held is not null && Directory.Exists(folder))
                return (folder, held);
            held?.Dispose();
            if (attempt >= 10)
                throw new IOException($"cannot make a staging folder of its own in {staging}");
        }
    }

    /// <summary>
    /// Opens the storage root for reading: nothing is created or cleared, so it opens on a full or
    /// read-only disk; a root not yet made reads as empty. Its staging folder is never used.
    /// </summary>
    public static OcflStore OpenForReading(string root) => new(Path.GetFullPath(root), staging: "", stagingHeld: null);

    /// <summary>Gives up the staging folder (a store opened for reading has none).</summary>
    public void Dispose()
    {
        if (_stagingHeld is null)
            return;
        try
        {
            if (Directory.Exists(_staging))
                Directory.Delete(_staging, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Left for the next writer that opens, which clears it once this lock is let go.
        }
        _stagingHeld.Dispose();
    }

    private static void Initialise(string root)
    {
        Directory.CreateDirectory(root);
        if (Directory.EnumerateFileSystemEntries(root).Any())
            throw new IOException($"{root} is not empty and is not an OCFL storage root");
        var extension = Path.Combine(root, "extensions", HashedNTupleLayout.ExtensionName);
        Directory.CreateDirectory(extension);
        File.WriteAllBytes(Path.Combine(extension, "config.json"), Layout.ToConfigJson());
        File.WriteAllText(Path.Combine(root, "ocfl_layout.json"), LayoutJson);
        // The declaration is written last: a root without it is not yet a storage root.
        File.WriteAllText(Path.Combine(root, RootDeclaration), "ocfl_1.1\n");
        FileSystemDurability.SyncFileSystem(root);
    }

    public static string ObjectId(string documentId) => ObjectIdPrefix + documentId;

    private string ObjectRoot(string documentId) => RootOfObject(ObjectId(documentId));

    private string RootOfObject(string objectId) => Path.Combine(_root, Layout.PathFor(objectId));

    public bool Contains(string id) => File.Exists(Path.Combine(ObjectRoot(id), ObjectDeclaration));

    public StoreWriteResult Save(DocumentWrite write) => SaveAll([write])[0];

    /// <summary>
    /// Saves many documents with two flushes of the file system in all: one before the objects
    /// are swapped in, one after. Each result is final only when the call returns.
    /// </summary>
    public IReadOnlyList<StoreWriteResult> SaveAll(IReadOnlyList<DocumentWrite> writes)
    {
        EnsureWritable();
        var results = new StoreWriteResult[writes.Count];
        var staged = new List<(string Built, string Target, bool Exists)>();
        try
        {
            for (var i = 0; i < writes.Count; i++)
            {
                var (result, built) = Stage(writes[i]);
                results[i] = result;
                if (built is not null)
                    staged.Add((built, ObjectRoot(writes[i].Id), result.Status != WriteStatus.New));
            }
            if (staged.Count == 0)
                return results;

            FileSystemDurability.SyncFileSystem(_staging);
            foreach (var (built, target, exists) in staged)
                Swap(built, target, exists, _staging, BeforeSwap);
            FileSystemDurability.SyncFileSystem(_root);
            return results;
        }
        catch
        {
            // What was half built (a full disk, most often) would keep the disk full until the
            // store is next opened; the objects already swapped in are whole and stay.
            ClearStaging();
            throw;
        }
    }

    private void EnsureWritable()
    {
        if (_staging.Length == 0)
            throw new InvalidOperationException("the store was opened for reading");
    }

    private void ClearStaging()
    {
        try
        {
            foreach (var leftover in Directory.EnumerateDirectories(_staging))
                Directory.Delete(leftover, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Cleared when the store is next opened for writing.
        }
    }

    /// <summary>
    /// Puts an object built in staging (and flushed) in its place in one atomic step. A new
    /// object's folders of the layout that do not exist yet are built around it in staging and
    /// come with it in that step: an empty folder in the storage root is damage to a reader's audit.
    /// </summary>
    private static void Swap(string built, string target, bool exists, string staging, Action<string>? beforeSwap)
    {
        if (exists)
        {
            beforeSwap?.Invoke(target);
            FileSystemDurability.Exchange(built, target);
            Directory.Delete(built, recursive: true);
            return;
        }
        var arriving = target;
        while (!Directory.Exists(Path.GetDirectoryName(arriving)))
            arriving = Path.GetDirectoryName(arriving)!;
        var moved = built;
        if (arriving != target)
        {
            moved = Path.Combine(staging, Guid.NewGuid().ToString("N"));
            var inside = Path.Combine(moved, Path.GetRelativePath(arriving, target));
            Directory.CreateDirectory(Path.GetDirectoryName(inside)!);
            Directory.Move(built, inside);
        }
        beforeSwap?.Invoke(target);
        Directory.Move(moved, arriving);
    }

    private (StoreWriteResult Result, string? Built) Stage(DocumentWrite write)
    {
        var state = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var newContent = new Dictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal);
        AddToState(state, newContent, DocumentPath, write.DocumentJson);
        if (write.SourceFileName is { } sourceName)
            AddToState(state, newContent, SourceFolder + SafeFileName(sourceName), write.Source);
        if (write.Access is { } access)
            AddToState(state, newContent, AccessPath, access);
        return Stage(write.Id, ObjectId(write.Id), state, newContent, write.Message, write.User, keptFromHead: write.Access is null ? [AccessPath] : []);
    }

    public IReadOnlyList<StoreDamage> Verify(string id)
    {
        var objectRoot = ObjectRoot(id);
        if (!File.Exists(Path.Combine(objectRoot, InventoryFile)))
            return [];
        var inventory = ReadInventory(objectRoot);
        var logical = inventory.Versions.Values.SelectMany(v => v.State).GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.First().Value[0]);
        return [.. Damaged(objectRoot, inventory, inventory.Manifest.Keys)
            .Select(d => new StoreDamage(logical.GetValueOrDefault(d.Digest, d.ContentPath), d.ContentPath,
                File.Exists(Path.Combine(objectRoot, d.ContentPath)) ? VerifiedContent.Changed(inventory.DigestAlgorithm) : VerifiedContent.Missing, d.Digest))];
    }

    public StoreWriteResult? Repair(string id, IReadOnlyDictionary<string, ReadOnlyMemory<byte>> originals, string message, StoreUser user)
    {
        ArgumentNullException.ThrowIfNull(originals);
        EnsureWritable();
        var objectRoot = ObjectRoot(id);
        if (!File.Exists(Path.Combine(objectRoot, InventoryFile)))
            return null;
        var head = ReadInventory(objectRoot);
        // Offered bytes count only where they hash to the digest they are offered for.
        var proven = originals.Where(o => head.Manifest.ContainsKey(o.Key) && Digests.AreEqual(Digests.Compute(head.DigestAlgorithm, o.Value.Span), o.Key))
            .ToDictionary(o => o.Key, o => o.Value, StringComparer.Ordinal);
        if (Damaged(objectRoot, head, proven.Keys).Count == 0)
            return null;
        var state = head.Versions[head.Head].State.ToDictionary(e => e.Key, e => e.Value.ToList(), StringComparer.Ordinal);
        var (result, built) = Stage(id, ObjectId(id), state, proven, message, user);
        FileSystemDurability.SyncFileSystem(_staging);
        Swap(built!, objectRoot, exists: true, _staging, BeforeSwap);
        FileSystemDurability.SyncFileSystem(_root);
        return result;
    }

    /// <summary>
    /// Builds in staging the object with a new version of this state. Content the object holds
    /// under a digest of <paramref name="content"/> but whose file no longer matches it is put back
    /// from those bytes, which the digest proves to be the original; the version's message says so.
    /// </summary>
    /// <param name="keptFromHead">Logical paths the new version takes from the head version as they are, where the head has them.</param>
    /// <param name="id">What the result names the object by: a document's id, or the object id of a record.</param>
    private (StoreWriteResult Result, string? Built) Stage(string id, string objectId, Dictionary<string, List<string>> state,
        Dictionary<string, ReadOnlyMemory<byte>> newContent, string message, StoreUser user, IReadOnlyList<string>? keptFromHead = null)
    {
        var objectRoot = RootOfObject(objectId);
        var existing = File.Exists(Path.Combine(objectRoot, InventoryFile)) ? ReadInventory(objectRoot) : null;
        foreach (var kept in keptFromHead ?? [])
        {
            // The digest is in the manifest already, so the new version stores no content for it.
            if (existing?.Versions[existing.Head].State.FirstOrDefault(e => e.Value.Contains(kept)) is { Key: { } digest })
            {
                if (!state.TryGetValue(digest, out var paths))
                    state[digest] = paths = [];
                paths.Add(kept);
            }
        }
        var repairs = existing is null ? [] : Damaged(objectRoot, existing, newContent.Keys);
        var sameState = existing is not null && SameState(existing.Versions[existing.Head].State, state);
        if (sameState && repairs.Count == 0)
            return (new StoreWriteResult(id, WriteStatus.Unchanged, VersionNumber(existing!.Head)) { Created = ToVersionInfo(existing.Head, existing.Versions[existing.Head]).Created }, null);

        var number = existing is null ? 1 : VersionNumber(existing.Head) + 1;
        var version = VersionName(number);
        var inventory = existing ?? new Inventory { Id = objectId };
        inventory.Head = version;
        var created = DateTimeOffset.UtcNow;
        inventory.Versions[version] = new InventoryVersion
        {
            Created = Rfc3339.Format(created),
            Message = repairs.Count == 0 ? message
                : $"{message}; repaired: {string.Join(", ", repairs.Select(r => r.ContentPath))} restored from bytes matching the inventory's digest",
            User = new InventoryUser { Name = user.Name, Address = user.Address },
            State = state,
        };

        var built = Path.Combine(_staging, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(built);
        if (existing is not null)
        {
            LinkTree(objectRoot, built, skip: [InventoryFile, Sidecar, .. repairs.Select(r => r.ContentPath)]);
            foreach (var (digest, contentPath) in repairs)
            {
                var file = Path.Combine(built, contentPath);
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                File.WriteAllBytes(file, newContent[digest].ToArray());
            }
        }
        else
            File.WriteAllText(Path.Combine(built, ObjectDeclaration), "ocfl_object_1.1\n");

        foreach (var (digest, paths) in state)
        {
            // Content already in the manifest is not stored again (OCFL's deduplication).
            if (inventory.Manifest.ContainsKey(digest))
                continue;
            var contentPath = $"{version}/content/{paths[0]}";
            var file = Path.Combine(built, contentPath);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            using (var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write))
                stream.Write(newContent[digest].Span);
            inventory.Manifest[digest] = [contentPath];
        }

        var json = inventory.ToJson();
        var sidecar = Encoding.ASCII.GetBytes(Digests.Compute(Digests.Sha512, json) + " " + InventoryFile + "\n");
        Directory.CreateDirectory(Path.Combine(built, version));
        File.WriteAllBytes(Path.Combine(built, version, InventoryFile), json);
        File.WriteAllBytes(Path.Combine(built, version, Sidecar), sidecar);
        File.WriteAllBytes(Path.Combine(built, InventoryFile), json);
        // The sidecar is the last file of the object to be written.
        File.WriteAllBytes(Path.Combine(built, Sidecar), sidecar);
        var status = existing is null ? WriteStatus.New : sameState ? WriteStatus.Repaired : WriteStatus.Updated;
        // The version's time as its inventory states it, to the second.
        return (new StoreWriteResult(id, status, number) { Created = DateTimeOffset.FromUnixTimeSeconds(created.ToUnixTimeSeconds()) }, built);
    }

    /// <summary>The content files of an object, among those holding the digests given, that are missing or do not match their digest.</summary>
    private static List<(string Digest, string ContentPath)> Damaged(string objectRoot, Inventory inventory, IEnumerable<string> digests)
    {
        var damaged = new List<(string, string)>();
        foreach (var digest in digests)
        {
            if (!inventory.Manifest.TryGetValue(digest, out var contentPaths))
                continue;
            foreach (var contentPath in contentPaths)
            {
                var file = Path.Combine(objectRoot, contentPath);
                if (!File.Exists(file) || !Digests.AreEqual(Digests.ComputeFile(inventory.DigestAlgorithm, file), digest))
                    damaged.Add((digest, contentPath));
            }
        }
        return damaged;
    }

    private static void AddToState(Dictionary<string, List<string>> state, Dictionary<string, ReadOnlyMemory<byte>> content, string logicalPath, ReadOnlyMemory<byte> bytes)
    {
        var digest = Digests.Compute(Digests.Sha512, bytes.Span);
        if (!state.TryGetValue(digest, out var paths))
            state[digest] = paths = [];
        paths.Add(logicalPath);
        content[digest] = bytes;
    }

    private static bool SameState(Dictionary<string, List<string>> a, Dictionary<string, List<string>> b)
        => a.Count == b.Count && a.All(e => b.TryGetValue(e.Key, out var paths) && paths.Order(StringComparer.Ordinal).SequenceEqual(e.Value.Order(StringComparer.Ordinal)));

    /// <summary>A received file's name as a logical path segment: no folders, nothing OCFL forbids.</summary>
    private static string SafeFileName(string name)
    {
        var file = Path.GetFileName(name.Replace('\\', '/'));
        return file is "" or "." or ".." ? "source" : file;
    }

    private static void LinkTree(string from, string to, string[] skip)
    {
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (skip.Contains(relative))
                continue;
            HardLinks.LinkOrCopy(file, Path.Combine(to, relative));
        }
    }

    public IEnumerable<string> Ids() => ObjectIds(ObjectIdPrefix);

    /// <summary>The objects whose id starts with the prefix, each named by the rest of its id, in the order of their paths.</summary>
    public IEnumerable<string> ObjectIds(string prefix)
    {
        if (!Directory.Exists(_root))
            yield break;
        foreach (var declaration in Directory.EnumerateFiles(_root, ObjectDeclaration, SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var objectRoot = Path.GetDirectoryName(declaration)!;
            if (!File.Exists(Path.Combine(objectRoot, InventoryFile)))
                continue;
            var id = ReadInventory(objectRoot).Id;
            if (id.StartsWith(prefix, StringComparison.Ordinal))
                yield return id[prefix.Length..];
        }
    }

    /// <summary>
    /// Writes a new version of an object that is not a document (its id names what it is, never
    /// <c>urn:verbatim:</c>), holding one file under <paramref name="logicalPath"/>: nothing where
    /// the head holds these bytes already. All or nothing, as a document's write.
    /// </summary>
    public StoreWriteResult SaveRecord(string objectId, string logicalPath, ReadOnlyMemory<byte> content, string message, StoreUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (objectId.StartsWith(ObjectIdPrefix, StringComparison.Ordinal))
            throw new ArgumentException($"{objectId} is a document's object id", nameof(objectId));
        EnsureWritable();
        var state = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var newContent = new Dictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal);
        AddToState(state, newContent, logicalPath, content);
        var (result, built) = Stage(objectId, objectId, state, newContent, message, user);
        if (built is null)
            return result;
        try
        {
            FileSystemDurability.SyncFileSystem(_staging);
            Swap(built, RootOfObject(objectId), result.Status != WriteStatus.New, _staging, BeforeSwap);
            FileSystemDurability.SyncFileSystem(_root);
            return result;
        }
        catch
        {
            ClearStaging();
            throw;
        }
    }

    /// <summary>
    /// The file <paramref name="logicalPath"/> of a record's head version, or of the numbered one;
    /// null where there is no such object, version or file. The file is checked against its digest.
    /// </summary>
    public StoredRecord? ReadRecord(string objectId, string logicalPath, int? version = null)
    {
        var objectRoot = RootOfObject(objectId);
        if (!File.Exists(Path.Combine(objectRoot, InventoryFile)))
            return null;
        var inventory = ReadInventory(objectRoot);
        var name = version is { } n ? VersionName(n) : inventory.Head;
        if (!inventory.Versions.TryGetValue(name, out var block) || block.State.FirstOrDefault(e => e.Value.Contains(logicalPath)) is not { Key: { } digest })
            return null;
        var contentPath = inventory.Manifest[digest][0];
        var (bytes, problem) = _verified.Read(Path.Combine(objectRoot, contentPath), inventory.DigestAlgorithm, digest);
        return new StoredRecord(objectId, ToVersionInfo(name, block), bytes)
        {
            Damage = problem is null ? [] : [new StoreDamage(logicalPath, contentPath, problem, digest)],
        };
    }

    /// <summary>The versions of any object by its object id, oldest first; empty where there is none.</summary>
    public IReadOnlyList<VersionInfo> RecordHistory(string objectId)
    {
        var objectRoot = RootOfObject(objectId);
        if (!File.Exists(Path.Combine(objectRoot, InventoryFile)))
            return [];
        return [.. ReadInventory(objectRoot).Versions.Select(v => ToVersionInfo(v.Key, v.Value)).OrderBy(v => v.Number)];
    }

    public StoredDocument? Read(string id, int? version = null)
    {
        var objectRoot = ObjectRoot(id);
        if (!File.Exists(Path.Combine(objectRoot, InventoryFile)))
            return null;
        var inventory = ReadInventory(objectRoot);
        var name = version is { } n ? VersionName(n) : inventory.Head;
        if (!inventory.Versions.TryGetValue(name, out var block))
            return null;
        var damage = new List<StoreDamage>();
        byte[] ReadLogical(string digest, string logicalPath)
        {
            var contentPath = inventory.Manifest[digest][0];
            var (bytes, problem) = _verified.Read(Path.Combine(objectRoot, contentPath), inventory.DigestAlgorithm, digest);
            if (problem is not null)
                damage.Add(new StoreDamage(logicalPath, contentPath, problem, digest));
            return bytes;
        }
        var documentDigest = block.State.First(e => e.Value.Contains(DocumentPath)).Key;
        var source = block.State.SelectMany(e => e.Value.Select(p => (Digest: e.Key, Path: p)))
            .FirstOrDefault(e => e.Path.StartsWith(SourceFolder, StringComparison.Ordinal));
        var documentJson = ReadLogical(documentDigest, DocumentPath);
        var sourceBytes = source.Path is null ? [] : ReadLogical(source.Digest, source.Path);
        var access = block.State.FirstOrDefault(e => e.Value.Contains(AccessPath)) is { Key: { } accessDigest } ? ReadLogical(accessDigest, AccessPath) : null;
        return new StoredDocument(id, ToVersionInfo(name, block), documentJson, source.Path?[SourceFolder.Length..], sourceBytes) { Damage = damage, Access = access };
    }

    public IReadOnlyList<VersionInfo> History(string id) => RecordHistory(ObjectId(id));

    /// <summary>
    /// The audit is the OCFL validator run over the whole storage root with every digest
    /// recomputed, so it reports by the specification's own codes whatever it finds: a changed,
    /// missing or extra byte, an edited inventory, a lost sidecar, a misplaced object.
    /// </summary>
    /// <remarks>
    /// A writer in another process may exchange an object for its next version while the walk
    /// reads it, which then judges one version's files by the other's inventory. So where the walk
    /// finds errors the root is walked again, and only what both walks find is reported: damage
    /// stays, a write in flight does not.
    /// </remarks>
    public AuditReport Audit()
    {
        var result = OcflValidator.ValidateStorageRoot(_root, checkDigests: true);
        IEnumerable<ValidationIssue> errors = result.Errors;
        if (!result.Valid)
        {
            BetweenAuditWalks?.Invoke();
            var first = result.Errors.Select(e => (e.Code, e.Location)).ToHashSet();
            result = OcflValidator.ValidateStorageRoot(_root, checkDigests: true);
            errors = result.Errors.Where(e => first.Contains((e.Code, e.Location)));
        }
        var documents = DocumentsByObjectRoot();
        AuditFinding Named(ValidationIssue issue) => issue.ToFinding() with
        {
            Document = documents.FirstOrDefault(d => issue.Location == d.Key || issue.Location.StartsWith(d.Key + "/", StringComparison.Ordinal)).Value,
        };
        return new AuditReport(result.ObjectsChecked, result.ContentFilesChecked, [.. errors.Select(Named)], [.. result.Warnings.Select(Named)]);
    }

    /// <summary>
    /// Each object root (its path from the storage root) with the document it holds: the id its root
    /// inventory states or, where that cannot be read (an edited or broken inventory), the newest
    /// version's copy of the inventory that can.
    /// </summary>
    private Dictionary<string, string> DocumentsByObjectRoot()
    {
        var documents = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var declaration in Directory.EnumerateFiles(_root, "0=ocfl_object_*", SearchOption.AllDirectories))
        {
            var objectRoot = Path.GetDirectoryName(declaration)!;
            var versionCopies = Directory.EnumerateDirectories(objectRoot)
                .Select(d => (Path: d, Parsed: OcflPaths.TryParseVersion(Path.GetFileName(d), out var number, out _), Number: number))
                .Where(v => v.Parsed).OrderByDescending(v => v.Number).Select(v => v.Path);
            foreach (var folder in versionCopies.Prepend(objectRoot))
            {
                if (ReadableObjectId(Path.Combine(folder, InventoryFile)) is { } id)
                {
                    documents[Path.GetRelativePath(_root, objectRoot).Replace('\\', '/')] = id.StartsWith(ObjectIdPrefix, StringComparison.Ordinal) ? id[ObjectIdPrefix.Length..] : id;
                    break;
                }
            }
        }
        return documents;
    }

    private static string? ReadableObjectId(string inventoryPath)
    {
        if (!File.Exists(inventoryPath))
            return null;
        try
        {
            return Inventory.FromJson(File.ReadAllBytes(inventoryPath)).Id is { Length: > 0 } id ? id : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or InvalidDataException or FormatException)
        {
            return null;
        }
    }

    private static VersionInfo ToVersionInfo(string name, InventoryVersion block)
        => new(VersionNumber(name),
            DateTimeOffset.Parse(block.Created, CultureInfo.InvariantCulture),
            block.Message ?? "",
            new StoreUser(block.User?.Name ?? "", block.User?.Address));

    private static Inventory ReadInventory(string objectRoot) => Inventory.FromJson(File.ReadAllBytes(Path.Combine(objectRoot, InventoryFile)));

    private static string VersionName(int number) => "v" + number.ToString(CultureInfo.InvariantCulture);

    /// <summary>The number of a version this store wrote ("v1", "v2", ...: never zero-padded).</summary>
    private static int VersionNumber(string name)
        => OcflPaths.TryParseVersion(name, out var number, out _) ? number : throw new InvalidDataException($"\"{name}\" is not a version name");
}
