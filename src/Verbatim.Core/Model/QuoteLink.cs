namespace Verbatim.Model;

/// <summary>
/// A passage that one document (the target) shares with another or with itself (the source),
/// found by reuse detection. Offsets are into each document's <see cref="Document.BodyText"/> at
/// the versions the catalog holds. <see cref="Direction"/> says why the source is the source:
/// "by-date" (it is dated earlier), "within-document" (the earlier place in one document) or
/// "undetermined" (dates missing or equal).
/// </summary>
public sealed record QuoteLink(
    string SourceId,
    int SourceStart,
    int SourceLength,
    string TargetId,
    int TargetStart,
    int TargetLength,
    int MatchedWords,
    string Direction);
