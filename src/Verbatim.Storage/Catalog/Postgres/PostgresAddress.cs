using Npgsql;

namespace Verbatim.Storage.Catalog.Postgres;

/// <summary>
/// A PostgreSQL database as people write it: a <c>postgresql://user:password@host:port/database</c>
/// address (libpq's form, which Npgsql does not read) or an Npgsql connection string.
/// </summary>
public static class PostgresAddress
{
    // libpq's parameter names that an address may carry after "?", and Npgsql's for each.
    private static readonly Dictionary<string, string> Parameters = new(StringComparer.Ordinal)
    {
        ["sslmode"] = "SSL Mode",
        ["application_name"] = "Application Name",
        ["connect_timeout"] = "Timeout",
        ["host"] = "Host",
        ["port"] = "Port",
        ["user"] = "Username",
        ["password"] = "Password",
        ["dbname"] = "Database",
        ["options"] = "Options",
        ["target_session_attrs"] = "Target Session Attributes",
    };

    /// <summary>The Npgsql connection string of an address or of a connection string.</summary>
    /// <param name="origin">Where the text came from, for the error.</param>
    /// <exception cref="FormatException">Not an address or connection string; the message names <paramref name="origin"/> and the fault, never the password.</exception>
    public static string ToConnectionString(string text, string origin)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase))
            return FromAddress(text, origin);
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(text);
            if (string.IsNullOrEmpty(builder.Host))
                throw new FormatException($"{origin}: the connection string names no Host (or write a postgresql://user@host:port/database address)");
            return builder.ConnectionString;
        }
        catch (ArgumentException exception)
        {
            throw new FormatException($"{origin}: neither \"sqlite\", a postgresql:// address nor a connection string ({exception.Message})", exception);
        }
    }

    private static string FromAddress(string text, string origin)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var address))
            throw new FormatException($"{origin}: not a well-formed postgresql:// address");
        var builder = new NpgsqlConnectionStringBuilder { Host = address.Host.Length > 0 ? address.Host : "localhost" };
        if (!address.IsDefaultPort && address.Port > 0)
            builder.Port = address.Port;
        if (address.UserInfo.Length > 0)
        {
            var colon = address.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? address.UserInfo : address.UserInfo[..colon]);
            if (colon >= 0)
                builder.Password = Uri.UnescapeDataString(address.UserInfo[(colon + 1)..]);
        }
        var database = Uri.UnescapeDataString(address.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
            builder.Database = database;
        foreach (var pair in address.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            if (!Parameters.TryGetValue(name, out var key))
                throw new FormatException($"{origin}: the address's parameter \"{name}\" is not one Verbatim passes on ({string.Join(", ", Parameters.Keys)})");
            try
            {
                builder[key] = Uri.UnescapeDataString(equals < 0 ? "" : pair[(equals + 1)..]);
            }
            catch (ArgumentException exception)
            {
                throw new FormatException($"{origin}: the address's parameter \"{name}\": {exception.Message}", exception);
            }
        }
        return builder.ConnectionString;
    }
}
