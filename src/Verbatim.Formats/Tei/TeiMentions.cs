using System.Xml.Linq;
using Verbatim.Formats.Common;
using Verbatim.Model;

namespace Verbatim.Formats.Tei;

/// <summary>
/// The names a TEI letter marks in its body (persName, placeName, orgName, rs with a type), each
/// with the edition's key and, where the back matter's index of names gives one, an authority URI.
/// </summary>
internal static class TeiMentions
{
    private static readonly XNamespace Xml = "http://www.w3.org/XML/1998/namespace";

    // Authorities in order of preference; an index entry may list many, the first found names it.
    private static readonly string[] Authorities = ["gnd", "d-nb", "geonames", "wikidata", "viaf"];

    public static List<NameMention> Read(XElement body, XElement? back)
    {
        var authorities = back is null ? [] : AuthoritiesOf(back);
        var mentions = new List<NameMention>();
        foreach (var element in body.Descendants())
        {
            var kind = KindOf(element);
            if (kind is null)
                continue;
            // A name inside another marked name (a place in an organisation's name) is part of that one.
            if (element.Ancestors().TakeWhile(a => a != body).Any(a => KindOf(a) is not null))
                continue;
            var name = TextOf(element);
            if (name.Length == 0)
                continue;
            var reference = element.Attribute("ref")?.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            var authority = reference is null ? null
                : Uri.TryCreate(reference, UriKind.Absolute, out _) ? reference
                : authorities.GetValueOrDefault(reference.TrimStart('#'));
            mentions.Add(new NameMention(name, kind.Value, reference, authority));
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

    /// <summary>xml:id of each person, place and org of the back matter to its preferred authority URI.</summary>
    private static Dictionary<string, string> AuthoritiesOf(XElement back)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in back.Descendants().Where(e => e.Name.LocalName is "person" or "place" or "org"))
        {
            if (entry.Attribute(Xml + "id")?.Value is not { } id)
                continue;
            var numbers = entry.Elements().Where(e => e.Name.LocalName == "idno").ToList();
            foreach (var authority in Authorities)
            {
                var found = numbers.FirstOrDefault(n => (n.Attribute("type")?.Value == authority || n.Attribute("subtype")?.Value == authority)
                    && Uri.TryCreate(n.Value.Trim(), UriKind.Absolute, out _));
                if (found is not null)
                {
                    map[id] = found.Value.Trim();
                    break;
                }
            }
        }
        return map;
    }
}
