namespace Verbatim.Web.Pages;

/// <summary>What the "Check a quotation" page was given: the quotation, by address (q) or by the form's post (text).</summary>
public sealed record CheckQuoteForm(string? Q)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Q);
}
