using System.Diagnostics;
using System.Globalization;
using Verbatim.Searching;
using Verbatim.Storage.Ocfl;

namespace Verbatim.Archiving;

/// <summary>
/// Who may write the archive. On SQLite, one writer: a lock on the archive's folder itself, so
/// deleting or replacing a file cannot break it. The lock file (<see cref="ArchiveLayout.Lock"/>)
/// only says who holds it and since when, for the message a waiting writer prints; the lock does
/// not depend on it. On a catalog several processes write (<see cref="ICatalogLocks"/>), the
/// catalog's writers' lock, held shared by every writer and taken exclusive for a write of the
/// whole archive (<see cref="WholeArchive"/>).
/// </summary>
public sealed class WriterLock : IDisposable
{
    /// <summary>How long a writer waits for another to finish unless told otherwise (--wait).</summary>
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    private readonly ArchiveLayout _layout;
    private readonly DirectoryLock? _folder;
    private readonly ICatalogLocks? _shared;

    private WriterLock(ArchiveLayout layout, DirectoryLock? folder, ICatalogLocks? shared) => (_layout, _folder, _shared) = (layout, folder, shared);

    /// <summary>Takes the folder's lock, waiting up to <paramref name="wait"/> for another writer to finish.</summary>
    /// <param name="waiting">Told once, when the lock is held by another, who holds it.</param>
    /// <exception cref="ArchiveBusyException">Another writer still held the lock when the wait ran out.</exception>
    public static WriterLock Acquire(ArchiveLayout layout, TimeSpan wait, Action<string>? waiting = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        DirectoryLock? held = null;
        Await(() => (held = DirectoryLock.TryAcquire(layout.Root)) is not null, wait, waiting, layout, () => $"held by {Holder(layout)}");
        WriteHolder(layout);
        return new WriterLock(layout, held, null);
    }

    /// <summary>Takes the catalog's writers' lock shared, waiting up to <paramref name="wait"/> for a writer of the whole archive to finish.</summary>
    /// <exception cref="ArchiveBusyException">A writer of the whole archive still held it when the wait ran out.</exception>
    public static WriterLock AcquireShared(ArchiveLayout layout, ICatalogLocks locks, TimeSpan wait, Action<string>? waiting = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(locks);
        Await(() => locks.TryLockWriters(exclusive: false), wait, waiting, layout, () => $"held by a writer of the whole archive ({Holder(layout)})");
        return new WriterLock(layout, null, locks);
    }

    /// <summary>
    /// For a write of the whole archive (reindex, name variants, repair): until disposed, no other
    /// process writes. The folder's lock is that already; the catalog's shared hold is let go and
    /// the lock taken exclusive, waiting up to <paramref name="wait"/> for the other writers.
    /// </summary>
    /// <exception cref="ArchiveBusyException">Other writers were still at work when the wait ran out (the shared hold is taken again).</exception>
    public IDisposable WholeArchive(TimeSpan wait, Action<string>? waiting = null)
    {
        if (_shared is null)
            return new Scope(() => { });
        _shared.UnlockWriters(exclusive: false);
        try
        {
            Await(() => _shared.TryLockWriters(exclusive: true), wait, waiting, _layout, () => "held by other writers at work on documents");
        }
        catch (ArchiveBusyException)
        {
            Await(() => _shared.TryLockWriters(exclusive: false), Timeout.InfiniteTimeSpan, null, _layout, () => "");
            throw;
        }
        WriteHolder(_layout);
        return new Scope(() =>
        {
            _shared.UnlockWriters(exclusive: true);
            Await(() => _shared.TryLockWriters(exclusive: false), Timeout.InfiniteTimeSpan, null, _layout, () => "");
        });
    }

    private static void Await(Func<bool> take, TimeSpan wait, Action<string>? waiting, ArchiveLayout layout, Func<string> holder)
    {
        var clock = Stopwatch.StartNew();
        var told = false;
        while (!take())
        {
            if (wait != Timeout.InfiniteTimeSpan && clock.Elapsed >= wait)
            {
                var waited = wait > TimeSpan.Zero ? $"; waited {Seconds(wait)} s (--wait SECONDS waits longer)" : " (--wait SECONDS waits for it)";
                throw new ArchiveBusyException($"the archive at {layout.Root} is in use by another verbatim process ({holder()}){waited}");
            }
            if (!told && wait != Timeout.InfiniteTimeSpan)
            {
                waiting?.Invoke($"waiting for the archive's writer lock, {holder()} (up to {Seconds(wait)} s)");
                told = true;
            }
            Thread.Sleep(Poll);
        }
    }

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);

    // The lock is the folder's; what the file says is for people, so a file that cannot be written
    // (a full disk) leaves the lock held and the next waiter told less.
    private static void WriteHolder(ArchiveLayout layout)
    {
        try
        {
            File.WriteAllText(layout.Lock, $"{Environment.ProcessId}\n{DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC\n");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
        }
    }

    private static string Holder(ArchiveLayout layout)
    {
        try
        {
            var lines = File.ReadAllLines(layout.Lock);
            if (lines.Length >= 2 && int.TryParse(lines[0], NumberStyles.None, CultureInfo.InvariantCulture, out var process))
                return $"process {process} since {lines[1]}";
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
        }
        return "another process";
    }

    public void Dispose() => _folder?.Dispose();

    private sealed class Scope(Action end) : IDisposable
    {
        private bool _ended;

        public void Dispose()
        {
            if (_ended)
                return;
            _ended = true;
            end();
        }
    }
}
