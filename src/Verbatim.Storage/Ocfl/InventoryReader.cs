using System.Text.Json;

namespace Verbatim.Storage.Ocfl;

/// <summary>
/// One inventory.json as read: the model as far as its structure allowed, and which parts were
/// sound enough for the checks that depend on them.
/// </summary>
internal sealed class InventoryRead
{
    public required Inventory Inventory { get; init; }

    /// <summary>The file's bytes: sidecars and the root-versus-head comparison (E064) are about bytes, not meaning.</summary>
    public required byte[] Bytes { get; init; }

    /// <summary>Where issues about this inventory are reported, e.g. "v2/inventory.json".</summary>
    public required string Location { get; init; }

    public bool HasDigestAlgorithm { get; set; }

    public bool ManifestSound { get; set; }

    /// <summary>Every version block and its state could be read, so "digest used by no state" (E107) can be judged.</summary>
    public bool VersionsSound { get; set; }

    public SpecVersion? Spec { get; set; }

    /// <summary>The well-formed version names, ascending by number.</summary>
    public List<(string Name, int Number)> OrderedVersions { get; } = [];

    public string? HighestVersion => OrderedVersions.Count == 0 ? null : OrderedVersions[^1].Name;

    /// <summary>The same reading, reported as another file: a version inventory byte-identical to the root one.</summary>
    public InventoryRead At(string location)
    {
        var copy = new InventoryRead
        {
            Inventory = Inventory,
            Bytes = Bytes,
            Location = location,
            HasDigestAlgorithm = HasDigestAlgorithm,
            ManifestSound = ManifestSound,
            VersionsSound = VersionsSound,
            Spec = Spec,
        };
        copy.OrderedVersions.AddRange(OrderedVersions);
        return copy;
    }
}

/// <summary>
/// Reads an inventory tolerantly and checks everything that can be judged from its JSON alone
/// (3.5): required keys, types, digest algorithm, head, version names and blocks, manifest, state,
/// fixity, and the path rules. Checks that need the disk or other inventories are the caller's.
/// Warnings about version metadata (W005, W007–W009) are reported for the root inventory only; a
/// version directory's inventory is compared with the root's instead (W011).
/// </summary>
internal sealed class InventoryReader
{
    private static readonly string[] RequiredKeys = ["id", "type", "digestAlgorithm", "head"];

    private readonly ValidationResult _r;
    private readonly string _where;
    private readonly bool _isRoot;
    private readonly InventoryRead _read;
    private Inventory Inv => _read.Inventory;

    private InventoryReader(ValidationResult r, string where, bool isRoot, byte[] bytes)
    {
        _r = r;
        _where = where;
        _isRoot = isRoot;
        _read = new InventoryRead { Inventory = new Inventory { Type = "", DigestAlgorithm = "" }, Bytes = bytes, Location = where };
    }

