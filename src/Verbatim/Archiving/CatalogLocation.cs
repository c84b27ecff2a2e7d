using Npgsql;
using Verbatim.Searching;
using Verbatim.Storage.Catalog;
using Verbatim.Storage.Catalog.Postgres;
using Verbatim.Storage.Catalog.Sqlite;

namespace Verbatim.Archiving;

/// <summary>
/// Where an archive's catalog lives, as chosen at <c>init</c> and recorded in the archive
/// (<see cref="ArchiveLayout.CatalogLocation"/>): SQLite beside the store, the default, or a
/// PostgreSQL database shared by many servers. Every verb and <c>serve</c> open the catalog here.
/// </summary>
/// <remarks>
/// What is recorded is what the user gave: "sqlite", a <c>postgresql://</c> address, an Npgsql
/// connection string, or <c>env:NAME</c>, which keeps the connection string (and its password)
/// out of the archive's folder and reads it from the environment each time the archive opens.
/// </remarks>
public abstract record CatalogLocation
{
    /// <summary>What <c>init</c> records when no catalog is named.</summary>
    public const string Default = "sqlite";

    /// <summary>What the user gave and the archive records.</summary>
    public abstract string Recorded { get; }

    /// <summary>"sqlite" or "postgresql".</summary>
    public abstract string Backend { get; }

    /// <summary>For messages: where the catalog is, never with a password.</summary>
    public abstract string Describe { get; }

    /// <summary>Whether the catalog has been made (a SQLite file is made by the first write; a database always answers).</summary>
    public abstract bool Exists { get; }

    /// <summary>Deletes what the catalog left in the archive's folder once the archive has moved to another (a SQLite file); a database is left to its owner.</summary>
    /// <returns>What the owner should know is left behind, or null.</returns>
    public abstract string? Abandon();

    /// <summary>Opens the catalog to write it, making or upgrading its tables.</summary>
    public abstract ICatalog OpenWriter();

    /// <summary>Opens the catalog to read only.</summary>
    /// <param name="sharedResults">Shared by the readers of one archive, so that each generation's result index is built once.</param>
    public abstract ICatalog OpenReader(SharedResultIndex? sharedResults = null);

    /// <summary>
    /// Where the catalog can tell its readers of each commit (PostgreSQL), a listener that does;
    /// null where it cannot (SQLite), and a reader asks it instead.
    /// </summary>
    public virtual ICatalogChanges? ListenForChanges() => null;

    /// <summary>Whether an exception from opening or reading the catalog means it cannot be read (rather than a bug).</summary>
    public static bool IsUnreadable(Exception exception) =>
        exception is Microsoft.Data.Sqlite.SqliteException or NpgsqlException or PostgresException;

    /// <summary>The archive's catalog: what its folder records, SQLite where it records nothing (archives made before the choice existed).</summary>
    /// <exception cref="ArchiveException">The record cannot be read or names no catalog this build knows.</exception>
    public static CatalogLocation Of(ArchiveLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        if (!File.Exists(layout.CatalogLocation))
            return new SqliteLocation(layout.Catalog);
        string recorded;
        try
        {
            recorded = File.ReadAllText(layout.CatalogLocation).Trim();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new ArchiveException($"cannot read {layout.CatalogLocation}: {exception.Message}");
        }
        return Parse(recorded, layout, layout.CatalogLocation);
    }

    /// <summary>Reads a catalog as the user names it (<c>init --catalog</c>).</summary>
    /// <param name="origin">Where the text came from, for the error.</param>
    /// <exception cref="ArchiveException">Names no catalog this build knows, or a malformed address.</exception>
    public static CatalogLocation Parse(string value, ArchiveLayout layout, string origin = "--catalog")
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(layout);
        var text = value.Trim();
        if (text.Length == 0 || text.Equals(Default, StringComparison.OrdinalIgnoreCase))
            return new SqliteLocation(layout.Catalog);
        if (text.StartsWith("env:", StringComparison.Ordinal))
        {
            var name = text["env:".Length..];
            if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
                throw new ArchiveException($"{origin}: \"{text}\" names no environment variable (env:NAME, NAME of letters, digits and _)");
            return new PostgresLocation(text, name, null);
        }
        return new PostgresLocation(text, null, ConnectionStringOf(text, origin));
    }

    private static string ConnectionStringOf(string text, string origin)
    {
        try
        {
            return PostgresAddress.ToConnectionString(text, origin);
        }
        catch (FormatException exception)
        {
            throw new ArchiveException(exception.Message);
        }
    }

    /// <summary>Records the location in the archive, so that every later opening uses it.</summary>
    public void Record(ArchiveLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        // Written beside and renamed over the old record: a reader finds the old choice or the new one, whole.
        var written = layout.CatalogLocation + ".new";
        File.WriteAllText(written, Recorded + "\n");
        File.Move(written, layout.CatalogLocation, overwrite: true);
    }

    private sealed record SqliteLocation(string Path) : CatalogLocation
    {
        public override string Recorded => Default;

        public override string Backend => "sqlite";

        public override string Describe => Path;

        public override bool Exists => File.Exists(Path);

        public override ICatalog OpenWriter() => SqliteCatalog.Open(Path);

        public override string? Abandon()
        {
            // A reader that has the file open keeps reading it until it opens the archive again.
            foreach (var file in new[] { Path, Path + "-wal", Path + "-shm" })
                File.Delete(file);
            return null;
        }

        public override ICatalog OpenReader(SharedResultIndex? sharedResults = null) => SqliteCatalog.OpenReadOnly(Path, sharedResults);
    }

    private sealed record PostgresLocation(string Given, string? Variable, string? Literal) : CatalogLocation
    {
        public override string Recorded => Given;

        public override string Backend => "postgresql";

        public override string Describe
        {
            get
            {
                var builder = new NpgsqlConnectionStringBuilder(Variable is null ? Literal : TryConnectionString());
                var where = $"PostgreSQL database {builder.Database ?? builder.Username ?? "(default)"} on {builder.Host ?? "localhost"}:{builder.Port}";
                return Variable is null ? where : $"{where} (from ${Variable})";
            }
        }

        public override bool Exists => true;

        public override ICatalog OpenWriter() => PostgresCatalog.Open(ConnectionString());

        public override string? Abandon() => $"the tables of the catalog in {Describe} are no longer used by this archive; drop them (or the database) when no server reads them";

        public override ICatalog OpenReader(SharedResultIndex? sharedResults = null) => PostgresCatalog.OpenReadOnly(ConnectionString(), sharedResults);

        public override ICatalogChanges ListenForChanges() => PostgresCatalogChanges.Listen(ConnectionString());

        private string? TryConnectionString() => Environment.GetEnvironmentVariable(Variable!) is { Length: > 0 } value
            ? ConnectionStringOf(value, $"${Variable}")
            : null;

        private string ConnectionString() => Literal ?? TryConnectionString()
            ?? throw new ArchiveException($"the archive's catalog is PostgreSQL at the connection string in ${Variable}, which is not set");
    }
}
