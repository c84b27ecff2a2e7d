namespace Verbatim.Text.Evaluation;

/// <summary>A document of a PAN corpus: its file name and its text.</summary>
public sealed record PanText(string Name, string Text);

/// <summary>
/// One line of a PAN corpus's <c>pairs</c> file with its truth: the suspicious document, the source
/// document, the folder its truth file lies in (PAN gives one per obfuscation: "02-no-obfuscation";
/// "" for the corpus folder itself), and its cases.
/// </summary>
public sealed record PanPair(string Suspicious, string Source, string Folder, IReadOnlyList<PanAnnotation> Cases);

/// <summary>A PAN text-alignment corpus in memory: <c>susp/</c>, <c>src/</c> and the pairs with their truth.</summary>
public sealed record PanCorpus(IReadOnlyList<PanText> Suspicious, IReadOnlyList<PanText> Sources, IReadOnlyList<PanPair> Pairs);
