using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Verbatim.Model;

namespace Verbatim.Web.Citations;

/// <summary>A document cited as BibTeX and as CSL-JSON, from its provenance fields.</summary>
/// <param name="Url">The document's address in this reader: what a citation points a reader at.</param>
public sealed record Citation(Document Document, string Url)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A BibTeX <c>@misc</c> entry (the type every BibTeX style knows); names are braced whole so they are never re-split.</summary>
    public string BibTex()
    {
        // Values are escaped here, field by field: the braces that group a name are BibTeX's own
        // and must survive, and a URL is read verbatim by every style.
        var fields = new List<(string Name, string? Value)>
        {
            ("author", Names(Document.Authors)),
            ("title", EscapeOrNull(Document.Title)),
            ("year", Year()),
            ("date", EscapeOrNull(Document.Written?.Date)),
            ("howpublished", EscapeOrNull(Document.Source?.Text)),
            ("note", EscapeOrNull(Note())),
            ("url", Url),
        };
        var builder = new StringBuilder();
        builder.Append("@misc{").Append(Key()).Append(",\n");
        foreach (var (name, value) in fields.Where(f => !string.IsNullOrWhiteSpace(f.Value)))
            builder.Append("  ").Append(name).Append(" = {").Append(value).Append("},\n");
        builder.Append('}').Append('\n');
        return builder.ToString();
    }

    /// <summary>A CSL-JSON array of one item, as citation managers import it.</summary>
    public string CslJson()
    {
        var item = new JsonObject
        {
            ["id"] = Document.Id,
            ["type"] = Document.Kind is DocumentKind.Letter or DocumentKind.Telegram or DocumentKind.Note ? "personal_communication" : "manuscript",
            ["title"] = Document.Title,
        };
        Add(item, "author", People(Document.Authors.Select(p => p.Name)));
        Add(item, "recipient", People(Document.Addressees.Select(p => p.Name)));
        Add(item, "translator", People(Document.Translators));
        if (DateParts(Document.Written?.Date ?? Document.Written?.NotBefore) is { } parts)
            item["issued"] = new JsonObject { ["date-parts"] = new JsonArray(parts) };
        Add(item, "container-title", Document.Source?.Collection);
        Add(item, "volume", Document.Source?.Volume);
        Add(item, "page", Document.Source?.Pages);
        Add(item, "publisher", Document.Source?.Publisher);
        Add(item, "publisher-place", Document.Source?.Place);
        Add(item, "archive", Document.ArchivalRefs.FirstOrDefault()?.Repository);
        Add(item, "archive_location", Document.ArchivalRefs.FirstOrDefault()?.Text);
        Add(item, "language", Document.Language);
        Add(item, "note", Note());
        item["URL"] = Url;
        return new JsonArray(item).ToJsonString(Json);
    }

    private string Key()
    {
        var key = new StringBuilder();
        foreach (var c in Document.Id)
            key.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':' ? c : '-');
        return key.ToString();
    }

    private string? Year()
        => (Document.Written?.Date ?? Document.Written?.NotBefore) is { Length: >= 4 } date ? date[..4]
            : Document.Source?.Year?.ToString(CultureInfo.InvariantCulture);

    private string? Note()
    {
        var parts = new List<string>();
        if (Document.Addressees.Count > 0)
            parts.Add("To " + string.Join(", ", Document.Addressees.Select(a => a.Name)));
        if (Document.Written?.Text is { Length: > 0 } written)
            parts.Add(written);
        parts.AddRange(Document.ArchivalRefs.Select(r => r.Text));
        return parts.Count > 0 ? string.Join(". ", parts) : null;
    }

    private static string? Names(IReadOnlyList<PersonRef> people)
        => people.Count == 0 ? null : string.Join(" and ", people.Select(p => "{" + Escape(p.Name) + "}"));

    private static string? EscapeOrNull(string? text) => text is null ? null : Escape(text);

    /// <summary>Escapes what BibTeX reads as markup; the braces the caller adds are the only unescaped ones.</summary>
    internal static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '\\' => @"\textbackslash{}",
                '{' => @"\{",
                '}' => @"\}",
                '%' or '&' or '$' or '#' or '_' => "\\" + c,
                '~' => @"\textasciitilde{}",
                '^' => @"\textasciicircum{}",
                '\n' or '\r' => " ",
                _ => c.ToString(),
            });
        }
        return builder.ToString();
    }

    private static JsonArray? People(IEnumerable<string> names)
    {
        var array = new JsonArray([.. names.Select(n => (JsonNode)new JsonObject { ["literal"] = n })]);
        return array.Count > 0 ? array : null;
    }

    private static JsonArray? DateParts(string? isoDate)
    {
        if (isoDate is null)
            return null;
        var parts = new JsonArray();
        foreach (var part in isoDate.Split('-'))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                break;
            parts.Add(number);
        }
        return parts.Count > 0 ? parts : null;
    }

    private static void Add(JsonObject item, string name, JsonNode? value)
    {
        if (value is not null)
            item[name] = value;
    }

    private static void Add(JsonObject item, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
            item[name] = value;
    }
}
