using System.Xml.Linq;
using Verbatim.Formats.Common;
using Verbatim.Model;

namespace Verbatim.Formats.Tei;

/// <summary>
/// The names a TEI letter marks in its body (persName, placeName, orgName, rs with a type), each
/// with the edition's key, the name the back matter's index of names gives for it and, where the
/// index gives one, an authority URI.
/// </summary>
/// <remarks>
/// The words of a mention are how the letter refers to someone ("sie", "Gemahlin", "Gr."), not a
/// name; where the key leads into the index, the index names the entity and the words are its form.
/// An &lt;rs&gt; without a key is a reference to nobody the edition could name, so it is no mention.
/// An &lt;rs&gt; of several keys ("die Eltern") mentions each of them.
/// </remarks>
internal static class TeiMentions
{
    private static readonly XNamespace Xml = "http://www.w3.org/XML/1998/namespace";

    // Authorities in order of preference; an index entry may list many, the first found names it.
    private static readonly string[] Authorities = ["gnd", "d-nb", "geonames", "wikidata", "viaf"];

    private sealed record IndexEntry(string? Name, string? Authority);

    public static List<NameMention> Read(XElement body, XElement? back)
    {
        var index = back is null ? [] : IndexOf(back);
        var mentions = new List<NameMention>();
        foreach (var element in body.Descendants())
        {
            var kind = KindOf(element);
            if (kind is null)
                continue;
            // A name inside another marked name (a place in an organisation's name) is part of that one.
            if (element.Ancestors().TakeWhile(a => a != body).Any(a => KindOf(a) is not null))
                continue;
            var words = TextOf(element);
            if (words.Length == 0)
                continue;
            var references = element.Attribute("ref")?.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
            if (references.Length == 0)
            {
                if (element.Name.LocalName != "rs")
                    mentions.Add(new NameMention(words, kind.Value));
                continue;
            }
            foreach (var reference in references)
            {
                var entry = Uri.TryCreate(reference, UriKind.Absolute, out _) ? new IndexEntry(null, reference)
                    : index.GetValueOrDefault(reference.TrimStart('#'));
                var name = entry?.Name ?? words;
                mentions.Add(new NameMention(name, kind.Value, reference, entry?.Authority, name == words ? null : words));
            }
        }
        return mentions;
    }

    /// <summary>The name as written: a line break is a space, a note inside the name is not part of it.</summary>
    private static string TextOf(XElement element)
    {
        var text = new System.Text.StringBuilder();
        foreach (var node in element.DescendantNodes())
        {
            if (node.Ancestors().TakeWhile(a => a != element).Any(a => a.Name.LocalName == "note"))
                continue;
            if (node is XText t)
                text.Append(t.Value);
            else if (node is XElement { Name.LocalName: "lb" or "space" })
                text.Append(' ');
        }
        return Whitespace.CollapseToLine(text.ToString()).Trim();
    }

    private static NameKind? KindOf(XElement element) => element.Name.LocalName switch
    {
        "persName" => NameKind.Person,
        "placeName" => NameKind.Place,
        "orgName" => NameKind.Organisation,
        "rs" => element.Attribute("type")?.Value switch
        {
            "person" => NameKind.Person,
            "place" => NameKind.Place,
            "org" => NameKind.Organisation,
            _ => null,
        },
        _ => null,
    };

    /// <summary>xml:id of each person, place and org of the back matter to its name and preferred authority URI.</summary>
    private static Dictionary<string, IndexEntry> IndexOf(XElement back)
    {
        var map = new Dictionary<string, IndexEntry>(StringComparer.Ordinal);
        foreach (var entry in back.Descendants().Where(e => e.Name.LocalName is "person" or "place" or "org"))
        {
            if (entry.Attribute(Xml + "id")?.Value is not { } id)
                continue;
            var numbers = entry.Elements().Where(e => e.Name.LocalName == "idno").ToList();
            var authority = Authorities
                .Select(a => numbers.FirstOrDefault(n => (n.Attribute("type")?.Value == a || n.Attribute("subtype")?.Value == a)
                    && Uri.TryCreate(n.Value.Trim(), UriKind.Absolute, out _)))
                .FirstOrDefault(n => n is not null)?.Value.Trim();
            map[id] = new IndexEntry(PreferredName(entry), authority);
        }
        return map;
    }

    /// <summary>
    /// The index's own name for an entry: its first name element without a type (others are variants,
    /// pseudonyms, birth names), or one typed "pref"; a person's forenames before the rest.
    /// </summary>
    private static string? PreferredName(XElement entry)
    {
        var names = entry.Elements().Where(e => e.Name.LocalName is "persName" or "placeName" or "orgName").ToList();
        var name = names.FirstOrDefault(n => n.Attribute("type") is null) ?? names.FirstOrDefault(n => n.Attribute("type")?.Value == "pref");
        if (name is null)
            return null;
        var parts = name.Elements().ToList();
        var text = parts.Count == 0
            ? name.Value
            : string.Join(" ", parts.OrderBy(p => p.Name.LocalName == "forename" ? 0 : 1).Select(p => p.Value));
        var collapsed = Whitespace.CollapseToLine(text).Trim();
        return collapsed.Length == 0 ? null : collapsed;
    }
}
