using Microsoft.Extensions.FileSystemGlobbing;
using Verbatim.Formats;
using Verbatim.Model;
using Verbatim.Reading;

namespace Verbatim.Parsing;

/// <param name="Walked">Found by walking a folder or matching a glob, not named by the user.</param>
public sealed record InputFile(string Path, bool Walked);

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
    public static IEnumerable<string> ExpandPaths(IEnumerable<string> paths) => ExpandInputs(paths).Select(i => i.Path);

    /// <summary><see cref="ExpandPaths"/>, each file marked by whether the user named it or a folder or glob found it.</summary>
    public static IEnumerable<InputFile> ExpandInputs(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => !Path.GetFileName(f).StartsWith('.'))
                    .Order(StringComparer.Ordinal);
                foreach (var file in files)
                    yield return new InputFile(file, Walked: true);
            }
            else if (path.IndexOfAny(['*', '?', '[']) >= 0 && !File.Exists(path))
            {
                var (root, pattern) = SplitGlob(path);
                var matcher = new Matcher(StringComparison.Ordinal);
                matcher.AddInclude(pattern);
                var matches = matcher.GetResultsInFullPath(root).Order(StringComparer.Ordinal).ToList();
                // A glob that matches nothing is reported as the path it is, so the user hears of it.
                if (matches.Count == 0)
                    yield return new InputFile(path, Walked: false);
                foreach (var match in matches)
                    yield return new InputFile(Path.GetRelativePath(Directory.GetCurrentDirectory(), match), Walked: true);
            }
            else
            {
                yield return new InputFile(path, Walked: false);
            }
        }
    }

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
