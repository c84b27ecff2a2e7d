using Verbatim.Formats.Common;
using Verbatim.Model;
using Verbatim.Reading;

namespace Verbatim.Formats.Compilation;

/// <summary>
/// A page that strings many items together (articles, statements, letters, each closed by its
/// source line or shelfmark): one document per item, plus one for the page whose
/// <see cref="Document.Parts"/> lists them in page order. Every non-blank line of the page lands
/// in exactly one part; lines before the first item land in a part titled "Unassigned lines".
/// </summary>
public sealed class CompilationReader : IDocumentReader
{
    public const string FormatName = "compilation";

    // Above plain text (0.1), below a reader that recognises a page's own header (about 0.8): a
    // page of letters with a "Source:" header is that reader's, even if a shelfmark follows.
    private const double Score = 0.5;

    // A page with one header block has its source line near the top; items of a compilation are
    // closed throughout the page.
    private const int MinCloserSpread = 10;

    private const int DetectLimit = 1 << 20;

    public string Format => FormatName;

    public double Detect(SourceInput input)
    {
        if (input.Text is null)
            return 0;
        var text = input.Text.Length > DetectLimit ? input.Text[..DetectLimit] : input.Text;
        int closers = 0, first = 0, last = 0, lineNumber = 0;
        foreach (var line in text.Split('\n'))
        {
            lineNumber++;
            if (!ParagraphClassifier.IsCloserLine(line))
                continue;
            closers++;
            if (first == 0)
                first = lineNumber;
            last = lineNumber;
        }
        return closers >= 2 && last - first >= MinCloserSpread ? Score : 0;
    }

    public ReadResult Read(SourceInput input)
    {
        if (input.Text is null)
            return ReadResult.Failed(new Diagnostic(input.DecodingError ?? "not a text file", input.FileName));

        var paragraphs = Paragraphs.Split(input.Text);
        if (paragraphs.Count == 0)
            return ReadResult.Failed(new Diagnostic("the file holds only white space: a compilation needs at least one item", input.FileName, 1));

        var classified = paragraphs.Select((p, i) => ParagraphClassifier.Classify(i, p)).ToList();
        var items = ItemSplitter.Split(classified, input.FileName);
        var facts = items.Select(ItemFacts.Read).ToList();

        var firstTitle = facts.Zip(items).FirstOrDefault(f => !f.Second.Unassigned).First?.Title ?? facts[0].Title;
        var pageId = "compilation-" + DocumentIds.Slug(firstTitle);
        var ids = UniqueIds(items, facts, pageId);

        var parts = new List<Document>();
        for (var k = 0; k < items.Count; k++)
            parts.Add(PartDocument(items[k], facts[k], ids[k], pageId, input.FileName));

        var itemCount = items.Count(i => !i.Unassigned);
        var listing = parts.Select((d, k) => $"{k + 1}. {d.Title} (lines {d.Origin!.FirstLine}–{d.Origin.LastLine})");
        var page = new Document
        {
            Id = pageId,
            Title = $"Compilation of {itemCount} items, beginning with “{firstTitle}”",
            Kind = DocumentKind.Compilation,
            Parts = ids,
            Body = Blocks.Build([(BlockType.List, string.Join('\n', listing), null)]),
            Origin = new SourceInfo(FormatName, input.FileName),
            Warnings = input.DecodingWarnings,
        };
        return ReadResult.Of([page, .. parts]);
    }

    private static List<string> UniqueIds(List<ItemDraft> items, List<ItemFacts.Facts> facts, string pageId)
    {
        var ids = new List<string>();
        var used = new HashSet<string>(StringComparer.Ordinal) { pageId };
        for (var k = 0; k < items.Count; k++)
        {
            var f = facts[k];
            var id = items[k].Unassigned
                ? pageId + "-unassigned"
                : DocumentIds.For(f.Authors, f.Written?.Date, f.Addressees, f.Title);
            var unique = id;
            for (var n = 2; !used.Add(unique); n++)
                unique = $"{id}-{n}";
            ids.Add(unique);
        }
        return ids;
    }

    private static Document PartDocument(ItemDraft item, ItemFacts.Facts facts, string id, string pageId, string fileName)
    {
        var body = Blocks.Build(item.Blocks.Select(b => (b.Type, b.Paragraph.Text, (int?)b.Paragraph.FirstLine)));
        var first = item.Blocks.Min(b => b.Paragraph.FirstLine);
        var last = item.Blocks.Max(b => b.Paragraph.LastLine);
        var warnings = new List<Diagnostic>(item.Warnings);
        if (!item.Unassigned && !item.Blocks.Any(b => b.Paragraph.IsCloser)
            && item.Blocks.LastOrDefault(b => b.Type is BlockType.P or BlockType.Quote) is { } lastText
            && char.IsLetterOrDigit(lastText.Paragraph.Line[^1])
            && lastText == item.Blocks[^1])
        {
            warnings.Add(new Diagnostic("the item's text stops mid-sentence with no source line after it; the page may have cut it off",
                fileName, lastText.Paragraph.LastLine));
        }
        return new Document
        {
            Id = id,
            Title = facts.Title,
            Kind = facts.Kind,
            Authors = facts.Authors,
            Addressees = facts.Addressees,
            Written = facts.Written,
            Published = facts.Published,
            Source = facts.Source,
            Translators = facts.Translators,
            ArchivalRefs = facts.ArchivalRefs,
            Body = body,
            Header = facts.Header,
            PartOf = pageId,
            Origin = new SourceInfo(FormatName, fileName, first, last),
            Warnings = warnings,
        };
    }
}
