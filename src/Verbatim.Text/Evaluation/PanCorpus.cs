using Verbatim.Text.Normalisation;

namespace Verbatim.Text.Evaluation;

/// <summary>A document of a PAN corpus: its file name and its text.</summary>
public sealed record PanText(string Name, string Text);

/// <summary>
/// One line of a PAN corpus's <c>pairs</c> file with its truth: the suspicious document, the source
/// document, the folder its truth file lies in (PAN gives one per obfuscation: "02-no-obfuscation";
/// "" for the corpus folder itself), and its cases. A pair of reuse within one document names that
/// document twice.
/// </summary>
public sealed record PanPair(string Suspicious, string Source, string Folder, IReadOnlyList<PanAnnotation> Cases);

/// <summary>
/// Text that documents share without reuse — a licence line or letterhead on many documents, a
/// stock phrase, a topic's vocabulary — planted by the generator for the pairs of
/// <see cref="Kind"/> (their folder). A detection over it that detects no case is a false passage
/// of that kind.
/// </summary>
public sealed record PanStretch(string Document, TextRange Range, string Kind);

/// <summary>
/// A PAN text-alignment corpus in memory: <c>susp/</c>, <c>src/</c> and the pairs with their truth,
/// and the text the documents share that is not reuse (<see cref="NotReuse"/>; PAN's own corpora
/// mark none).
/// </summary>
public sealed record PanCorpus(IReadOnlyList<PanText> Suspicious, IReadOnlyList<PanText> Sources, IReadOnlyList<PanPair> Pairs)
{
    public IReadOnlyList<PanStretch> NotReuse { get; init; } = [];
}
