using System.Text;
using Verbatim.Storage.Ocfl;
using Verbatim.Storing;

namespace Verbatim.Storage.Tests.Ocfl;

/// <summary>Every kind of tampering with a stored object is caught by the audit and the validator, with its OCFL code.</summary>
public sealed class TamperTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"verbatim-tamper-{Guid.NewGuid():N}");
    private readonly OcflStore _store;
    private readonly string _object;

    public TamperTests()
    {
        _store = OcflStore.Open(Path.Combine(_folder, "store"), Path.Combine(_folder, "staging"));
        var user = new StoreUser("Archivist", "mailto:archivist@example.org");
        _store.Save(new DocumentWrite("letter", Encoding.UTF8.GetBytes("{\"v\":1}"), "letter.txt", Encoding.UTF8.GetBytes("Comrade Stalin:\n\nHave a look."), "received", user));
        _store.Save(new DocumentWrite("letter", Encoding.UTF8.GetBytes("{\"v\":2}"), "letter.txt", Encoding.UTF8.GetBytes("Comrade Stalin:\n\nHave a look, please."), "corrected", user));
        _store.Save(new DocumentWrite("other", Encoding.UTF8.GetBytes("{}"), "other.txt", Encoding.UTF8.GetBytes("untouched"), "received", user));
        _object = Path.Combine(_folder, "store", OcflStore.Layout.PathFor(OcflStore.ObjectId("letter")));
        Assert.True(_store.Audit().Clean);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>
    /// The audit finds the tampering with the expected code, every finding located in the tampered
    /// object and naming its document, and the validator gives that code too when run on the storage root and on the object
    /// alone. Returns the finding with the code.
    /// </summary>
    private AuditFinding Caught(string code)
    {
        var report = _store.Audit();
        Assert.False(report.Clean);
        var objectPath = Path.GetRelativePath(Path.Combine(_folder, "store"), _object);
        Assert.All(report.Findings, f => Assert.StartsWith(objectPath + "/", f.Path));
        Assert.All(report.Findings, f => Assert.Equal("letter", f.Document));
        Assert.Contains(code, OcflValidator.ValidateStorageRoot(Path.Combine(_folder, "store")).Codes);
        Assert.Contains(code, OcflValidator.ValidateObject(_object).Codes);
        Assert.Contains(report.Findings, f => f.Code == code);
        return report.Findings.First(f => f.Code == code);
    }

    [Fact]
    public void Flipped_byte_in_an_old_version_is_caught()
    {
        var file = Path.Combine(_object, "v1", "content", "source", "letter.txt");
        var bytes = File.ReadAllBytes(file);
        bytes[3] ^= 0x01;
        File.WriteAllBytes(file, bytes);
        Assert.Contains("v1/content/source/letter.txt", Caught("E092").Message);
    }

    [Fact]
    public void Deleted_content_file_is_caught()
    {
        File.Delete(Path.Combine(_object, "v2", "content", "document.json"));
        Assert.Contains("v2/content/document.json does not exist", Caught("E092").Message);
    }

    [Fact]
    public void Stray_file_in_content_is_caught()
    {
        File.WriteAllText(Path.Combine(_object, "v2", "content", "extra.txt"), "slipped in");
        Assert.EndsWith("v2/content/extra.txt", Caught("E023").Path);
    }

    [Fact]
    public void Edited_inventory_is_caught_by_its_sidecar()
    {
        var inventory = Path.Combine(_object, "inventory.json");
        File.WriteAllText(inventory, File.ReadAllText(inventory).Replace("corrected", "rewritten"));
        Caught("E060");
    }

    [Fact]
    public void Missing_sidecar_is_caught()
    {
        File.Delete(Path.Combine(_object, "inventory.json.sha512"));
        Caught("E058");
    }
}
