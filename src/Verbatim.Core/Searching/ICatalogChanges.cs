namespace Verbatim.Searching;

/// <summary>
/// Tells a reader of a catalog shared between processes that a batch was committed, so that it
/// need not ask the catalog for its <see cref="ICatalog.Generation"/> on every request.
/// </summary>
/// <remarks>
/// Only a catalog that can tell (PostgreSQL's LISTEN/NOTIFY) has one. While <see cref="IsListening"/>
/// is false (its connection lost and not yet made again) commits go untold, and a reader asks
/// the catalog itself, as it does where there is no such thing.
/// </remarks>
public interface ICatalogChanges : IDisposable
{
    /// <summary>
    /// Raised on a thread of its own with the generation a commit made, once the commit is kept;
    /// and, each time it begins to listen, with the generation as it stands, for the commits made
    /// while nobody listened.
    /// </summary>
    event Action<long>? Committed;

    bool IsListening { get; }
}
