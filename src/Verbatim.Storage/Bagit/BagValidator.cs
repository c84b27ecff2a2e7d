using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Verbatim.Storing;

namespace Verbatim.Storage.Bagit;

/// <summary>
/// Judges a folder as a BagIt bag (RFC 8493, BagIt 1.0, and the earlier drafts 0.93 to 0.97 that
/// bags still arrive in): the declaration, every payload and tag manifest and each checksum in
/// them, that every payload file is listed in every payload manifest, bag-info.txt and its
/// Payload-Oxum, and fetch.txt. Held to the Library of Congress conformance suite.
/// </summary>
/// <remarks>
/// Errors are what RFC 8493 says makes a bag invalid, and paths that leave the bag. Warnings are
/// what the suite's "warning" bags show: a bag that is valid but will trouble someone (md5sum's
/// binary marker, "./" before a path, names that differ only by case or by Unicode normalisation,
/// operating systems' own files in the payload, a path listed twice with one checksum before 1.0).
/// </remarks>
public static partial class BagValidator
{
    private static readonly string[] SystemFiles = [".DS_Store", "Thumbs.db", "desktop.ini", ".Spotlight-V100", ".Trashes"];

    [GeneratedRegex(@"^(?<label>[^:\s]+): (?<value>\S.*)$")]
    private static partial Regex DeclarationLine();

    [GeneratedRegex(@"^(?<checksum>[0-9A-Fa-f]+)[ \t]+(?<binary>\*?)(?<path>\S.*)$")]
    private static partial Regex ManifestLine();

    [GeneratedRegex(@"^(?<url>\S+)[ \t]+(?<length>\d+|-)[ \t]+(?<path>\S.*)$")]
    private static partial Regex FetchLine();

    [GeneratedRegex(@"^(?<octets>\d+)\.(?<streams>\d+)$")]
    private static partial Regex Oxum();

    [GeneratedRegex(@"^(?:manifest|tagmanifest)-(?<algorithm>[a-z0-9]+)\.txt$")]
    private static partial Regex ManifestName();

    public static BagReport Validate(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        return new Validation(Path.GetFullPath(folder)).Run();
    }

    private sealed class Validation(string root)
    {
        private readonly List<BagFinding> _errors = [];
        private readonly List<BagFinding> _warnings = [];
        private readonly List<KeyValuePair<string, string>> _info = [];
        private readonly Dictionary<(string Algorithm, string Path), string> _digests = [];
        private Encoding _encoding = Encoding.UTF8;
        private Version? _version;

