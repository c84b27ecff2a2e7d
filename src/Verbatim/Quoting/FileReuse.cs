using System.Text;
using System.Text.Unicode;
using Verbatim.Model;
using Verbatim.Parsing;
using Verbatim.Text.Reuse;

namespace Verbatim.Quoting;

/// <summary>
/// What comparing files found: the passages they share, and the files that could not be compared.
/// <see cref="BoilerplateLeftOut"/>: how many boilerplate passages were found and not listed.
/// </summary>
public sealed record FileReuseReport(int Files, IReadOnlyList<FilePassage> Passages, IReadOnlyList<Diagnostic> Problems, int BoilerplateLeftOut = 0);

/// <summary>
/// A passage one file shares with another (or with itself at another place): character ranges of
/// the two files, the words aligned as equal, whether it is boilerplate (<see cref="Text.Reuse.Boilerplate"/>)
/// and, when asked for, every difference, its <see cref="QuoteDifference.Offset"/> in the source
/// file and its quoted offset in the target.
/// </summary>
public sealed record FilePassage(
    string Source, int SourceStart, int SourceEnd, string Target, int TargetStart, int TargetEnd, int MatchedWords, string Direction,
    bool Boilerplate, IReadOnlyList<QuoteDifference>? Differences);

/// <summary>
/// Every passage that files share, each file against every other and against itself, as they
/// stand: no reader, no archive. A file is read as UTF-8, exactly, so that a passage's offsets
/// count the characters of the file. Files carry no dates, so a passage between two files is
/// directed from the one given first (<see cref="ReuseDirection.Undetermined"/>).
/// </summary>
public static class FileReuse
{
    /// <summary>
    /// Files as given, folders as every file below them (<see cref="FileParser.ExpandPaths"/>). A
    /// file that cannot be read, is binary or is not UTF-8 is a problem naming it (and the byte
    /// where its text breaks), and is left out; the others are compared. Boilerplate passages are
    /// left out and counted unless <paramref name="withBoilerplate"/>.
    /// </summary>
    public static FileReuseReport Find(IEnumerable<string> paths, bool withDifferences = false, ReuseOptions? options = null, bool withBoilerplate = false)
    {
        var files = FileParser.ExpandPaths(paths).Distinct(StringComparer.Ordinal).ToArray();
        // Read on every core, kept in the order given: reading and decoding thousands of small files was a tenth of the time.
        var (texts, failures) = (new string?[files.Length], new Diagnostic?[files.Length]);
        Parallel.For(0, files.Length, k => texts[k] = Read(files[k], out failures[k]));
        var documents = new List<ReuseDocument>(files.Length);
        var problems = new List<Diagnostic>();
        for (var k = 0; k < files.Length; k++)
        {
            if (texts[k] is { } text)
                documents.Add(new ReuseDocument(files[k], text));
            else
                problems.Add(failures[k]!);
        }
        var found = new ReuseDetector(options).Detect(documents);
        var passages = found.Where(p => withBoilerplate || !p.IsBoilerplate).Select(p => new FilePassage(
            p.SourceId, p.Source.Start, p.Source.End, p.TargetId, p.Target.Start, p.Target.End, p.MatchedWords, ReuseDocuments.DirectionName(p.Direction),
            p.IsBoilerplate, withDifferences ? [.. p.Differences.Select(d => QuoteDifference.Of(d))] : null));
        return new FileReuseReport(documents.Count, [.. passages], problems, withBoilerplate ? 0 : found.Count(p => p.IsBoilerplate));
    }

    private static string? Read(string path, out Diagnostic? problem)
    {
        problem = null;
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            problem = new Diagnostic($"cannot read the file: {exception.Message}", path);
            return null;
        }
        if (bytes.AsSpan().IndexOf((byte)0) is var nul and >= 0)
        {
            problem = new Diagnostic($"binary file, not text (a NUL byte at byte offset {nul})", path);
            return null;
        }
        if (!Utf8.IsValid(bytes))
        {
            // Decoding stops at the first byte that is not UTF-8: how far it read is where that byte is.
            Utf8.ToUtf16(bytes, new char[bytes.Length], out var read, out _, replaceInvalidSequences: false);
            problem = new Diagnostic($"not UTF-8 text (an invalid byte at byte offset {read})", path);
            return null;
        }
        return Encoding.UTF8.GetString(bytes);
    }
}
