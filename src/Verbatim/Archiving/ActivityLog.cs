using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Verbatim.Archiving;

/// <summary>
/// The record of who did what: sign-ins and failed sign-ins, reads of documents that are not
/// open, every change of a document or of its access, every change of an account. One JSON line
/// an entry in <c>log.jsonl</c>, appended and never rewritten; each entry holds the SHA-256 of
/// the line before it, so a line edited or taken out of the middle breaks the chain, and the
/// number and digest of the last entry are kept apart (<c>log.head</c>), so a cut-off tail is
/// caught as well. Any number of processes append: each append holds the log file exclusively.
/// </summary>
public sealed class ActivityLog
{
    /// <summary>The digest the first entry names as the one before it.</summary>
    public static readonly string Origin = new('0', 64);

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly string _path;
    private readonly string _headPath;
    private readonly TimeProvider _clock;

    public ActivityLog(ArchiveLayout layout, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        _path = layout.Log;
        _headPath = layout.LogHead;
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>Appends an entry and returns it as written.</summary>
    /// <param name="who">The account, or the command line's user, who acted; null for someone not signed in.</param>
    /// <param name="from">Where from: a client address, or "command line".</param>
    public LogEntry Append(string action, string? who, string from, string? document = null, string? detail = null)
        => AppendAll([new LogRecord(action, who, from, document, detail)])[0];

    /// <summary>Appends entries in order with one flush to disk (a batch of an ingest); returns them as written.</summary>
    public IReadOnlyList<LogEntry> AppendAll(IReadOnlyList<LogRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
            return [];
        for (var attempt = 0; ; attempt++)
        {
            FileStream file;
            try
            {
                file = new FileStream(_path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 500 && File.Exists(_path))
            {
                // Another process holds the log for its append, which takes a moment.
                Thread.Sleep(10);
                continue;
            }
            using (file)
            {
                var (count, last) = Tail(file, _headPath);
                var now = _clock.GetUtcNow();
                var written = new List<LogEntry>(records.Count);
                var text = new StringBuilder();
                foreach (var record in records)
                {
                    var entry = new LogEntry(++count, now, record.Action, record.Who, record.From, record.Document, record.Detail, last);
                    var line = JsonSerializer.Serialize(entry, Json);
                    text.Append(line).Append('\n');
                    last = Digest(line);
                    written.Add(entry);
                }
                file.Seek(0, SeekOrigin.End);
                file.Write(Encoding.UTF8.GetBytes(text.ToString()));
                file.Flush(flushToDisk: true);
                // Written after the lines, while the log is still held: a head never names a line that is not there.
                File.WriteAllText(_headPath, $"{count} {last} {file.Length}\n");
                return written;
            }
        }
    }

    /// <summary>Every entry, oldest first; lines that do not read are left out (<see cref="Verify"/> names them).</summary>
    public IReadOnlyList<LogEntry> Entries()
    {
        if (!File.Exists(_path))
            return [];
        var entries = new List<LogEntry>();
        foreach (var line in ReadLines())
        {
            if (TryRead(line) is { } entry)
                entries.Add(entry);
        }
        return entries;
    }

    /// <summary>
    /// The entries past the <paramref name="skip"/> newest, newest first, at most <paramref name="take"/>:
    /// read from the end of the file, so a page of a long log costs a page, not the log. Lines
    /// that do not read are left out, as by <see cref="Entries"/>.
    /// </summary>
    public IReadOnlyList<LogEntry> Newest(int skip, int take)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegative(take);
        var entries = new List<LogEntry>(Math.Min(take, 1000));
        if (!File.Exists(_path) || take == 0)
            return entries;
        using var file = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        foreach (var line in LinesFromTheEnd(file))
        {
            if (TryRead(line) is not { } entry || skip-- > 0)
                continue;
            entries.Add(entry);
            if (entries.Count == take)
                break;
        }
        return entries;
    }

    /// <summary>How many lines the log holds: as its head says where that is still true, else counted.</summary>
    public long Count()
    {
        if (!File.Exists(_path))
            return 0;
        using var file = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return Tail(file, _headPath).Count;
    }

    /// <summary>The file's lines, last first, read back a block at a time.</summary>
    private static IEnumerable<string> LinesFromTheEnd(FileStream file)
    {
        const int Block = 64 * 1024;
        var end = file.Length;
        // The bytes of the line the blocks read so far begin in the middle of; a line is cut at its
        // newline only, which no other character of UTF-8 holds, so each line decodes whole.
        var carried = Array.Empty<byte>();
        while (end > 0)
        {
            var start = Math.Max(0, end - Block);
            var bytes = new byte[end - start + carried.Length];
            file.Seek(start, SeekOrigin.Begin);
            file.ReadExactly(bytes, 0, (int)(end - start));
            carried.CopyTo(bytes, end - start);
            var lineEnd = bytes.Length;
            for (var i = bytes.Length - 1; i >= 0; i--)
            {
                if (bytes[i] != (byte)'\n')
                    continue;
                if (lineEnd > i + 1)
                    yield return Encoding.UTF8.GetString(bytes, i + 1, lineEnd - i - 1);
                lineEnd = i;
            }
            carried = bytes[..lineEnd];
            end = start;
        }
        if (carried.Length > 0)
            yield return Encoding.UTF8.GetString(carried);
    }

    /// <summary>
    /// Checks the chain: each line reads, is numbered one after the line before, and names that
    /// line's digest; the last is the one the head names. Each break is a finding with its line.
    /// </summary>
    public IReadOnlyList<string> Verify()
    {
        var problems = new List<string>();
        var previous = Origin;
        var head = File.Exists(_headPath) ? File.ReadAllText(_headPath).Trim().Split(' ') : null;
        var headCount = head is [var counted, ..] && long.TryParse(counted, CultureInfo.InvariantCulture, out var n) ? n : -1;
        // The digest of the entry the head names, where the log reaches it.
        string? atHead = headCount == 0 ? Origin : null;
        // Line by line, none kept: the whole log is read, but never held.
        var lines = 0;
        foreach (var line in File.Exists(_path) ? ReadLines() : [])
        {
            lines++;
            var place = $"{Path.GetFileName(_path)}:{lines}";
            if (TryRead(line) is not { } entry)
                problems.Add($"{place}: the line is not a log entry");
            else if (entry.Number != lines)
                problems.Add($"{place}: entry {entry.Number} stands where entry {lines} should (an entry was taken out or put in)");
            else if (entry.Previous != previous)
                problems.Add($"{place}: the entry before it is not the one it was written after (it was changed, taken out or put in)");
            previous = Digest(line);
            if (lines == headCount)
                atHead = previous;
        }
        // The head may name an entry before the last, where the chain runs on from it: an append
        // flushes its lines, then writes the head, and a process killed in between leaves it
        // behind (the next append writes it again). Entries cut off the end leave it past the log.
        if (head is null && lines > 0)
            problems.Add($"{Path.GetFileName(_headPath)}: missing, so the log's end cannot be checked");
        else if (head is [var count, var digest, ..] && (headCount < 0 || headCount > lines || digest != atHead))
            problems.Add($"{Path.GetFileName(_path)}: ends at entry {lines}, but entry {count} was the last written (entries were cut off the end, or the last was changed)");
        return problems;
    }

    private IEnumerable<string> ReadLines()
    {
        using var file = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(file, Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
                yield return line;
        }
    }

    /// <summary>
    /// The number and digest of the last line of the open log file: as the head says where it was
    /// written for the file's present length, else (a process cut off between its line and its
    /// head) read from the file.
    /// </summary>
    private static (long Count, string Last) Tail(FileStream file, string headPath)
    {
        if (File.Exists(headPath) && File.ReadAllText(headPath).Trim().Split(' ') is [var number, var digest, var length]
            && long.TryParse(length, CultureInfo.InvariantCulture, out var written) && written == file.Length
            && long.TryParse(number, CultureInfo.InvariantCulture, out var count))
            return (count, digest);
        file.Seek(0, SeekOrigin.Begin);
        using var reader = new StreamReader(file, Encoding.UTF8, leaveOpen: true);
        var (lines, last) = (0L, Origin);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
                continue;
            lines++;
            last = Digest(line);
        }
        return (lines, last);
    }

    private static LogEntry? TryRead(string line)
    {
        try
        {
            return JsonSerializer.Deserialize<LogEntry>(line, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Digest(string line) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(line)));
}

/// <summary>What an entry says, before the log numbers and chains it.</summary>
public sealed record LogRecord(string Action, string? Who, string From, string? Document = null, string? Detail = null);

/// <param name="Number">The entry's place in the log, from 1.</param>
/// <param name="Action">What was done: sign-in, sign-in-refused, read, store, access, account.</param>
/// <param name="Previous">The SHA-256 of the line before, <see cref="ActivityLog.Origin"/> for the first.</param>
public sealed record LogEntry(long Number, DateTimeOffset At, string Action, string? Who, string From, string? Document, string? Detail, string Previous);
