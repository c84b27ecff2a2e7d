using System.Buffers.Text;
using System.Text.Json;

namespace Verbatim.Web.Harvesting;

/// <summary>
/// Where a list request stopped, carried by the harvester instead of kept by the server, so a
/// token never expires and any server of the archive takes it: the moment the harvest began
/// (every page is of the archive as it stood then), the request's own arguments, the last record
/// given, and how many of how many were given.
/// </summary>
/// <remarks>
/// A token is not secret and need not be: it only says where to go on, and every page is read
/// for the viewer who asks, with what they may see on that day.
/// </remarks>
public sealed record ResumptionToken(
    long AsOf,
    string MetadataPrefix,
    string? Set,
    long? From,
    long? Until,
    long AfterCreated,
    string AfterId,
    int Cursor,
    int CompleteListSize)
{
    private const int Format = 1;

    public string Write()
        => "v" + Format + "." + Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(this));

    /// <summary>The token a harvester sent back; null where it is not one this server wrote.</summary>
    public static ResumptionToken? Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var prefix = "v" + Format + ".";
        if (!text.StartsWith(prefix, StringComparison.Ordinal))
            return null;
        try
        {
            var token = JsonSerializer.Deserialize<ResumptionToken>(Base64Url.DecodeFromChars(text.AsSpan(prefix.Length)));
            return token is { MetadataPrefix: not null, AfterId: not null, Cursor: >= 0 } && token.CompleteListSize >= token.Cursor ? token : null;
        }
        catch (Exception exception) when (exception is FormatException or JsonException)
        {
            return null;
        }
    }
}
