using System.Diagnostics;
using System.Globalization;
using Verbatim.Storage.Ocfl;

namespace Verbatim.Archiving;

/// <summary>
/// The archive's one writer: a lock on the archive's folder itself, so deleting or replacing a
/// file cannot break it. The lock file (<see cref="ArchiveLayout.Lock"/>) only says who holds it
/// and since when, for the message a waiting writer prints; the lock does not depend on it.
/// </summary>
public sealed class WriterLock : IDisposable
{
    /// <summary>How long a writer waits for another to finish unless told otherwise (--wait).</summary>
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    private readonly DirectoryLock _held;

    private WriterLock(DirectoryLock held) => _held = held;

    /// <summary>Takes the lock, waiting up to <paramref name="wait"/> for another writer to finish.</summary>
    /// <param name="waiting">Told once, when the lock is held by another, who holds it.</param>
    /// <exception cref="ArchiveBusyException">Another writer still held the lock when the wait ran out.</exception>
    public static WriterLock Acquire(ArchiveLayout layout, TimeSpan wait, Action<string>? waiting = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var clock = Stopwatch.StartNew();
        var told = false;
        while (true)
        {
            if (DirectoryLock.TryAcquire(layout.Root) is { } held)
            {
                WriteHolder(layout);
                return new WriterLock(held);
            }
            if (clock.Elapsed >= wait)
            {
                var waited = wait > TimeSpan.Zero ? $"; waited {Seconds(wait)} s (--wait SECONDS waits longer)" : " (--wait SECONDS waits for it)";
                throw new ArchiveBusyException($"the archive at {layout.Root} is in use by another verbatim process ({Holder(layout)}){waited}");
            }
            if (!told)
            {
                waiting?.Invoke($"waiting for the archive's writer lock, held by {Holder(layout)} (up to {Seconds(wait)} s)");
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

    public void Dispose() => _held.Dispose();
}