        public BagReport Run()
        {
            if (!Directory.Exists(root))
                return Done([new BagFinding($"no folder {root}")], []);
            if (!ReadDeclaration())
                return Done([], []);
            if (!Directory.Exists(Path.Combine(root, "data")))
                _errors.Add(new BagFinding("the bag has no payload folder (data/)"));
            var payloadManifests = Manifests("manifest-");
            if (payloadManifests.Count == 0)
                _errors.Add(new BagFinding("the bag has no payload manifest (manifest-ALGORITHM.txt)"));
            var fetched = ReadFetch();
            var onDisk = PayloadOnDisk();
            var payload = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, algorithm) in payloadManifests)
            {
                var listed = ReadManifest(name, algorithm, payload: true, fetched);
                foreach (var path in onDisk.Where(p => !listed.Contains(p)))
                    _errors.Add(new BagFinding($"{path} is in the payload but not listed in {name}", name));
                foreach (var path in listed.Where(p => File.Exists(Full(p))))
                    payload[path] = Full(path);
            }
            foreach (var (name, algorithm) in Manifests("tagmanifest-"))
                ReadManifest(name, algorithm, payload: false, fetched);
            ReadInfo(onDisk);
            foreach (var path in onDisk.Where(p => SystemFiles.Contains(p[(p.LastIndexOf('/') + 1)..], StringComparer.OrdinalIgnoreCase)))
                _warnings.Add(new BagFinding($"{path} is a file an operating system makes for itself, not part of anyone's deposit"));
            return Done([], [.. payload.Select(p => (p.Key, p.Value))]);
        }

        private BagReport Done(IReadOnlyList<BagFinding> fatal, IReadOnlyList<(string Path, string File)> payload)
            => new(root, _version?.ToString(), [.. fatal, .. _errors], _warnings, _info, payload);

        private string Full(string path) => Path.Combine(root, path.Replace('/', Path.DirectorySeparatorChar));

        // bagit.txt is UTF-8 without a byte order mark, exactly two lines, "Label: value" with one space.
        private bool ReadDeclaration()
        {
            const string name = "bagit.txt";
            var path = Path.Combine(root, name);
            if (!File.Exists(path))
            {
                _errors.Add(new BagFinding("no bagit.txt: the folder is not a bag"));
                return false;
            }
            var bytes = File.ReadAllBytes(path);
            if (bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble))
                _errors.Add(new BagFinding("begins with a byte order mark, which bagit.txt may not have", name, 1));
            string text;
            try
            {
                text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
            }
            catch (DecoderFallbackException)
            {
                _errors.Add(new BagFinding("is not UTF-8", name));
                return false;
            }
            var lines = Lines(text);
            var fields = new Dictionary<string, (string Value, int Line)>(StringComparer.Ordinal);
            for (var i = 0; i < lines.Count; i++)
            {
                if (DeclarationLine().Match(lines[i]) is { Success: true } match)
                    fields[match.Groups["label"].Value] = (match.Groups["value"].Value.TrimEnd(), i + 1);
                else
                    _errors.Add(new BagFinding($"\"{lines[i]}\" is not \"Label: value\" (one colon, then one space)", name, i + 1));
            }
            if (fields.TryGetValue("BagIt-Version", out var version))
            {
                if (Regex.IsMatch(version.Value, @"^\d+\.\d+$") && Version.TryParse(version.Value, out var parsed))
                    _version = parsed;
                else
                    _errors.Add(new BagFinding($"BagIt-Version \"{version.Value}\" is not MAJOR.MINOR", name, version.Line));
            }
            else
            {
                _errors.Add(new BagFinding("has no BagIt-Version line", name));
            }
            if (fields.TryGetValue("Tag-File-Character-Encoding", out var encoding))
            {
                try
                {
                    _encoding = Encoding.GetEncoding(encoding.Value);
                }
                catch (ArgumentException)
                {
                    _errors.Add(new BagFinding($"Tag-File-Character-Encoding \"{encoding.Value}\" is not an encoding this validator reads", name, encoding.Line));
                }
            }
            else
            {
                _errors.Add(new BagFinding("has no Tag-File-Character-Encoding line", name));
            }
            foreach (var other in fields.Keys.Where(k => k is not ("BagIt-Version" or "Tag-File-Character-Encoding")))
                _errors.Add(new BagFinding($"has a line \"{other}\", which bagit.txt may not have", name, fields[other].Line));
            return _errors.Count == 0;
        }

        private List<(string Name, string Algorithm)> Manifests(string prefix)
        {
            var found = new List<(string, string)>();
            foreach (var file in Directory.EnumerateFiles(root).Select(Path.GetFileName).Order(StringComparer.Ordinal))
            {
                if (!file!.StartsWith(prefix, StringComparison.Ordinal) || ManifestName().Match(file) is not { Success: true } match)
                    continue;
                var algorithm = match.Groups["algorithm"].Value;
                if (BagDigests.IsKnown(algorithm))
                    found.Add((file, algorithm));
                else
                    _errors.Add(new BagFinding($"names the checksum algorithm \"{algorithm}\", which this validator cannot compute, so its files cannot be checked", file));
            }
            return found;
        }

        /// <returns>The paths the manifest lists.</returns>
        private HashSet<string> ReadManifest(string name, string algorithm, bool payload, IReadOnlyDictionary<string, string> fetched)
        {
            var listed = new HashSet<string>(StringComparer.Ordinal);
            var checksums = new Dictionary<string, (string Checksum, int Line)>(StringComparer.Ordinal);
            var byNormalForm = new Dictionary<string, string>(StringComparer.Ordinal);
            var byFolded = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var lines = ReadTagFile(name);
            for (var i = 0; i < lines.Count; i++)
            {
                var number = i + 1;
                if (lines[i].Length == 0)
                    continue;
                if (ManifestLine().Match(lines[i]) is not { Success: true } match)
                {
                    _errors.Add(new BagFinding("is not \"CHECKSUM PATH\"", name, number));
                    continue;
                }
                if (match.Groups["binary"].Length > 0)
                    _warnings.Add(new BagFinding("marks its path with md5sum's '*' (binary mode), which is not BagIt's form", name, number));
                var path = Unescape(match.Groups["path"].Value);
                if (path.StartsWith("./", StringComparison.Ordinal))
                {
                    _warnings.Add(new BagFinding($"writes \"{path}\" with a leading \"./\"", name, number));
                    path = path[2..];
                }
                if (OutOfBag(path) is { } why)
                {
                    _errors.Add(new BagFinding($"lists \"{path}\", {why}", name, number));
                    continue;
                }
                if (payload != path.StartsWith("data/", StringComparison.Ordinal))
                {
                    _errors.Add(new BagFinding(payload ? $"lists \"{path}\", which is not in the payload (data/)" : $"lists \"{path}\", a payload file, among the tag files", name, number));
                    continue;
                }
                var checksum = match.Groups["checksum"].Value.ToLowerInvariant();
                if (checksums.TryGetValue(path, out var before))
                {
                    if (before.Checksum != checksum)
                        _errors.Add(new BagFinding($"lists \"{path}\" again (line {before.Line}) with another checksum", name, number));
                    else if (_version >= new Version(1, 0))
                        _errors.Add(new BagFinding($"lists \"{path}\" again (line {before.Line}); BagIt 1.0 lists a file once", name, number));
                    else
                        _warnings.Add(new BagFinding($"lists \"{path}\" again (line {before.Line}) with the same checksum", name, number));
                    continue;
                }
                checksums[path] = (checksum, number);
                if (byNormalForm.TryGetValue(path.Normalize(NormalizationForm.FormC), out var twin))
                    _warnings.Add(new BagFinding($"lists \"{path}\" and \"{twin}\", one name in two Unicode normalisations: a file system that normalises keeps only one", name, number));
                else if (byFolded.TryGetValue(path, out var cased))
                    _warnings.Add(new BagFinding($"lists \"{path}\" and \"{cased}\", names that differ only by case: a file system that ignores case keeps only one", name, number));
                byNormalForm.TryAdd(path.Normalize(NormalizationForm.FormC), path);
                byFolded.TryAdd(path, path);
                listed.Add(path);
                var file = Full(path);
                if (!File.Exists(file))
                {
                    _errors.Add(new BagFinding(fetched.TryGetValue(path, out var url)
                        ? $"lists \"{path}\", which is to be fetched from {url} and is not here yet: the bag is not complete"
                        : $"lists \"{path}\", which the bag does not hold", name, number));
                    continue;
                }
                if (!_digests.TryGetValue((algorithm, path), out var actual))
                    _digests[(algorithm, path)] = actual = BagDigests.Compute(algorithm, file);
                if (actual != checksum)
                    _errors.Add(new BagFinding($"gives \"{path}\" the {algorithm} {checksum}, but the file's is {actual}", name, number));
            }
            return listed;
        }

        private Dictionary<string, string> ReadFetch()
        {
            const string name = "fetch.txt";
            var fetched = new Dictionary<string, string>(StringComparer.Ordinal);
            if (!File.Exists(Path.Combine(root, name)))
                return fetched;
            var lines = ReadTagFile(name);
            for (var i = 0; i < lines.Count; i++)
            {
                if (lines[i].Length == 0)
                    continue;
                if (FetchLine().Match(lines[i]) is not { Success: true } match)
                {
                    _errors.Add(new BagFinding("is not \"URL LENGTH PATH\"", name, i + 1));
                    continue;
                }
                var path = Unescape(match.Groups["path"].Value);
                if (OutOfBag(path) is { } why)
                    _errors.Add(new BagFinding($"fetches into \"{path}\", {why}", name, i + 1));
                else if (!path.StartsWith("data/", StringComparison.Ordinal))
                    _errors.Add(new BagFinding($"fetches into \"{path}\", which is not in the payload (data/)", name, i + 1));
                else
                    fetched[path] = match.Groups["url"].Value;
            }
            return fetched;
        }

        private void ReadInfo(IReadOnlyCollection<string> onDisk)
        {
            const string name = "bag-info.txt";
            if (!File.Exists(Path.Combine(root, name)))
                return;
            var lines = ReadTagFile(name);
            var lineOf = new List<int>();
            for (var i = 0; i < lines.Count; i++)
            {
                var line = lines[i];
                if (line.Length == 0)
                    continue;
                // A line that begins with white space continues the value before it.
                if (line[0] is ' ' or '\t' && _info.Count > 0)
                {
                    _info[^1] = new(_info[^1].Key, $"{_info[^1].Value} {line.Trim()}");
                    continue;
                }
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon <= 0 || line[..colon].Trim().Length == 0)
                {
                    _errors.Add(new BagFinding("is not \"Label: value\"", name, i + 1));
                    continue;
                }
                _info.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
                lineOf.Add(i + 1);
            }
            var oxums = _info.Select((pair, index) => (pair, index)).Where(p => p.pair.Key.Equals("Payload-Oxum", StringComparison.OrdinalIgnoreCase)).ToList();
            foreach (var (pair, index) in oxums)
            {
                if (Oxum().Match(pair.Value) is not { Success: true } match)
                {
                    _errors.Add(new BagFinding($"Payload-Oxum \"{pair.Value}\" is not OCTETS.FILES", name, lineOf[index]));
                    continue;
                }
                var octets = onDisk.Sum(p => new FileInfo(Full(p)).Length);
                if (match.Groups["octets"].Value != octets.ToString(CultureInfo.InvariantCulture) || match.Groups["streams"].Value != onDisk.Count.ToString(CultureInfo.InvariantCulture))
                    _errors.Add(new BagFinding($"Payload-Oxum says {pair.Value}, but the payload is {octets}.{onDisk.Count} (bytes.files)", name, lineOf[index]));
            }
        }

        /// <summary>Every file under data/, as a bag path ("data/...", '/' between parts).</summary>
        private List<string> PayloadOnDisk()
        {
            var data = Path.Combine(root, "data");
            if (!Directory.Exists(data))
                return [];
            var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false };
            return [.. Directory.EnumerateFiles(data, "*", options).Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/')).Order(StringComparer.Ordinal)];
        }

        private List<string> ReadTagFile(string name)
        {
            using var reader = new StreamReader(Path.Combine(root, name), _encoding, detectEncodingFromByteOrderMarks: true);
            return Lines(reader.ReadToEnd());
        }

        // BagIt 1.0 writes CR, LF and % in a path as %0D, %0A and %25; the drafts before it wrote paths as they are.
        private string Unescape(string path) => _version >= new Version(1, 0)
            ? path.Replace("%0D", "\r", StringComparison.OrdinalIgnoreCase).Replace("%0A", "\n", StringComparison.OrdinalIgnoreCase).Replace("%25", "%", StringComparison.Ordinal)
            : path;
    }

    /// <summary>Why a path from a tag file would reach outside the bag; null where it stays inside.</summary>
    internal static string? OutOfBag(string path)
    {
        if (path.StartsWith('/'))
            return "an absolute path, outside the bag";
        if (path.StartsWith('\\') || (path.Length > 1 && path[1] == ':'))
            return "a Windows path (a drive, or a leading '\\'), outside the bag";
        if (path.StartsWith('~'))
            return "a path from a user's home folder, outside the bag";
        if (path.Split('/', '\\').Any(part => part == ".."))
            return "a path that climbs out of the bag with \"..\"";
        return null;
    }

    private static List<string> Lines(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n').ToList();
        if (lines.Count > 0 && lines[^1].Length == 0)
            lines.RemoveAt(lines.Count - 1);
        return lines;
    }
}
