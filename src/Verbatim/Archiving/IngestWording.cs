using Verbatim.Model;
using Verbatim.Presenting;
using Verbatim.Storing;

namespace Verbatim.Archiving;

/// <summary>
/// What an ingest's outcomes say to a person, one sentence each: the command line's `ingest` and
/// the web reader's upload page tell them in the same words.
/// </summary>
public static class IngestWording
{
    /// <summary>"letter.txt: stored as lenin-1921-10-20-to-stalin (new)", and so on for each way a write ends.</summary>
    public static string Stored(IngestedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.Status switch
        {
            WriteStatus.New => $"{document.Source}: stored as {document.Id} (new)",
            WriteStatus.Updated => $"{document.Source}: stored as {document.Id}, version {document.Version}",
            WriteStatus.Repaired => $"{document.Source}: repaired {document.Id}, version {document.Version}",
            _ => $"{document.Source}: {document.Id} unchanged (version {document.Version})",
        };
    }

    /// <summary>The file, the line where there is one, and what was wrong.</summary>
    public static string Failure(IngestFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return $"{failure.Path}{(failure.Line is { } line ? $":{line}" : "")}: {failure.Error}";
    }

    /// <summary>A warning of a stored document, placed in the file it was read from.</summary>
    public static string Warning(IngestedDocument document, Diagnostic warning)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(warning);
        return (warning with { File = document.Source }).ToString();
    }

    public static string Duplicate(IngestDuplicate duplicate)
    {
        ArgumentNullException.ThrowIfNull(duplicate);
        return $"{duplicate.Path} has the bytes {duplicate.DuplicateOf} holds; nothing stored";
    }

    /// <summary>Null where the document's text is given by no other document.</summary>
    public static string? SameText(IngestedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.SameTextAs.Count == 0 ? null
            : $"{document.Id} ({document.Source}) gives the text of {string.Join(", ", document.SameTextAs)} from other bytes: witnesses of one another";
    }

    /// <summary>Null where nothing was skipped.</summary>
    public static string? Skipped(IngestReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Skipped.Count == 0 ? null
            : $"{Wording.Counted(report.Skipped.Count, "file")} skipped (no reader claims them: {string.Join(", ", report.Skipped.Select(s => s.Path))}).";
    }

    /// <summary>"3 documents: 2 new, 0 updated, 1 unchanged, 0 duplicates; 1 file failed."</summary>
    public static string Summary(IngestReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var counts = report.Documents.GroupBy(d => d.Status).ToDictionary(g => g.Key, g => g.Count());
        var repaired = counts.GetValueOrDefault(WriteStatus.Repaired);
        return $"{Wording.Counted(report.Documents.Count, "document")}: {counts.GetValueOrDefault(WriteStatus.New)} new, "
            + $"{counts.GetValueOrDefault(WriteStatus.Updated)} updated, {counts.GetValueOrDefault(WriteStatus.Unchanged)} unchanged, "
            + (repaired > 0 ? $"{repaired} repaired, " : "")
            + $"{Wording.Counted(report.Duplicates.Count, "duplicate")}; {Wording.Counted(report.Failed.Count, "file")} failed.";
    }
}
