using Microsoft.Extensions.FileSystemGlobbing;
using Verbatim.Formats;
using Verbatim.Model;
using Verbatim.Reading;

namespace Verbatim.Parsing;

/// <param name="Walked">Found by walking a folder or matching a glob, not named by the user.</param>
public sealed record InputFile(string Path, bool Walked)
{
    /// <summary>The name the file is received under, where it is not the name on disk (a file of an OCFL object, stored under its digest).</summary>
    public string? Name { get; init; }

    /// <summary>Where the file is another tool's OCFL object's: that object's id, and the file's digest and logical path there.</summary>
    public (string Object, string Digest)? Ocfl { get; init; }
}

/// <summary>What a walk over the paths a user gave found, left out (with the reason) and could not read (with the error).</summary>
public sealed record InputWalk(IReadOnlyList<InputFile> Files, IReadOnlyList<(string Path, string Reason)> Skipped, IReadOnlyList<(string Path, string Error)> Unreadable);

/// <summary>What one received file gave.</summary>
public sealed record FileReadResult(string Path, ReadResult Result);

/// <summary>
/// Reads files and folders into documents without storing anything. A file that cannot be read
/// is a located error in its own result; the rest of the batch goes on.
/// </summary>
public sealed class FileParser(FormatRegistry registry)
{
    public FileParser() : this(Readers.CreateDefaultRegistry())
    {
    }

    public FormatRegistry Registry => registry;

    public IEnumerable<FileReadResult> Parse(IEnumerable<string> paths, string format = FormatRegistry.Auto)
    {
        foreach (var path in ExpandPaths(paths))
            yield return new FileReadResult(path, ParseFile(path, format));
    }

    public ReadResult ParseFile(string path, string format = FormatRegistry.Auto)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return ReadResult.Failed(new Diagnostic($"cannot read the file: {exception.Message}", path));
        }
        var result = registry.Read(Path.GetFileName(path), bytes, format);
        // Readers name the file by its name alone; the user gave a path, and errors should show it.
        return result with { Errors = [.. result.Errors.Select(e => e with { File = path })] };
    }

    /// <summary>
    /// Files as given; folders as every file below them; globs ("letters/**/*.xml") as the files
    /// they match. Folder and glob expansions are in ordinal path order, so a batch is read in
    /// the same order on every machine.
    /// </summary>
    public static IEnumerable<string> ExpandPaths(IEnumerable<string> paths) => Walk(paths).Files.Select(i => i.Path);

    /// <summary>
    /// <see cref="ExpandPaths"/>, each file marked by whether the user named it or a folder or glob
    /// found it, with what the walk left out and why: links to folders (unless
    /// <paramref name="followLinks"/>), a folder met again through a link (a loop is walked once),
    /// and folders that cannot be read (each one a problem of its own; the rest is walked).
    /// </summary>
    public static InputWalk Walk(IEnumerable<string> paths, bool followLinks = false)
    {
        var files = new List<InputFile>();
        var skipped = new List<(string, string)>();
        var unreadable = new List<(string, string)>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var found = new List<string>();
                WalkFolder(path, followLinks, found, skipped, unreadable);
                files.AddRange(found.Order(StringComparer.Ordinal).Select(f => new InputFile(f, Walked: true)));
            }
            else if (path.IndexOfAny(['*', '?', '[']) >= 0 && !File.Exists(path))
            {
                var (root, pattern) = SplitGlob(path);
                var matcher = new Matcher(StringComparison.Ordinal);
                matcher.AddInclude(pattern);
                var matches = matcher.GetResultsInFullPath(root).Order(StringComparer.Ordinal).ToList();
                // A glob that matches nothing is reported as the path it is, so the user hears of it.
                if (matches.Count == 0)
                    files.Add(new InputFile(path, Walked: false));
                files.AddRange(matches.Select(m => new InputFile(System.IO.Path.GetRelativePath(Directory.GetCurrentDirectory(), m), Walked: true)));
            }
            else
            {
                files.Add(new InputFile(path, Walked: false));
            }
        }
        return new InputWalk(files, skipped, unreadable);
    }

    /// <summary>Every file below a folder; each real folder once, known by the path its links resolve to.</summary>
    private static void WalkFolder(string root, bool followLinks, List<string> found, List<(string, string)> skipped, List<(string, string)> unreadable)
    {
        var walked = new HashSet<string>(StringComparer.Ordinal) { RealPath(root) };
        var folders = new Stack<string>([root]);
        while (folders.TryPop(out var folder))
        {
            FileSystemInfo[] entries;
            try
            {
                entries = new DirectoryInfo(folder).GetFileSystemInfos();
            }
            catch (Exception exception) when (exception is UnauthorizedAccessException or IOException)
            {
                unreadable.Add((folder, $"cannot read the folder: {exception.Message}"));
                continue;
            }
            foreach (var entry in entries.Where(e => !e.Name.StartsWith('.')))
            {
                var child = System.IO.Path.Join(folder, entry.Name);
                if (entry is not DirectoryInfo directory)
                {
                    found.Add(child);
                    continue;
                }
                if (directory.LinkTarget is not null && !followLinks)
                    skipped.Add((child, "a link to a folder (--follow-links follows it)"));
                else if (!walked.Add(RealPath(child)))
                    skipped.Add((child, "a folder already walked (the links make a loop)"));
                else
                    folders.Push(child);
            }
        }
    }

    /// <summary>The folder's path with every link in it resolved; the path itself where the system cannot say.</summary>
    private static string RealPath(string folder)
    {
        var full = System.IO.Path.GetFullPath(folder);
        try
        {
            var pointer = RealPathNative(full, IntPtr.Zero);
            if (pointer == IntPtr.Zero)
                return full;
            try
            {
                return System.Runtime.InteropServices.Marshal.PtrToStringUTF8(pointer) ?? full;
            }
            finally
            {
                System.Runtime.InteropServices.Marshal.FreeHGlobal(pointer);
            }
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            return full;
        }
    }

    // POSIX realpath(3); .NET resolves one link at a time only.
    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "realpath", CharSet = System.Runtime.InteropServices.CharSet.Ansi)]
    private static extern IntPtr RealPathNative(string path, IntPtr resolved);

    /// <summary>The folder part of a glob before its first wildcard, and the pattern below it.</summary>
    private static (string Root, string Pattern) SplitGlob(string glob)
    {
        var segments = glob.Replace('\\', '/').Split('/');
        var fixedCount = segments.TakeWhile(s => s.IndexOfAny(['*', '?', '[']) < 0).Count();
        var root = fixedCount == 0 ? "." : string.Join('/', segments[..fixedCount]);
        if (root.Length == 0) root = "/";
        return (root, string.Join('/', segments[fixedCount..]));
    }
}
