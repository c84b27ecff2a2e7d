using System.Text;
using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Verbatim.Text.Collation;

namespace Verbatim.Archiving;

/// <summary>A changed line: '+' added, '-' removed, ' ' context.</summary>
public sealed record DiffLine(char Mark, string Text);

public sealed record FileDiff(string Path, IReadOnlyList<DiffLine> Lines);

/// <summary>One place where the body text changed: a few words before it, what the older version reads, what the newer reads ("" where silent).</summary>
public sealed record WordChange(string Before, string From, string To);

/// <summary>A range of an older version as a newer one reads it, and each place where the two differ (none where it reads the same).</summary>
public sealed record RangeChanges(string Now, IReadOnlyList<WordChange> Changes);

/// <summary>
/// What changed between two versions of a document: its body text word by word (collated by the
/// same engine as `verbatim collate`), and its source and document.json line by line.
/// </summary>
public sealed record VersionDiff(string Id, int From, int To, IReadOnlyList<WordChange> Words, IReadOnlyList<FileDiff> Files)
{
    private const int Context = 2;
    private const int WordsBefore = 6;

    /// <summary>Null when the document or either version does not exist; with no versions named, the last change.</summary>
    public static VersionDiff? Between(Archive archive, string id, int? from, int? to)
    {
        var history = archive.History(id);
        if (history.Count == 0)
            return null;
        var toVersion = to ?? history[^1].Number;
        var fromVersion = from ?? Math.Max(1, toVersion - 1);
        var older = archive.ReadStored(id, fromVersion);
        var newer = archive.ReadStored(id, toVersion);
        if (older is null || newer is null)
            return null;
        var files = new List<FileDiff>
        {
            Compare("source/" + (newer.SourceFileName ?? older.SourceFileName ?? "(none)"), Text(older.Source), Text(newer.Source)),
            Compare("document.json", Text(older.DocumentJson), Text(newer.DocumentJson)),
        };
        var words = WordChanges(archive.Show(id, fromVersion)!.BodyText, archive.Show(id, toVersion)!.BodyText);
        return new VersionDiff(id, fromVersion, toVersion, words, files);
    }

    /// <summary>
    /// What became of characters [<paramref name="start"/>, <paramref name="end"/>) of the older
    /// text in the newer: the words the newer reads where the older's words of the range stood
    /// (the two collated word by word, as <see cref="Between"/> does), and each change among them.
    /// A word the range cuts is taken whole.
    /// </summary>
    public static RangeChanges WithinRange(string older, string newer, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        var words = WordSpans(older);
        var first = words.FindIndex(w => w.End > start);
        var last = words.FindLastIndex(w => w.Start < end);
        if (first < 0 || last < first)
            return new RangeChanges("", []);
        var collation = Collator.Collate([Witness.FromText("from", older), Witness.FromText("to", newer)]);
        var (olderRow, newerRow) = (collation.Table[0], collation.Table[1]);
        var (firstColumn, lastColumn, seen) = (-1, -1, 0);
        for (var column = 0; column < collation.ColumnCount && seen <= last; column++)
        {
            if (olderRow[column] is null)
                continue;
            if (seen == first)
                firstColumn = column;
            if (seen == last)
                lastColumn = column;
            seen++;
        }
        var now = string.Join(' ', Enumerable.Range(firstColumn, lastColumn - firstColumn + 1).Select(c => newerRow[c]).OfType<string>());
        var was = string.Join(' ', words[first..(last + 1)].Select(w => older[w.Start..w.End]));
        return new RangeChanges(now, WordChanges(was, now));
    }

    private static List<(int Start, int End)> WordSpans(string text)
    {
        var spans = new List<(int, int)>();
        for (var i = 0; i < text.Length;)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }
            var from = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
                i++;
            spans.Add((from, i));
        }
        return spans;
    }

    private static List<WordChange> WordChanges(string older, string newer)
    {
        var collation = Collator.Collate([Witness.FromText("from", older), Witness.FromText("to", newer)]);
        var segments = collation.Segments();
        var starts = collation.SegmentStarts();
        var changes = new List<WordChange>();
        for (var k = 0; k < starts.Count; k++)
        {
            if (collation.Agrees(starts[k]))
                continue;
            var before = k > 0 ? segments[0][k - 1].Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
            changes.Add(new WordChange(string.Join(' ', before[^Math.Min(WordsBefore, before.Length)..]), segments[0][k], segments[1][k]));
        }
        return changes;
    }

    private static string Text(ReadOnlyMemory<byte> bytes) => Encoding.UTF8.GetString(bytes.Span);

    private static FileDiff Compare(string path, string older, string newer)
    {
        var model = new InlineDiffBuilder(new Differ()).BuildDiffModel(older, newer, ignoreWhitespace: false);
        var lines = model.Lines;
        var keep = new bool[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Type is ChangeType.Inserted or ChangeType.Deleted)
            {
                for (var k = Math.Max(0, i - Context); k <= Math.Min(lines.Count - 1, i + Context); k++)
                    keep[k] = true;
            }
        }
        var result = new List<DiffLine>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (!keep[i])
                continue;
            if (i > 0 && !keep[i - 1] && result.Count > 0)
                result.Add(new DiffLine('~', "…"));
            result.Add(new DiffLine(lines[i].Type switch { ChangeType.Inserted => '+', ChangeType.Deleted => '-', _ => ' ' }, lines[i].Text));
        }
        return new FileDiff(path, result);
    }
}
