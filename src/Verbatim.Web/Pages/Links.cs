namespace Verbatim.Web.Pages;

/// <summary>The reader's addresses, built in one place so pages and tests agree on them.</summary>
public static class Links
{
    public static string Document(string id, int? version = null)
        => "/documents/" + Uri.EscapeDataString(id) + (version is null ? "" : $"?version={version}");

    /// <summary>One part of a long document's text (see <see cref="Reading.BodyParts"/>).</summary>
    public static string DocumentWindow(string id, int? version, int part)
        => Document(id, version) + (version is null ? "?" : "&") + "part=" + part.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string DocumentPart(string id, string part) => "/documents/" + Uri.EscapeDataString(id) + "/" + part;

    public static string Diff(string id, int from, int to) => $"{DocumentPart(id, "diff")}?from={from}&to={to}";

    /// <summary>A quote link read side by side: the source and target documents and where the passage starts in each.</summary>
    public static string Passage(Model.QuoteLink link) =>
        $"/passages?source={Uri.EscapeDataString(link.SourceId)}&from={link.SourceStart}&target={Uri.EscapeDataString(link.TargetId)}&at={link.TargetStart}";

    /// <summary>Two testimonies side by side: each document, its version and the range of its text where given.</summary>
    public static string Testimonies(string a, int? av, string? ar, string b, int? bv, string? br)
    {
        var query = new List<string> { "a=" + Uri.EscapeDataString(a) };
        if (av is { } va) query.Add($"av={va}");
        if (!string.IsNullOrWhiteSpace(ar)) query.Add("ar=" + Uri.EscapeDataString(ar.Trim()));
        query.Add("b=" + Uri.EscapeDataString(b));
        if (bv is { } vb) query.Add($"bv={vb}");
        if (!string.IsNullOrWhiteSpace(br)) query.Add("br=" + Uri.EscapeDataString(br.Trim()));
        return "/testimonies?" + string.Join("&", query);
    }

    public static string Case(string id) => "/cases/" + Uri.EscapeDataString(id);

    public static string Name(string id) => "/names/" + Uri.EscapeDataString(id);

    /// <summary>A view of letters (timeline, network) filtered as <see cref="Verbatim.Names.LetterFilter"/> filters.</summary>
    public static string Letters(string view, Verbatim.Names.LetterFilter filter, int? min = null)
    {
        var query = new List<string>();
        if (filter.Person is { Length: > 0 } person) query.Add("person=" + Uri.EscapeDataString(person));
        if (filter.From is { } from) query.Add($"from={from}");
        if (filter.To is { } to) query.Add($"to={to}");
        if (min is > 1) query.Add($"min={min}");
        return "/" + view + (query.Count == 0 ? "" : "?" + string.Join("&", query));
    }

    public static string ApiDocument(string id) => "/api/documents/" + Uri.EscapeDataString(id);
}
