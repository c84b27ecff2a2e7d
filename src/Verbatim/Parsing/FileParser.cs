using Verbatim.Formats;
using Verbatim.Model;
using Verbatim.Reading;

namespace Verbatim.Parsing;

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

    /// <summary>Files as given; folders as every file below them, in ordinal path order.</summary>
    public static IEnumerable<string> ExpandPaths(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => !Path.GetFileName(f).StartsWith('.'))
                    .Order(StringComparer.Ordinal);
                foreach (var file in files)
                    yield return file;
            }
            else
            {
                yield return path;
            }
        }
    }
}
