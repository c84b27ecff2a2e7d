using System.Globalization;
using System.Text.RegularExpressions;
using Verbatim.Model;

namespace Verbatim.Formats.Tei;

/// <summary>
/// One printing listed in sourceDesc/listBibl. A &lt;biblStruct&gt; has no running text, so its parts
/// are set out as one citation line in the edition's own style
/// ("Arthur Schnitzler: Weihnachts-Einkäufe. In: Frankfurter Zeitung, Jg. 36, Nr. 358, 24. 12. 1891, S. 1–2").
/// </summary>
internal sealed partial class TeiBibl
{
    private readonly List<Entry> _entries = [];

    private sealed record Entry(string Section, string Name, string? Qualifier, string? When, string Text);

    [GeneratedRegex(@"\b(1[5-9]\d\d|20\d\d)\b")]
    private static partial Regex Year();

    /// <param name="section">analytic, monogr or series; "" for a part outside them.</param>
    /// <param name="qualifier">title/@level or biblScope/@unit.</param>
    public void Add(string section, string name, string? qualifier, string? when, string text)
    {
        if (text.Length > 0)
            _entries.Add(new Entry(section, name, qualifier, when, text));
    }

    /// <summary>The printing, and a warning where its date's attribute and its text name different years.</summary>
    public (Publication Publication, string? Warning) ToPublication()
    {
        var analytic = Item("analytic");
        var monogr = Item("monogr");
        var main = analytic is null ? monogr : monogr is null ? analytic : $"{analytic}. In: {monogr}";
        var rest = _entries.Where(e => e.Section.Length == 0).Select(e => e.Text);
        var text = string.Join("; ", new[] { main }.Concat(rest).Where(s => !string.IsNullOrEmpty(s)));

        var date = _entries.FirstOrDefault(e => e.Name == "date" && e.Section == "monogr")
            ?? _entries.FirstOrDefault(e => e.Name == "date");
        var (whenYear, textYear) = (YearOf(date?.When), YearOf(date?.Text));
        // The attribute is the edition's normalised claim and is kept; the disagreement is reported.
        var warning = whenYear is not null && textYear is not null && whenYear != textYear
            ? $"printing in \"{Titles("monogr") ?? text}\": date when=\"{date!.When}\" but its text says \"{date.Text}\""
            : null;
        return (new Publication
        {
            Year = whenYear ?? textYear,
            In = Titles("monogr"),
            Text = text,
        }, warning);
    }

    internal static int? YearOf(string? text)
    {
        var m = text is null ? null : Year().Match(text);
        return m is { Success: true } ? int.Parse(m.Value, CultureInfo.InvariantCulture) : null;
    }

    private string? Item(string section)
    {
        if (!_entries.Any(e => e.Section == section))
            return null;
        var head = Join(": ", Names(section, "author"), Titles(section));
        var editors = Names(section, "editor");
        if (editors is not null)
            head = Join(". ", head, "Hg. " + editors);
        head = Join(". ", head, Many(section, "respStmt", ". "));
        var date = Many(section, "date", ", ");
        var imprint = Join(" ", Join(": ", Many(section, "pubPlace", ", "), Many(section, "publisher", ", ")), date);
        if (section != "monogr")
            return Join(". ", Join(", ", head, Scopes(section, pagesToo: true), imprint), Others(section));

        var journal = _entries.Any(e => e.Section == section && e.Name == "title" && e.Qualifier == "j");
        var series = Item("series") is { } s ? $"({s})" : null;
        var line = journal
            ? Join(" ", Join(", ", head, Scopes(section, pagesToo: false), imprint, Pages(section)), series)
            : Join(", ", Join(" ", Join(". ", head, imprint), series), Scopes(section, pagesToo: true));
        return Join(". ", line, Others(section));
    }

    private string? Titles(string section) => Many(section, "title", ". ");

    private string? Names(string section, string name)
    {
        var names = _entries.Where(e => e.Section == section && e.Name == name).Select(e => TeiReader.NaturalOrder(e.Text)).ToList();
        return names.Count == 0 ? null : string.Join(", ", names);
    }

    private string? Scopes(string section, bool pagesToo)
    {
        var scopes = _entries.Where(e => e.Section == section && e.Name == "biblScope" && (pagesToo || e.Qualifier != "pp"))
            .Select(e => Scope(e.Qualifier, e.Text)).ToList();
        return scopes.Count == 0 ? null : string.Join(", ", scopes);
    }

    private string? Pages(string section)
    {
        var pages = _entries.Where(e => e.Section == section && e.Name == "biblScope" && e.Qualifier == "pp").Select(e => Scope(e.Qualifier, e.Text)).ToList();
        return pages.Count == 0 ? null : string.Join(", ", pages);
    }

    private static string Scope(string? unit, string text) => unit switch
    {
        "pp" => "S. " + text,
        "jg" => "Jg. " + text,
        "nr" => "Nr. " + text,
        "vol" => "Bd. " + text,
        "col" => "Sp. " + text,
        null or "" => text,
        _ => $"{unit} {text}",
    };

    private static readonly string[] Known = ["author", "editor", "title", "respStmt", "biblScope", "date", "pubPlace", "publisher"];

    // Parts without a place in the citation pattern (a ref, an idno) are kept at its end.
    private string? Others(string section)
    {
        var others = _entries.Where(e => e.Section == section && !Known.Contains(e.Name)).Select(e => e.Text).ToList();
        return others.Count == 0 ? null : string.Join(". ", others);
    }

    private string? Many(string section, string name, string separator)
    {
        var values = _entries.Where(e => e.Section == section && e.Name == name).Select(e => e.Text).ToList();
        return values.Count == 0 ? null : string.Join(separator, values);
    }

    private static string? Join(string separator, params string?[] parts)
    {
        string? joined = null;
        foreach (var part in parts)
        {
            if (string.IsNullOrEmpty(part))
                continue;
            if (joined is null)
                joined = part;
            // A title's own full stop ends the sentence; a second one would be ours, not the source's.
            else if (separator.StartsWith('.') && joined[^1] is '.' or '?' or '!')
                joined += separator[1..] + part;
            else
                joined += separator + part;
        }
        return joined;
    }
}