    /// <summary>Null when the bytes are not a JSON object, which is reported (E033) and ends every further check.</summary>
    public static InventoryRead? Read(byte[] bytes, string where, bool isRoot, ValidationResult r)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(bytes);
        }
        catch (JsonException e)
        {
            r.Error("E033", where, "the inventory is not well-formed UTF-8 JSON: " + e.Message);
            return null;
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                r.Error("E033", where, "the inventory is not a JSON object");
                return null;
            }
            var reader = new InventoryReader(r, where, isRoot, bytes);
            reader.ReadTop(doc.RootElement);
            return reader._read;
        }
    }

    private void ReadTop(JsonElement root)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        JsonElement? manifest = null, versions = null, fixity = null;
        foreach (var p in root.EnumerateObject())
        {
            if (!seen.Add(p.Name))
            {
                _r.Error("E033", _where, $"the key \"{p.Name}\" appears more than once");
                continue;
            }
            switch (p.Name)
            {
                case "id":
                    if (p.Value.ValueKind == JsonValueKind.String)
                        Inv.Id = p.Value.GetString()!;
                    else
                        _r.Error("E037", _where, "\"id\" must be a string");
                    break;
                case "type":
                    if (p.Value.ValueKind == JsonValueKind.String)
                        Inv.Type = p.Value.GetString()!;
                    else
                        _r.Error("E038", _where, "\"type\" must be a string");
                    break;
                case "digestAlgorithm":
                    if (p.Value.ValueKind == JsonValueKind.String)
                    {
                        Inv.DigestAlgorithm = p.Value.GetString()!;
                        _read.HasDigestAlgorithm = true;
                    }
                    else
                    {
                        _r.Error("E025", _where, "\"digestAlgorithm\" must be a string");
                    }
                    break;
                case "head":
                    if (p.Value.ValueKind == JsonValueKind.String)
                        Inv.Head = p.Value.GetString()!;
                    else
                        _r.Error("E040", _where, $"\"head\" must be a version directory name, not a JSON {Describe(p.Value)}");
                    break;
                case "contentDirectory":
                    if (p.Value.ValueKind == JsonValueKind.String)
                        Inv.ContentDirectory = p.Value.GetString()!;
                    else
                        _r.Error("E017", _where, "\"contentDirectory\" must be a string");
                    break;
                case "manifest":
                    manifest = p.Value;
                    break;
                case "versions":
                    versions = p.Value;
                    break;
                case "fixity":
                    fixity = p.Value;
                    break;
                default:
                    _r.Error("E102", _where, $"the key \"{p.Name}\" is not one the specification defines");
                    break;
            }
        }
        foreach (var key in RequiredKeys.Where(k => !seen.Contains(k)))
            _r.Error("E036", _where, $"the required key \"{key}\" is missing");
        if (manifest is null)
            _r.Error("E041", _where, "the required block \"manifest\" is missing");
        if (versions is null)
            _r.Error("E041", _where, "the required block \"versions\" is missing");

        CheckId(seen.Contains("id"));
        CheckType(seen.Contains("type"));
        CheckDigestAlgorithm();
        CheckContentDirectory();
        // Versions before head and manifest: both are judged against the version names.
        if (versions is { } v)
            ReadVersions(v);
        if (root.TryGetProperty("head", out var head) && head.ValueKind == JsonValueKind.String)
            CheckHead();
        if (manifest is { } m)
            ReadManifest(m);
        CheckStateDigestsInManifest();
        if (fixity is { } f)
            ReadFixity(f);
    }

    private void CheckId(bool present)
    {
        if (present && _isRoot && Inv.Id.Length > 0 && !OcflPaths.IsUri(Inv.Id))
            _r.Warning("W005", _where, $"the id \"{Inv.Id}\" is not a URI");
    }

    private void CheckType(bool present)
    {
        if (!present || Inv.Type.Length == 0)
            return;
        _read.Spec = Spec.FromInventoryType(Inv.Type);
        if (_read.Spec is null)
            _r.Error("E038", _where, $"\"type\" is \"{Inv.Type}\", not the inventory URI of an OCFL specification version ({Inventory.Type1_0} or {Inventory.Type1_1})");
    }

    private void CheckDigestAlgorithm()
    {
        if (!_read.HasDigestAlgorithm)
            return;
        var alg = Inv.DigestAlgorithm;
        if (!Digests.IsContentAddressing(alg))
            _r.Error("E025", _where, $"\"digestAlgorithm\" is \"{alg}\"; content addressing must use sha512 or sha256");
        else if (alg == Digests.Sha256)
            _r.Warning("W004", _where, "\"digestAlgorithm\" is sha256; sha512 should be used");
    }

    private void CheckContentDirectory()
    {
        var dir = Inv.ContentDirectory;
        if (dir is null)
            return;
        if (dir.Contains('/', StringComparison.Ordinal))
            _r.Error("E017", _where, $"\"contentDirectory\" \"{dir}\" must not contain '/'");
        else if (dir is "." or "..")
            _r.Error("E018", _where, $"\"contentDirectory\" must not be \"{dir}\"");
        else if (dir.Length == 0)
            _r.Error("E108", _where, "\"contentDirectory\" must name a child directory, not be empty");
    }

    /// <summary>Whether the content directory is safe to use as one path element on disk.</summary>
    public static bool IsSoundContentDirectory(string? dir)
        => dir is null || (dir.Length > 0 && dir is not ("." or "..") && !dir.Contains('/', StringComparison.Ordinal) && !dir.Contains('\\', StringComparison.Ordinal));

    private void ReadVersions(JsonElement versions)
    {
        if (versions.ValueKind != JsonValueKind.Object)
        {
            _r.Error("E045", _where, $"\"versions\" must be a JSON object, not a JSON {Describe(versions)}");
            return;
        }
        var sound = true;
        var byNumber = new Dictionary<int, string>();
        var widths = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var p in versions.EnumerateObject())
        {
            if (Inv.Versions.ContainsKey(p.Name))
            {
                _r.Error("E033", _where, $"version \"{p.Name}\" appears more than once in \"versions\"");
                continue;
            }
            if (!OcflPaths.TryParseVersion(p.Name, out var number, out var width))
            {
                _r.Error("E104", _where, $"version \"{p.Name}\" is not named \"v\" followed by a positive base-ten integer");
            }
            else if (byNumber.TryGetValue(number, out var other))
            {
                _r.Error("E012", _where, $"versions \"{other}\" and \"{p.Name}\" are the same version number named two ways");
            }
            else
            {
                byNumber[number] = p.Name;
                widths[p.Name] = width;
                _read.OrderedVersions.Add((p.Name, number));
            }
            if (p.Value.ValueKind != JsonValueKind.Object)
            {
                _r.Error("E047", _where, $"version \"{p.Name}\" must be a JSON object");
                sound = false;
                continue;
            }
            Inv.Versions[p.Name] = ReadVersion(p.Name, p.Value, ref sound);
        }
        _read.OrderedVersions.Sort((a, b) => a.Number.CompareTo(b.Number));
        _read.VersionsSound = sound;

        if (!versions.EnumerateObject().Any())
        {
            _r.Error("E008", _where, "\"versions\" is empty; an object must hold one or more versions");
            return;
        }
        CheckVersionSequence(widths);
    }

    private void CheckVersionSequence(Dictionary<string, int> widths)
    {
        var ordered = _read.OrderedVersions;
        if (ordered.Count == 0)
            return;
        if (ordered[0].Number != 1)
            _r.Error("E009", _where, $"the version sequence starts at {ordered[0].Name}, not at version 1");
        var missing = new List<int>();
        for (var i = 1; i < ordered.Count; i++)
        {
            for (var n = ordered[i - 1].Number + 1; n < ordered[i].Number; n++)
                missing.Add(n);
        }
        if (missing.Count > 0)
            _r.Error("E010", _where, $"the version sequence skips version number(s) {string.Join(", ", missing)}");

        // The first version sets the naming convention (3.3); later ones must follow it.
        var (firstName, _) = ordered[0];
        var width = widths[firstName];
        if (width > 0 && _isRoot)
            _r.Warning("W001", _where, $"version directory names are zero-padded ({firstName}); v1, v2, … should be used");
        foreach (var (name, number) in ordered.Skip(1))
        {
            var digits = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (width == 0)
            {
                if (widths[name] != 0)
                {
                    _r.Error("E012", _where, $"version \"{name}\" is zero-padded but {firstName} is not; all versions must use one naming convention");
                    _r.Error("E013", _where, $"version \"{name}\" does not follow the naming convention {firstName} established");
                }
            }
            else if (digits.Length >= width)
            {
                _r.Error("E011", _where, $"version \"{name}\" overflows the {width}-digit zero-padding {firstName} established: padded names must start with \"v0\"");
                _r.Error("E013", _where, $"version \"{name}\" does not follow the naming convention {firstName} established");
            }
            else if (widths[name] != width)
            {
                _r.Error("E012", _where, $"version \"{name}\" is not zero-padded to {width} digits like {firstName}; all versions must use one naming convention");
                _r.Error("E013", _where, $"version \"{name}\" does not follow the naming convention {firstName} established");
            }
        }
    }

    private InventoryVersion ReadVersion(string name, JsonElement block, ref bool sound)
    {
        var version = new InventoryVersion();
        var where = $"version \"{name}\"";
        bool hasCreated = false, hasState = false, hasMessage = false, hasUser = false;
        foreach (var p in block.EnumerateObject())
        {
            switch (p.Name)
            {
                case "created":
                    hasCreated = true;
                    if (p.Value.ValueKind != JsonValueKind.String)
                    {
                        _r.Error("E049", _where, $"{where}: \"created\" must be an RFC 3339 date-time string, not a JSON {Describe(p.Value)}");
                    }
                    else
                    {
                        version.Created = p.Value.GetString()!;
                        if (!Rfc3339.IsValid(version.Created))
                            _r.Error("E049", _where, $"{where}: \"created\" \"{version.Created}\" is not an RFC 3339 date-time with a time zone and seconds");
                    }
                    break;
                case "state":
                    hasState = true;
                    if (!ReadState(where, p.Value, version))
                        sound = false;
                    break;
                case "message":
                    hasMessage = true;
                    if (p.Value.ValueKind == JsonValueKind.String)
                        version.Message = p.Value.GetString();
                    else
                        _r.Error("E094", _where, $"{where}: \"message\" must be a JSON string, not a JSON {Describe(p.Value)}");
                    break;
                case "user":
                    hasUser = true;
                    version.User = ReadUser(where, p.Value);
                    break;
                default:
                    _r.Error("E102", _where, $"{where}: the key \"{p.Name}\" is not one the specification defines");
                    break;
            }
        }
        if (!hasCreated)
            _r.Error("E048", _where, $"{where} has no \"created\"");
        if (!hasState)
        {
            _r.Error("E048", _where, $"{where} has no \"state\"");
            sound = false;
        }
        if (_isRoot && !(hasMessage && hasUser))
        {
            var absent = hasMessage ? "\"user\"" : hasUser ? "\"message\"" : "\"message\" and \"user\"";
            _r.Warning("W007", _where, $"{where} has no {absent}");
        }
        return version;
    }

    private bool ReadState(string where, JsonElement state, InventoryVersion version)
    {
        if (state.ValueKind != JsonValueKind.Object)
        {
            _r.Error("E050", _where, $"{where}: \"state\" must be a JSON object of digests, not a JSON {Describe(state)}");
            return false;
        }
        var logical = new List<string>();
        var sound = true;
        foreach (var p in state.EnumerateObject())
        {
            if (ReadPathArray(p.Value) is not { } paths)
            {
                _r.Error("E050", _where, $"{where}: the state value of digest {Short(p.Name)} must be an array of logical paths");
                sound = false;
                continue;
            }
            if (!version.State.TryAdd(p.Name, paths))
            {
                _r.Error("E033", _where, $"{where}: digest {Short(p.Name)} appears more than once in \"state\"");
                continue;
            }
            foreach (var path in paths)
            {
                foreach (var code in OcflPaths.LogicalPathProblems(path))
                {
                    var rule = code == "E053" ? "must not begin or end with '/'" : "must not have an element that is '.', '..' or empty";
                    _r.Error(code, _where, $"{where}: logical path \"{path}\" {rule}");
                }
                logical.Add(path);
            }
        }
        var (duplicates, conflicts) = OcflPaths.FindClashes(logical);
        foreach (var path in duplicates)
            _r.Error("E095", _where, $"{where}: logical path \"{path}\" appears more than once");
        foreach (var path in conflicts)
            _r.Error("E095", _where, $"{where}: logical path \"{path}\" is a file and also the directory of another logical path");
        return sound;
    }

    private InventoryUser? ReadUser(string where, JsonElement user)
    {
        if (user.ValueKind != JsonValueKind.Object)
        {
            _r.Error("E054", _where, $"{where}: \"user\" must be a JSON object with a \"name\", not a JSON {Describe(user)}");
            return null;
        }
        var result = new InventoryUser();
        if (!user.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String)
            _r.Error("E054", _where, $"{where}: \"user\" must have a string \"name\"");
        else
            result.Name = name.GetString()!;
        if (!user.TryGetProperty("address", out var address))
        {
            if (_isRoot)
                _r.Warning("W008", _where, $"{where}: \"user\" has no \"address\"");
        }
        else if (address.ValueKind != JsonValueKind.String)
        {
            _r.Error("E054", _where, $"{where}: the user's \"address\" must be a string");
        }
        else
        {
            result.Address = address.GetString();
            if (_isRoot && !OcflPaths.IsUri(result.Address!))
                _r.Warning("W009", _where, $"{where}: the user's address \"{result.Address}\" is not a URI (mailto: or a personal identifier)");
        }
        foreach (var p in user.EnumerateObject().Where(p => p.Name is not ("name" or "address")))
            _r.Error("E102", _where, $"{where}: the user key \"{p.Name}\" is not one the specification defines");
        return result;
    }

    private void CheckHead()
    {
        if (!OcflPaths.TryParseVersion(Inv.Head, out _, out _))
        {
            _r.Error("E040", _where, $"\"head\" \"{Inv.Head}\" is not a version directory name");
            return;
        }
        if (_read.HighestVersion is { } highest && highest != Inv.Head)
            _r.Error("E040", _where, $"\"head\" is \"{Inv.Head}\" but the most recent version in \"versions\" is \"{highest}\"");
    }

    private void ReadManifest(JsonElement manifest)
    {
        if (manifest.ValueKind != JsonValueKind.Object)
        {
            _r.Error("E106", _where, $"\"manifest\" must be a JSON object, not a JSON {Describe(manifest)}");
            return;
        }
        var sound = true;
        var digests = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var contentPaths = new List<string>();
        foreach (var p in manifest.EnumerateObject())
        {
            if (!digests.Add(p.Name))
            {
                _r.Error("E096", _where, $"digest {Short(p.Name)} occurs more than once in the manifest (digests compare regardless of case)");
                if (Inv.Manifest.ContainsKey(p.Name))
                    continue;
            }
            if (ReadPathArray(p.Value) is not { } paths)
            {
                _r.Error("E092", _where, $"the manifest value of digest {Short(p.Name)} must be an array of content paths");
                sound = false;
                continue;
            }
            Inv.Manifest[p.Name] = paths;
            foreach (var path in paths)
            {
                var problems = OcflPaths.ContentPathProblems(path);
                ReportContentPathProblems(problems, path, "manifest");
                if (problems.Count == 0 && IsSoundContentDirectory(Inv.ContentDirectory) && !InAContentDirectory(path))
                    _r.Error("E042", _where, $"content path \"{path}\" is not inside the content directory \"{Inv.ContentDirectoryName}\" of a version this inventory lists");
                contentPaths.Add(path);
            }
        }
        _read.ManifestSound = sound;
        var (duplicates, conflicts) = OcflPaths.FindClashes(contentPaths);
        foreach (var path in duplicates)
            _r.Error("E101", _where, $"content path \"{path}\" appears more than once in the manifest");
        foreach (var path in conflicts)
            _r.Error("E101", _where, $"content path \"{path}\" is a file and also the directory of another content path");

        if (_read.VersionsSound)
        {
            var used = new HashSet<string>(Inv.Versions.Values.SelectMany(v => v.State.Keys), StringComparer.Ordinal);
            foreach (var digest in Inv.Manifest.Keys.Where(d => !used.Contains(d)))
                _r.Error("E107", _where, $"manifest digest {Short(digest)} is used by no version's state");
        }
    }

    private bool InAContentDirectory(string contentPath)
    {
        var parts = contentPath.Split('/');
        return parts.Length >= 3 && Inv.Versions.ContainsKey(parts[0]) && parts[1] == Inv.ContentDirectoryName;
    }

    private void CheckStateDigestsInManifest()
    {
        if (!_read.ManifestSound)
            return;
        foreach (var (name, version) in Inv.Versions)
        {
            foreach (var digest in version.State.Keys.Where(d => !Inv.Manifest.ContainsKey(d)))
                _r.Error("E050", _where, $"version \"{name}\": state digest {Short(digest)} is not a key of the manifest (the match must be exact, case included)");
        }
    }

    private void ReadFixity(JsonElement fixity)
    {
        if (fixity.ValueKind != JsonValueKind.Object)
        {
            _r.Error("E111", _where, $"\"fixity\" must be a JSON object, not a JSON {Describe(fixity)}");
            return;
        }
        Inv.Fixity = new Dictionary<string, Dictionary<string, List<string>>>(StringComparer.Ordinal);
        foreach (var block in fixity.EnumerateObject())
        {
            var alg = block.Name;
            if (!Digests.IsKnown(alg))
                _r.Info(ValidationResult.UnknownAlgorithm, _where, $"fixity algorithm \"{alg}\" is named neither by the specification nor by a registered extension; its values are ignored");
            if (block.Value.ValueKind != JsonValueKind.Object)
            {
                _r.Error("E057", _where, $"the fixity block for \"{alg}\" must be a JSON object of digests");
                continue;
            }
            var entries = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            var digests = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var p in block.Value.EnumerateObject())
            {
                if (!digests.Add(p.Name))
                {
                    _r.Error("E097", _where, $"digest {Short(p.Name)} occurs more than once in the {alg} fixity block (digests compare regardless of case)");
                    if (entries.ContainsKey(p.Name))
                        continue;
                }
                if (ReadPathArray(p.Value) is not { } paths)
                {
                    _r.Error("E057", _where, $"the {alg} fixity value of digest {Short(p.Name)} must be an array of content paths");
                    continue;
                }
                entries[p.Name] = paths;
                foreach (var path in paths)
                    ReportContentPathProblems(OcflPaths.ContentPathProblems(path), path, $"{alg} fixity block");
            }
            Inv.Fixity[alg] = entries;
        }
    }

    private void ReportContentPathProblems(IReadOnlyList<string> problems, string path, string block)
    {
        foreach (var code in problems)
        {
            var rule = code == "E100" ? "must not begin or end with '/'" : "must not have an element that is '.', '..' or empty";
            _r.Error(code, _where, $"{block}: content path \"{path}\" {rule}");
        }
    }

    private static List<string>? ReadPathArray(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array)
            return null;
        var paths = new List<string>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
                return null;
            paths.Add(item.GetString()!);
        }
        return paths;
    }

    internal static string Short(string digest) => digest.Length > 16 ? digest[..12] + "…" : digest;

    private static string Describe(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };
}
