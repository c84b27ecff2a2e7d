using System.Text;
using System.Text.Json;
using Verbatim.Model;

namespace Verbatim.Access;

/// <summary>
/// access.json, the file beside document.json that says who may see the document. It holds the
/// rule alone; who set it, when and why are the OCFL version's user, created and message.
/// </summary>
public static class AccessJson
{
    public static byte[] ToBytes(DocumentAccess access) => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(access, DocumentJson.Options) + "\n");

    /// <summary>
    /// The rule the bytes hold; none (no file) is open. A file that does not read as a rule closes
    /// the document to all but editors: a damaged rule must not open what it closed.
    /// </summary>
    public static DocumentAccess Read(byte[]? bytes)
    {
        if (bytes is not { } json)
            return DocumentAccess.Open;
        try
        {
            // A rule that does not name its kind would read as open.
            using (var parsed = JsonDocument.Parse(json))
            {
                if (parsed.RootElement.ValueKind != JsonValueKind.Object || !parsed.RootElement.TryGetProperty("kind", out _))
                    return Unreadable;
            }
            // Through the factories, so that a rule read from a file meets the same checks as one typed.
            switch (JsonSerializer.Deserialize<DocumentAccess>(json, DocumentJson.Options))
            {
                case { Kind: AccessKind.Open }:
                    return DocumentAccess.Open;
                case { Kind: AccessKind.Restricted, Groups: { Count: > 0 } groups } when groups.All(DocumentAccess.IsGroupName):
                    return DocumentAccess.RestrictedTo(groups);
                case { Kind: AccessKind.Embargoed, Until: { } until }:
                    return DocumentAccess.EmbargoedUntil(until);
                case { Kind: AccessKind.Withdrawn, Reason: { } reason } when !string.IsNullOrWhiteSpace(reason):
                    return DocumentAccess.WithdrawnBecause(reason);
            }
        }
        catch (JsonException)
        {
        }
        return Unreadable;
    }

    public static DocumentAccess Unreadable { get; } = DocumentAccess.WithdrawnBecause("its access.json does not read as an access rule");
}
