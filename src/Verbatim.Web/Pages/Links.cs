namespace Verbatim.Web.Pages;

/// <summary>The reader's addresses, built in one place so pages and tests agree on them.</summary>
public static class Links
{
    public static string Document(string id, int? version = null)
        => "/documents/" + Uri.EscapeDataString(id) + (version is null ? "" : $"?version={version}");

    public static string DocumentPart(string id, string part) => "/documents/" + Uri.EscapeDataString(id) + "/" + part;

    public static string Diff(string id, int from, int to) => $"{DocumentPart(id, "diff")}?from={from}&to={to}";

    public static string ApiDocument(string id) => "/api/documents/" + Uri.EscapeDataString(id);
}
