using System.Text;
using Microsoft.AspNetCore.Http;
using Verbatim.Archiving;
using Verbatim.Presenting;

namespace Verbatim.Web.Editing;

/// <summary>
/// One upload's files on disk until they are ingested: a fresh folder under the archive's
/// <see cref="ArchiveLayout.Uploads"/>, each file in a numbered folder of its own under the base
/// of the name the browser gave (the reader and the id read the name, so it is kept; two files of
/// one name do not meet). Disposing deletes the folder, whatever happened.
/// </summary>
public sealed class UploadFolder : IDisposable
{
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);

    private UploadFolder(string path) => Path = path;

    public string Path { get; }

    /// <summary>The files written, in the order they were sent.</summary>
    public List<string> Files { get; } = [];

    /// <summary>The files whose names could not be kept, each named as sent (control characters escaped).</summary>
    public List<IngestFailure> Refused { get; } = [];

    /// <exception cref="IOException">The archive's folder cannot be written; nothing is left behind.</exception>
    /// <exception cref="UnauthorizedAccessException">As for <see cref="IOException"/>.</exception>
    public static async Task<UploadFolder> Write(ArchiveLayout layout, IEnumerable<IFormFile> files, CancellationToken cancellationToken)
    {
        var folder = new UploadFolder(System.IO.Path.Combine(layout.Uploads, Guid.NewGuid().ToString("N")));
        try
        {
            Directory.CreateDirectory(folder.Path);
            foreach (var file in files)
            {
                var name = BaseName(file.FileName);
                if (Refusal(name) is { } refusal)
                {
                    folder.Refused.Add(new IngestFailure(PlainText.Escaped(file.FileName), refusal, null));
                    continue;
                }
                var own = Directory.CreateDirectory(System.IO.Path.Combine(folder.Path, (folder.Files.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
                var path = System.IO.Path.Combine(own.FullName, name);
                await using (var written = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
                    await file.CopyToAsync(written, cancellationToken);
                folder.Files.Add(path);
                folder._names[path] = name;
            }
            return folder;
        }
        catch
        {
            folder.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The last segment of a name as a browser sends it: after the last slash or backslash (an old
    /// browser sends the whole path of the client's machine; a hostile one "../../x").
    /// </summary>
    public static string BaseName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
    }

    /// <summary>Why a base name cannot name a file in the folder; null where it can.</summary>
    public static string? Refusal(string baseName)
    {
        ArgumentNullException.ThrowIfNull(baseName);
        if (baseName.Any(char.IsControl))
            return "the name holds a control character; rename the file and upload it again";
        if (baseName is "" or "." or "..")
            return "the name leaves no file name; rename the file and upload it again";
        // The longest name a Linux file system takes.
        if (Encoding.UTF8.GetByteCount(baseName) > 255)
            return "the name is longer than 255 bytes; rename the file and upload it again";
        return null;
    }

    /// <summary>The report as the editor knows the files: by the names they sent, never by where they waited.</summary>
    public IngestReport Shown(IngestReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new IngestReport([.. report.Documents.Select(Shown)], [.. Refused, .. report.Failed.Select(f => f with { Path = NameOf(f.Path) })])
        {
            Duplicates = [.. report.Duplicates.Select(d => d with { Path = NameOf(d.Path) })],
            Skipped = [.. report.Skipped.Select(s => s with { Path = NameOf(s.Path) })],
        };
    }

    public IngestedDocument Shown(IngestedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document with { Source = NameOf(document.Source) };
    }

    /// <summary>The name a file was sent by, for the path it waits under.</summary>
    public string NameOf(string path) => _names.TryGetValue(path, out var name) ? name : System.IO.Path.GetFileName(path);

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(Path))
                Directory.Delete(Path, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // What is left is a folder of copies under uploads/, which nothing reads: the upload's answer matters more.
        }
    }
}
