using Verbatim.Storing;

namespace Verbatim.Storage.Ocfl;

/// <summary>Recomputes every digest of every object under a storage root and reports what differs.</summary>
internal static class OcflAudit
{
    public static AuditReport Run(string root)
    {
        var findings = new List<AuditFinding>();
        int objects = 0, files = 0;
        foreach (var declaration in Directory.EnumerateFiles(root, "0=ocfl_object_*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var objectRoot = Path.GetDirectoryName(declaration)!;
            var relative = Path.GetRelativePath(root, objectRoot);
            objects++;
            var inventoryPath = Path.Combine(objectRoot, "inventory.json");
            if (!File.Exists(inventoryPath))
            {
                findings.Add(new AuditFinding("E063", "the object has no inventory.json", relative));
                continue;
            }
            var bytes = File.ReadAllBytes(inventoryPath);
            var sidecar = Path.Combine(objectRoot, "inventory.json.sha512");
            if (!File.Exists(sidecar))
                findings.Add(new AuditFinding("E058", "inventory.json.sha512 is missing", relative));
            else if (File.ReadAllText(sidecar).Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() != OcflStore.Sha512(bytes))
                findings.Add(new AuditFinding("E060", "inventory.json does not match its sidecar digest", relative));
            OcflInventory inventory;
            try
            {
                inventory = OcflInventory.Parse(bytes);
            }
            catch (System.Text.Json.JsonException exception)
            {
                findings.Add(new AuditFinding("E033", $"inventory.json is not valid JSON: {exception.Message}", relative));
                continue;
            }
            var expected = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (digest, paths) in inventory.Manifest)
            {
                foreach (var path in paths)
                {
                    expected.Add(path);
                    var file = Path.Combine(objectRoot, path);
                    files++;
                    if (!File.Exists(file))
                        findings.Add(new AuditFinding("E092", $"content file {path} is missing", relative));
                    else if (OcflStore.Sha512(File.ReadAllBytes(file)) != digest)
                        findings.Add(new AuditFinding("E092", $"content file {path} does not match its digest", relative));
                }
            }
            foreach (var file in Directory.EnumerateFiles(objectRoot, "*", SearchOption.AllDirectories))
            {
                var path = Path.GetRelativePath(objectRoot, file).Replace('\\', '/');
                if (path.Contains("/content/", StringComparison.Ordinal) && !expected.Contains(path))
                    findings.Add(new AuditFinding("E023", $"content file {path} is not in the manifest", relative));
            }
        }
        return new AuditReport(objects, files, findings);
    }
}
