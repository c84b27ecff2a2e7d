using System.Text.RegularExpressions;
using Verbatim.Formats.Common;
using Verbatim.Formats.Mia;
using Verbatim.Model;
using Verbatim.Reading;

namespace Verbatim.Formats.MiaText;

/// <summary>
/// Reads pages of the Marxists / Lenin Internet Archive saved as plain text: author and title
/// lines, a block of labelled fields ("Written:", "Published:", "Source:", ...), the body,
/// footnotes "[1] ..." and the site's navigation lines.
/// </summary>
public sealed partial class MiaTextReader : IDocumentReader
{
    public const string FormatName = "mia-text";

    public string Format => FormatName;

    // The labels that mark a page of the archive; any one of them at the top is evidence.
    private static readonly string[] SignatureLabels =
        ["Written", "Dictated", "Published", "First Published", "Source", "Translated", "Transcription\\Markup", "Public Domain", "Delivered"];

    // A label is one to four words before a colon, with a value on the same line: "Comrade
    // Stalin:" (nothing after the colon) is a salutation, not a field.
    [GeneratedRegex(@"^(?<label>\p{Lu}[\p{L}]*(?:[ \\/&][\p{L}]+){0,3}):[\s\u00A0]*(?<value>\S.*)$")]
    private static partial Regex LabelLine();

    // A navigation line is any one of three shapes, each its own regex: joined by "|" into one
    // pattern, the unanchored middle shape made the whole pattern be tried at every position of
    // every body line, and that one pattern cost most of the reader's time (17 times the three
    // separate ones on the seed pages). The part before the first "|" is bounded: an unbounded
    // ".*" there made every long body line cost quadratic backtracking.
    [GeneratedRegex(@"^\s*<\s*backward\b", RegexOptions.IgnoreCase)]
    private static partial Regex BackwardLink();

