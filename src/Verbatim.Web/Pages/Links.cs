namespace Verbatim.Web.Pages;

/// <summary>The reader's addresses, built in one place so pages and tests agree on them.</summary>
public static class Links
{
    public static string Document(string id, int? version = null)
        => "/documents/" + Uri.EscapeDataString(id) + (version is null ? "" : $"?version={version}");

    public static string DocumentPart(string id, string part) => "/documents/" + Uri.EscapeDataString(id) + "/" + part;

    public static string Diff(string id, int from, int to) => $"{DocumentPart(id, "diff")}?from={from}&to={to}";

    /// <summary>A quote link read side by side: the source and target documents and where the passage starts in each.</summary>
    public static string Passage(Model.QuoteLink link) =>
        $"/passages?source={Uri.EscapeDataString(link.SourceId)}&from={link.SourceStart}&target={Uri.EscapeDataString(link.TargetId)}&at={link.TargetStart}";

    public static string ApiDocument(string id) => "/api/documents/" + Uri.EscapeDataString(id);
}
