using Verbatim.Text.Collation;

namespace Verbatim.Web.Pages;

/// <summary>The collation page's and API's query: witnesses (w=ID or w=ID@VERSION, NAME= optional) and the comparison options.</summary>
public sealed record CollateForm(string[]? W, bool? IgnoreCase, bool? IgnorePunctuation, bool? FoldTypography, bool? Transliterate, bool? Segments)
{
    public IReadOnlyList<string> Witnesses => [.. (W ?? []).Where(w => !string.IsNullOrWhiteSpace(w)).Select(w => w.Trim())];

    public bool IsEmpty => Witnesses.Count == 0;

    public CollationOptions Options => new()
    {
        IgnoreCase = IgnoreCase ?? false,
        IgnorePunctuation = IgnorePunctuation ?? false,
        FoldTypography = FoldTypography ?? false,
        Transliterate = Transliterate ?? false,
    };
}
