namespace Verbatim.Archiving;

/// <summary>
/// A folder whose files are ingested as they arrive (`verbatim watch DIR`, `serve --inbox DIR`):
/// each complete file is stored, then moved to <c>done/</c>; a file that cannot be read is moved to
/// <c>failed/</c> with its error beside it.
/// </summary>
/// <remarks>
/// <para>A file is complete when no process holds it open for writing and its size and time of
/// change have stayed the same since the previous look, at least <see cref="InboxOptions.Settle"/>
/// ago: the first rule sees a copy in progress on this machine, the second one a writer the first
/// cannot see (another machine writing over a network share). Names a copy in progress is given
/// by convention (hidden, <c>.part</c>, <c>.tmp</c>, <c>~</c>) are never read.</para>
/// <para>Nothing is lost if the process is killed at any point: a file leaves the inbox only after
/// the batch that holds it is committed (or, when it failed, after its error is written). Killed
/// between the two, the file is read again in the next round and found unchanged or a duplicate.</para>
/// </remarks>
public sealed class Inbox
{
    public const string DoneFolder = "done";
    public const string FailedFolder = "failed";
    public const string ErrorSuffix = ".error.txt";

    private static readonly string[] PartialSuffixes = [".part", ".partial", ".tmp", ".crdownload", ".download", "~"];

    private readonly InboxOptions _options;
    private readonly Dictionary<string, (long Length, DateTime Changed, DateTime Seen)> _looks = new(StringComparer.Ordinal);

    public Inbox(InboxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // As /proc names the files open: through the folder's own link, if it is one.
        var folder = new DirectoryInfo(Path.GetFullPath(options.Folder));
        if (!folder.Exists)
            throw new ArchiveException($"no inbox folder at {folder.FullName}");
        _options = options with { Folder = folder.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? folder.FullName };
        Directory.CreateDirectory(Path.Combine(_options.Folder, DoneFolder));
        Directory.CreateDirectory(Path.Combine(_options.Folder, FailedFolder));
    }

    public string Folder => _options.Folder;

    /// <summary>
    /// One look at the folder: ingests the files that are complete, in one batch, and moves them.
    /// Files still being written are left for a later round.
    /// </summary>
    /// <exception cref="ArchiveException">The archive could not be opened to write (another writer held it past the wait): every file stays for the next round.</exception>
    public InboxRound Look(DateTime? now = null)
    {
        var at = now ?? DateTime.UtcNow;
        var ready = new List<string>();
        var waiting = 0;
        var present = new HashSet<string>(StringComparer.Ordinal);
        var candidates = Directory.EnumerateFiles(_options.Folder).Where(IsCandidate).Order(StringComparer.Ordinal).ToList();
        var beingWritten = OpenFiles.ForWriting(candidates);
        foreach (var path in candidates)
        {
            present.Add(path);
            var info = new FileInfo(path);
            if (!info.Exists)
                continue;
            var look = (info.Length, info.LastWriteTimeUtc);
            if (beingWritten.Contains(path) || !_looks.TryGetValue(path, out var earlier) || (earlier.Length, earlier.Changed) != look)
            {
                _looks[path] = (look.Length, look.LastWriteTimeUtc, at);
                waiting++;
                continue;
            }
            if (at - earlier.Seen < _options.Settle)
            {
                waiting++;
                continue;
            }
            ready.Add(path);
        }
        foreach (var gone in _looks.Keys.Where(p => !present.Contains(p)).ToList())
            _looks.Remove(gone);
        if (ready.Count == 0)
            return new InboxRound([], waiting);

        IngestReport report;
        using (var archive = Archive.Open(_options.Archive, _options.Wait))
            report = archive.Ingest(ready, _options.Ingest);
        var outcomes = new List<InboxOutcome>();
        foreach (var path in ready)
        {
            _looks.Remove(path);
            if (report.Failed.FirstOrDefault(f => f.Path == path) is { } failure)
            {
                var error = $"{Path.GetFileName(path)}{(failure.Line is { } line ? $":{line}" : "")}: {failure.Error}";
                var moved = MoveAside(path, FailedFolder, error);
                outcomes.Add(new InboxOutcome(path, moved, [], error));
                continue;
            }
            var stored = report.Documents.Where(d => d.Source == path).Select(d => d.Id)
                .Concat(report.Duplicates.Where(d => d.Path == path).Select(d => d.DuplicateOf)).ToList();
            outcomes.Add(new InboxOutcome(path, MoveAside(path, DoneFolder, null), stored, null));
        }
        return new InboxRound(outcomes, waiting);
    }

    /// <summary>Looks at the folder every <see cref="InboxOptions.Interval"/> until cancelled, telling each round that moved a file.</summary>
    public async Task RunAsync(Action<InboxRound> report, Action<Exception> failed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(failed);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var round = Look();
                if (round.Outcomes.Count > 0)
                    report(round);
            }
            catch (Exception exception) when (exception is ArchiveException or IOException or UnauthorizedAccessException)
            {
                // The files stay where they are; the next round tries them again.
                failed(exception);
            }
            try
            {
                await Task.Delay(_options.Interval, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static bool IsCandidate(string path)
    {
        var name = Path.GetFileName(path);
        return !name.StartsWith('.') && !PartialSuffixes.Any(s => name.EndsWith(s, StringComparison.OrdinalIgnoreCase))
            && !name.EndsWith(ErrorSuffix, StringComparison.Ordinal);
    }

    /// <summary>Moves the file into <paramref name="folder"/> under a name no earlier file there holds; a failed file's error is written first.</summary>
    private string MoveAside(string path, string folder, string? error)
    {
        var name = Path.GetFileName(path);
        var target = Path.Combine(_options.Folder, folder, name);
        for (var n = 2; File.Exists(target) || File.Exists(target + ErrorSuffix); n++)
            target = Path.Combine(_options.Folder, folder, $"{Path.GetFileNameWithoutExtension(name)}-{n}{Path.GetExtension(name)}");
        if (error is not null)
        {
            var written = target + ErrorSuffix + ".tmp";
            File.WriteAllText(written, error + Environment.NewLine);
            File.Move(written, target + ErrorSuffix, overwrite: true);
        }
        File.Move(path, target);
        return target;
    }
}

/// <param name="Folder">The inbox folder; <c>done/</c> and <c>failed/</c> are made inside it.</param>
/// <param name="Archive">The archive the files are ingested into.</param>
/// <param name="Ingest">How each batch is ingested (its message and user recorded with every version).</param>
public sealed record InboxOptions(string Folder, string Archive, IngestOptions Ingest)
{
    /// <summary>How long a file must stay the same, once seen, before it is read.</summary>
    public TimeSpan Settle { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the folder is looked at.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long a batch waits for another writer (an ingest from the command line) to finish.</summary>
    public TimeSpan Wait { get; init; } = TimeSpan.FromSeconds(30);
}

/// <param name="Waiting">Files seen but not yet complete (being written, or not yet still for long enough).</param>
public sealed record InboxRound(IReadOnlyList<InboxOutcome> Outcomes, int Waiting);

/// <param name="MovedTo">Where the file now lies, in <c>done/</c> or <c>failed/</c>.</param>
/// <param name="Documents">The documents that hold it (stored, unchanged or the holder of its bytes); empty when it failed.</param>
/// <param name="Error">Why it could not be stored, as written beside it; null when it was.</param>
public sealed record InboxOutcome(string Path, string MovedTo, IReadOnlyList<string> Documents, string? Error);
