namespace Verbatim.Model;

/// <summary>A labelled field exactly as the source wrote it: "Written: Written on October 20,1921".</summary>
public sealed record HeaderField(string Label, string Value);
