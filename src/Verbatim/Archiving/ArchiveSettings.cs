using System.Net.Mail;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Verbatim.Archiving;

/// <summary>
/// What the archive's owner says of it to other systems, set once (<c>verbatim settings set</c>):
/// the name, address and contact a harvester is given (OAI-PMH Identify), and the rights statement
/// of documents that state none. Kept in settings.json beside the store; every value may be unset.
/// </summary>
public sealed record ArchiveSettings
{
    public const string RepositoryNameKey = "repository-name";
    public const string BaseUrlKey = "base-url";
    public const string AdminEmailKey = "admin-email";
    public const string RightsKey = "rights";

    /// <summary>Every setting by the name the command line gives it, with what it is for.</summary>
    public static IReadOnlyList<(string Key, string Meaning)> Keys { get; } =
    [
        (RepositoryNameKey, "the archive's name, as harvesters show it (OAI-PMH repositoryName)"),
        (BaseUrlKey, "the address harvesters reach the OAI-PMH endpoint at, where it is not the served address (behind a proxy): https://HOST/oai"),
        (AdminEmailKey, "who to write to about the archive (OAI-PMH adminEmail)"),
        (RightsKey, "the rights statement of documents that state none of their own"),
    ];

    public string? RepositoryName { get; init; }
    public string? BaseUrl { get; init; }
    public string? AdminEmail { get; init; }
    public string? Rights { get; init; }

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.KebabCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    /// <summary>The archive's settings; none set where it has no settings.json.</summary>
    /// <exception cref="ArchiveException">settings.json is there but cannot be read as settings.</exception>
    public static ArchiveSettings Read(ArchiveLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        if (!File.Exists(layout.Settings))
            return new ArchiveSettings();
        try
        {
            return JsonSerializer.Deserialize<ArchiveSettings>(File.ReadAllBytes(layout.Settings), Json) ?? new ArchiveSettings();
        }
        catch (JsonException exception)
        {
            throw new ArchiveException($"{layout.Settings} is not readable as settings (line {exception.LineNumber + 1}): {exception.Message}");
        }
    }

    /// <summary>Replaces settings.json whole: written beside, then renamed over it, so a reader finds the old or the new.</summary>
    public void Write(ArchiveLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var temporary = layout.Settings + ".new";
        File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(this, Json));
        File.Move(temporary, layout.Settings, overwrite: true);
    }

    public string? this[string key] => key switch
    {
        RepositoryNameKey => RepositoryName,
        BaseUrlKey => BaseUrl,
        AdminEmailKey => AdminEmail,
        RightsKey => Rights,
        _ => throw Unknown(key),
    };

    /// <summary>These settings with one value set (null unsets it).</summary>
    /// <exception cref="ArchiveException">No such setting, or a value it cannot take (an address that is not one).</exception>
    public ArchiveSettings With(string key, string? value)
    {
        ArgumentNullException.ThrowIfNull(key);
        value = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (value is not null)
        {
            if (key == BaseUrlKey && !(Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" && url.Query.Length == 0 && url.Fragment.Length == 0))
                throw new ArchiveException($"'{value}' is not an http or https address without a query (base-url is where harvesters reach the endpoint, e.g. https://archive.example.org/oai)");
            if (key == AdminEmailKey && !(MailAddress.TryCreate(value, out var mail) && mail.Address == value))
                throw new ArchiveException($"'{value}' is not an email address (admin-email)");
        }
        return key switch
        {
            RepositoryNameKey => this with { RepositoryName = value },
            BaseUrlKey => this with { BaseUrl = value },
            AdminEmailKey => this with { AdminEmail = value },
            RightsKey => this with { Rights = value },
            _ => throw Unknown(key),
        };
    }

    /// <summary>The settings a harvester must be given that are not set (base-url is not among them: the server knows where it is served).</summary>
    public IReadOnlyList<string> MissingForHarvesters()
        => [.. new[] { (RepositoryNameKey, RepositoryName), (AdminEmailKey, AdminEmail) }.Where(s => s.Item2 is null).Select(s => s.Item1)];

    private static ArchiveException Unknown(string key)
        => new($"there is no setting '{key}'; the settings are {string.Join(", ", Keys.Select(k => k.Key))}");
}
