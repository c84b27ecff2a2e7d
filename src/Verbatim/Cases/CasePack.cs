using Verbatim.EvidencePacks;
using Verbatim.Quoting;

namespace Verbatim.Cases;

/// <summary>
/// A case as an evidence pack's contents: each item's citations at the versions the case keeps
/// (a quotation check cites each source it found, with the differences found there; a collation
/// each witness), and its notes after the author's summary, since a note cites nothing.
/// </summary>
public static class CasePack
{
    public static PackContents ContentsOf(CaseFile caseFile)
    {
        ArgumentNullException.ThrowIfNull(caseFile);
        var citations = new List<PackCitation>();
        var notes = new List<string>();
        foreach (var item in caseFile.Items)
        {
            switch (item)
            {
                case DocumentItem document:
                    citations.Add(new PackCitation(CitationKind.Document, document.Id, document.Version));
                    break;
                case PassageItem passage:
                    citations.Add(new PackCitation(CitationKind.Passage, passage.Id, passage.Version, passage.Start, passage.End));
                    break;
                case QuotationItem quotation:
                    citations.AddRange(quotation.Matches.Select(source => new PackCitation(CitationKind.QuotationCheck, source.Id, source.Version, source.Start, source.End)
                    {
                        Quotation = quotation.Quotation,
                        Differences = [.. source.Differences.Select(d => new QuoteDifference(d.Type, d.Quoted, d.Source, d.Offset, d.QuotedOffset))],
                    }));
                    break;
                case CollationItem collation:
                    var first = citations.Count + 1;
                    citations.AddRange(collation.Witnesses.Select((w, k) => new PackCitation(CitationKind.CollationWitness, w.Id, w.Version, w.Start, w.End)
                    {
                        ComparedWith = k == 0 ? null : first,
                    }));
                    break;
                case NoteItem note:
                    notes.Add(note.Text);
                    break;
            }
        }
        var summary = string.Join("\n\n", new[] { caseFile.Summary }.Concat(notes.Select(n => "Note: " + n)).Where(p => p.Length > 0));
        return new PackContents(caseFile.Question, summary, citations);
    }
}