    [GeneratedRegex(@"\bforward\s*>\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ForwardLink();

    [GeneratedRegex(@"^[^|\n]{0,80}\|[^\n]*\b(?:Index|Collected Works|Archive|Volume\s+\d+)\b", RegexOptions.IgnoreCase)]
    private static partial Regex IndexLinks();

    private static bool IsNavigationLine(string line)
        => BackwardLink().IsMatch(line) || ForwardLink().IsMatch(line) || IndexLinks().IsMatch(line);

    [GeneratedRegex(@"^\[(?<n>\d+)\]\s")]
    private static partial Regex NoteStart();

    [GeneratedRegex(@"^(?:Comrades?|Dear|Esteemed|Respected|Most esteemed)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SalutationStart();

    [GeneratedRegex(@"\b(?:greetings|regards|yours|esteem|respect|salute|wishes)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ClosingWords();

    [GeneratedRegex(@"[-–—]\s*Ed(?:itor)?\.\]?$|^\[.*[-–—]\s*editor\]\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex EditorialMark();

    // The top region (author, title, "To:") holds a few short lines; a long line means the page
    // has no header and the body has begun.
    private const int MaxTopLineLength = 120;
    private const int MaxTopLines = 4;
    private const int DetectWindow = 4096;

    public double Detect(SourceInput input)
    {
        if (input.Text is null)
            return 0;
        var head = input.Text.Length > DetectWindow ? input.Text[..DetectWindow] : input.Text;
        var lines = head.Split('\n').Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        var top = 0;
        while (top < lines.Count && top < MaxTopLines && !LabelLine().IsMatch(lines[top]) && lines[top].Length <= MaxTopLineLength)
            top++;
        var labels = lines.Skip(top).TakeWhile(l => LabelLine().IsMatch(l))
            .Count(l => SignatureLabels.Contains(LabelLine().Match(l).Groups["label"].Value, StringComparer.OrdinalIgnoreCase));
        return labels switch
        {
            >= 2 => 0.8,
            1 => 0.6,
            _ => 0,
        };
    }

    public ReadResult Read(SourceInput input)
    {
        if (input.Text is null)
            return ReadResult.Failed(new Diagnostic(input.DecodingError ?? "not a text file", input.FileName));
        if (string.IsNullOrWhiteSpace(input.Text))
            return ReadResult.Failed(new Diagnostic("the file holds only white space", input.FileName));

        var page = new MiaPage { FileName = input.FileName, Format = FormatName };
        page.Warnings.AddRange(input.DecodingWarnings);
        var lines = input.Text.Split('\n');
        var i = ReadTop(lines, page);
        i = ReadHeader(lines, i, page);
        ReadBody(lines, i, page);
        if (page.Header.Count == 0)
            page.Warnings.Add(new Diagnostic("no labelled header fields found: is this a page of the archive?", input.FileName, 1));
        return ReadResult.Of(MiaDocumentBuilder.Build(page));
    }

    private static int ReadTop(string[] lines, MiaPage page)
    {
        var top = new List<(string Text, int Line)>();
        var i = 0;
        for (; i < lines.Length && top.Count < MaxTopLines; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i])) continue;
            if (LabelLine().IsMatch(lines[i]) || lines[i].Length > MaxTopLineLength || IsNavigationLine(lines[i])) break;
            top.Add((lines[i], i + 1));
        }
        // Without a labelled field after them, the short lines were the body's start.
        if (i >= lines.Length || !LabelLine().IsMatch(lines[i]))
            return 0;
        if (top.Count > 0 && PersonNames.LooksLikeName(top[0].Text))
        {
            page.AuthorLine = top[0].Text;
            page.AuthorLineNumber = top[0].Line;
            top.RemoveAt(0);
        }
        if (top.Count > 0)
            page.TitleLine = string.Join(" ", top.Select(t => Whitespace.CollapseToLine(t.Text)));
        return i;
    }

    private static int ReadHeader(string[] lines, int i, MiaPage page)
    {
        for (; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i])) continue;
            var match = LabelLine().Match(lines[i]);
            if (!match.Success) break;
            page.Header.Add((new HeaderField(match.Groups["label"].Value, match.Groups["value"].Value.TrimEnd()), i + 1));
        }
        return i;
    }

    private static void ReadBody(string[] lines, int start, MiaPage page)
    {
        // Navigation lines are taken out line by line: the site often prints two of them with no
        // blank line between, and they must not join the paragraph or note above them.
        var bodyLines = lines[start..];
        for (var k = 0; k < bodyLines.Length; k++)
        {
            if (IsNavigationLine(bodyLines[k]))
            {
                page.Navigation.Add(Whitespace.CollapseToLine(bodyLines[k]));
                bodyLines[k] = "";
            }
        }
        var rest = string.Join('\n', bodyLines);
        var inNotes = false;
        var markers = new HashSet<string>();
        foreach (var paragraph in Paragraphs.Split(rest))
        {
            var line = paragraph.Line + start;
            var text = paragraph.Text;
            var noteStart = NoteStart().Match(text);
            if (noteStart.Success && markers.Contains(noteStart.Groups["n"].Value))
            {
                inNotes = true;
                page.Notes.Add((noteStart.Groups["n"].Value, [text[noteStart.Length..]], line));
                continue;
            }
            if (inNotes)
            {
                page.Notes[^1].Paragraphs.Add(text);
                continue;
            }
            foreach (Match marker in Regex.Matches(text, @"\[(\d+)\]"))
                markers.Add(marker.Groups[1].Value);

            // A page break of the printed edition can split a paragraph: the second half starts
            // indented and the first half has no closing punctuation.
            if (page.Body.Count > 0 && char.IsWhiteSpace(text[0]) && page.Body[^1].Type == BlockType.P && !EndsSentence(page.Body[^1].Text))
            {
                var previous = page.Body[^1];
                page.Body[^1] = (previous.Type, previous.Text + " " + text.TrimStart(), previous.Line);
                continue;
            }
            page.Body.Add((Classify(text, page.Body), text, line));
        }
    }

    internal static BlockType Classify(string text, List<(BlockType Type, string Text, int? Line)> before)
    {
        var folded = Whitespace.CollapseToLine(text);
        var words = folded.Split(' ').Length;
        if (EditorialMark().IsMatch(folded))
            return BlockType.Editorial;
        if (before.Count == 0 && words <= 12 && !folded.Contains(". ", StringComparison.Ordinal)
            && (folded.EndsWith(':') || folded.EndsWith('!') || SalutationStart().IsMatch(folded)))
            return BlockType.Salutation;
        if (words <= 8 && folded.EndsWith(',') && ClosingWords().IsMatch(folded))
            return BlockType.Closing;
        if (words <= 10 && EnglishDates.Find(folded) is { } date && date.Length * 10 >= folded.Length * 4)
            return BlockType.Dateline;
        if (before.Count > 0 && before[^1].Type == BlockType.Closing && words <= 6 && PersonNames.LooksLikeName(folded.TrimEnd('.', ',')))
            return BlockType.Signature;
        return BlockType.P;
    }

    internal static bool EndsSentence(string text)
    {
        var trimmed = text.TrimEnd();
        return trimmed.Length == 0 || ".!?:;”\")»]".Contains(trimmed[^1]);
    }
}
