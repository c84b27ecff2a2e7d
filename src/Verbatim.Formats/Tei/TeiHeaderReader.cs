using System.Text;
using System.Xml;
using Verbatim.Formats.Common;

namespace Verbatim.Formats.Tei;

/// <summary>
/// Streams one &lt;teiHeader&gt; into a <see cref="TeiHeader"/>: the facts Verbatim has fields for,
/// and every labelled statement of the header, known or not, as a header field in source order.
/// </summary>
/// <remarks>
/// The header is read node by node rather than loaded: it is most of a letter's file only when the
/// back matter is left out, and nothing in it needs to look ahead. An element's text is collected
/// by a capture that ends with the element; what the element means is decided when it opens, from
/// its name, its attributes and the open structure around it (witness, biblStruct, correspAction).
/// </remarks>
internal sealed class TeiHeaderReader
{
    // Stands between the texts of two sibling fields inside one capture until it is finished.
    private const char FieldBreak = '\u001F';

    // Elements that only group others: never a field themselves, though their attributes are.
    private static readonly HashSet<string> Groups =
    [
        "fileDesc", "titleStmt", "editionStmt", "publicationStmt", "availability", "sourceDesc", "listWit",
        "msDesc", "physDesc", "objectDesc", "supportDesc", "handDesc", "typeDesc", "additions", "listBibl",
        "profileDesc", "langUsage", "correspDesc", "correspContext", "revisionDesc", "imprint",
    ];

    // Elements whose children are separate facts (a postmark's place, date and time): their texts
    // are kept apart. Elsewhere content is mixed (a description quoting a word) and runs on as written.
    private static readonly HashSet<string> FieldContainers =
    [
        "stamp", "address", "placeName", "editor", "funder", "respStmt", "msIdentifier", "altIdentifier",
        "extent", "location", "monogr", "analytic", "series",
    ];

    private readonly XmlReader _reader;
    private readonly TeiHeader _header = new();
    private readonly List<string> _path = [];
    private readonly List<TextCapture> _captures = [];

    // Ordered by the depth they were opened at; an element's actions run, last first, when it closes.
    private readonly List<(int Depth, Action Action)> _onClose = [];

    private TeiWitness? _witness;
    private TeiBibl? _bibl;
    private string _biblSection = "";
    private TeiCorrespAction? _action;
    private RespStmt? _resp;

    private TeiHeaderReader(XmlReader reader) => _reader = reader;

    /// <summary>Reads from the &lt;teiHeader&gt; start tag the reader stands on to its end tag.</summary>
    public static TeiHeader Read(XmlReader reader) => new TeiHeaderReader(reader).Run();

    private TeiHeader Run()
    {
        var top = _reader.Depth;
        _path.Add(_reader.LocalName);
        if (_reader.IsEmptyElement)
            return _header;
        while (_reader.Read())
        {
            switch (_reader.NodeType)
            {
                case XmlNodeType.Element:
                    var name = _reader.LocalName;
                    var depth = _reader.Depth;
                    var empty = _reader.IsEmptyElement;
                    Open(name, depth, empty);
                    _path.Add(name);
                    if (empty)
                        Close(depth);
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    foreach (var capture in _captures)
                        capture.Append(_reader.Value);
                    break;
                case XmlNodeType.EndElement:
                    if (_reader.Depth == top)
                        return _header;
                    Close(_reader.Depth);
                    break;
            }
        }
        return _header;
    }

    private void Close(int depth)
    {
        for (var i = _onClose.Count - 1; i >= 0 && _onClose[i].Depth >= depth; i--)
        {
            var action = _onClose[i].Action;
            _onClose.RemoveAt(i);
            action();
        }
        _path.RemoveAt(_path.Count - 1);
        if (FieldContainers.Contains(_path[^1]))
            Separate();
    }

    private void Open(string name, int depth, bool empty)
    {
        var parent = _path[^1];
        if (FieldContainers.Contains(parent))
            Separate();
        if (_captures.Count > 0)
        {
            if (empty)
                AppendEmptyElement(name);
            return;
        }

        var attributes = ReadAttributes();
        // A respStmt may stand inside a biblStruct: the innermost open structure takes the element.
        if (_resp is not null)
            OpenInResp(_resp, name, depth);
        else if (_bibl is not null)
            OpenInBibl(_bibl, name, depth, attributes);
        else if (_action is not null)
            OpenInAction(_action, name, depth, attributes);
        else if (_witness is not null)
            OpenInWitness(_witness, name, parent, depth, attributes);
        else
            OpenElsewhere(name, parent, depth, attributes);
    }

    private void OpenElsewhere(string name, string parent, int depth, Attributes attributes)
    {
        switch (name)
        {
            case "title" when parent == "titleStmt":
                var level = attributes["level"];
                var type = attributes["type"];
                Capture(depth, text =>
                {
                    if (level == "a")
                    {
                        _header.Title ??= text;
                        Field("title", text);
                    }
                    else if (level == "s")
                    {
                        _header.SeriesTitle ??= text;
                        Field("series title", text);
                    }
                    else
                    {
                        if (type is null)
                            _header.OtherTitle ??= text;
                        Field("title", Describe(text, attributes));
                    }
                });
                break;
            case "author" when parent == "titleStmt":
                Capture(depth, text =>
                {
                    _header.Authors.Add(new TeiName(text, attributes["ref"]));
                    Field("author", Describe(text, attributes));
                });
                break;
            case "respStmt":
                var resp = new RespStmt();
                _resp = resp;
                OnClose(depth, () =>
                {
                    _resp = null;
                    Field("resp", $"{resp.Resp}: {string.Join("; ", resp.Names)}");
                    // The edition's transcribers are named by their responsibility, not by a role attribute.
                    if (resp.Resp is { } what && (what.Contains("Transkription", StringComparison.OrdinalIgnoreCase) || what.Contains("transcri", StringComparison.OrdinalIgnoreCase)))
                        _header.Transcribers.AddRange(resp.Names.Select(TeiReader.NaturalOrder));
                });
                break;
            case "publisher" when parent == "publicationStmt":
                Capture(depth, text =>
                {
                    _header.Publisher ??= text;
                    Field("publisher", text);
                });
                break;
            case "pubPlace" when parent == "publicationStmt":
                Capture(depth, text =>
                {
                    _header.PubPlace ??= text;
                    Field("pubPlace", text);
                });
                break;
            case "date" when parent == "publicationStmt":
                Capture(depth, text =>
                {
                    _header.PubDate ??= attributes["when"] ?? text;
                    Field("date", Describe(text, attributes));
                });
                break;
            case "idno" when parent == "publicationStmt":
                Capture(depth, text =>
                {
                    // Only an address is a link; a placeholder ("XXXX") stays a header field.
                    if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "hdl")
                        _header.Handle ??= text;
                    Field("idno", Describe(text, attributes));
                });
                break;
            case "licence":
                var target = attributes["target"];
                if (target is not null)
                {
                    _header.Licence ??= target;
                    Field("licence", target);
                }
                // The prose under a licence with a target is the licence's own deed, the same in every
                // letter; the target names it. Without a target the prose is all there is, and is kept.
                Capture(depth, text =>
                {
                    if (target is null && text.Length > 0)
                    {
                        _header.Licence ??= text;
                        Field("licence", text);
                    }
                });
                break;
            // Most TEI letters describe their one manuscript as sourceDesc/msDesc; this edition wraps
            // each manuscript in a witness. Either is one witness.
            case "witness" or "msDesc":
                var witness = new TeiWitness(attributes["n"]);
                _witness = witness;
                Field(name, Describe("", attributes));
                OnClose(depth, () =>
                {
                    _header.Witnesses.Add(witness);
                    _witness = null;
                });
                break;
            case "biblStruct" when parent == "listBibl":
                var bibl = new TeiBibl();
                _bibl = bibl;
                _biblSection = "";
                OnClose(depth, () =>
                {
                    var (publication, warning) = bibl.ToPublication();
                    _header.Published.Add(publication);
                    if (warning is not null)
                        _header.Warnings.Add(warning);
                    Field("printed", Describe(publication.Text, attributes));
                    _bibl = null;
                });
                break;
            case "bibl" when parent == "listBibl":
                Capture(depth, text =>
                {
                    _header.Published.Add(new Model.Publication { Year = TeiBibl.YearOf(text), Text = text });
                    Field("printed", Describe(text, attributes));
                });
                break;
            case "language" when parent == "langUsage":
                _header.Language ??= attributes["ident"];
                Capture(depth, text => Field("language", Describe(text, attributes)));
                break;
            case "correspDesc":
                _header.HasCorrespDesc = true;
                Group(name, attributes);
                break;
            case "correspAction":
                var action = new TeiCorrespAction(attributes["type"] ?? "correspAction");
                _action = action;
                var more = new Attributes();
                more.AddRange(attributes.Where(a => a.Name != "type"));
                if (more.Count > 0)
                    action.Parts.Add(Describe("", more));
                OnClose(depth, () =>
                {
                    _header.Actions.Add(action);
                    _action = null;
                    Field(action.Type, string.Join("; ", action.Parts));
                });
                break;
            case "ref" when parent == "correspContext":
                Capture(depth, text => Field("correspContext", Describe(text, attributes)));
                break;
            default:
                Other(name, depth, attributes);
                break;
        }
    }

    private void OpenInWitness(TeiWitness witness, string name, string parent, int depth, Attributes attributes)
    {
        switch (name)
        {
            case "objectType":
                witness.ObjectType ??= attributes["corresp"];
                Capture(depth, text => Field("objectType", Describe(text, attributes)));
                break;
            case "msIdentifier":
                OnClose(depth, () => Field("msIdentifier", witness.IdentifierText()));
                break;
            case var _ when parent == "msIdentifier":
                Capture(depth, text =>
                {
                    witness.Identifier.Add((name, text));
                    if (attributes.Count > 0)
                        Field(name, Describe(text, attributes));
                });
                break;
            case "objectDesc":
                witness.ObjectForm ??= attributes["form"];
                Group(name, attributes);
                break;
            case "handNote":
                witness.Hands.Add((attributes["medium"], attributes["corresp"]));
                Capture(depth, text => Field("handNote", Describe(text, attributes)));
                break;
            case "typeNote":
                witness.TypeMedia.Add(attributes["medium"]);
                Capture(depth, text => Field("typeNote", Describe(text, attributes)));
                break;
            default:
                Other(name, depth, attributes);
                break;
        }
    }

    private void OpenInAction(TeiCorrespAction action, string name, int depth, Attributes attributes)
    {
        Capture(depth, text =>
        {
            switch (name)
            {
                case "persName" or "orgName" or "name":
                    action.People.Add(new TeiName(text, attributes["ref"]));
                    break;
                case "date":
                    action.Dates.Add(new TeiDate(text, attributes["when"], attributes["notBefore"], attributes["notAfter"],
                        attributes["from"], attributes["to"], attributes["evidence"], attributes["cert"], attributes["precision"]));
                    break;
                case "placeName" or "settlement":
                    action.Places.Add(new TeiName(text, attributes["ref"]));
                    break;
            }
            action.Parts.Add(Describe(text, attributes));
        });
    }

    private void OpenInResp(RespStmt resp, string name, int depth)
    {
        if (name == "resp")
            Capture(depth, text => resp.Resp ??= text);
        else
            Capture(depth, resp.Names.Add);
    }

    private void OpenInBibl(TeiBibl bibl, string name, int depth, Attributes attributes)
    {
        switch (name)
        {
            case "analytic" or "monogr" or "series":
                var outer = _biblSection;
                _biblSection = name;
                OnClose(depth, () => _biblSection = outer);
                break;
            case "imprint":
                break;
            case "respStmt":
                var resp = new RespStmt();
                var section = _biblSection;
                _resp = resp;
                OnClose(depth, () =>
                {
                    _resp = null;
                    bibl.Add(section, "respStmt", null, null,
                        $"{resp.Resp} {string.Join(", ", resp.Names.Select(TeiReader.NaturalOrder))}".Trim());
                });
                break;
            case "note":
                // A note on a printing (the edition's character count of it) is about the print, not
                // part of its citation.
                Capture(depth, text => Field("printed note", Describe(text, attributes)));
                break;
            default:
                var part = _biblSection;
                var qualifier = attributes["level"] ?? attributes["unit"];
                var when = attributes["when"];
                Capture(depth, text => bibl.Add(part, name, qualifier, when, text));
                break;
        }
    }

    // An element this reader has no field for: a grouping element gives its attributes, any other
    // its whole text, so that nothing the header states is lost.
    private void Other(string name, int depth, Attributes attributes)
    {
        if (Groups.Contains(name))
            Group(name, attributes);
        else
            Capture(depth, text => Field(name, Describe(text, attributes)));
    }

    private void Group(string name, Attributes attributes)
    {
        if (attributes.Count > 0)
            Field(name, Describe("", attributes));
    }

    private void Field(string label, string value)
    {
        if (value.Length > 0)
            _header.Fields.Add(new Model.HeaderField(label, value));
    }

    private void OnClose(int depth, Action action) => _onClose.Add((depth, action));

    private void Capture(int depth, Action<string> done)
    {
        var capture = new TextCapture();
        _captures.Add(capture);
        OnClose(depth, () =>
        {
            _captures.Remove(capture);
            done(capture.Finish());
        });
    }

    private void Separate()
    {
        foreach (var capture in _captures)
            capture.Append(FieldBreak.ToString());
    }

    // Empty elements that stand for text inside a captured field.
    private void AppendEmptyElement(string name)
    {
        var text = name switch
        {
            "c" => TeiCharacters.ForEmpty(_reader.GetAttribute("rendition"), _reader.GetAttribute("n")),
            "lb" or "space" => " ",
            "gap" => " […] ",
            "measure" => $" {_reader.GetAttribute("quantity")} {_reader.GetAttribute("unit")} ",
            _ => null,
        };
        if (text is null)
            return;
        foreach (var capture in _captures)
            capture.Append(text);
    }

    private Attributes ReadAttributes()
    {
        var attributes = new Attributes();
        if (_reader.MoveToFirstAttribute())
        {
            do
            {
                if (_reader.Prefix != "xmlns" && _reader.Name != "xmlns")
                    attributes.Add(_reader.Name, _reader.Value);
            }
            while (_reader.MoveToNextAttribute());
            _reader.MoveToElement();
        }
        return attributes;
    }

    /// <summary>"text [name=value, ...]": a field's text with every attribute it carries, as written.</summary>
    internal static string Describe(string text, Attributes attributes)
    {
        if (attributes.Count == 0)
            return text;
        var list = string.Join(", ", attributes.Select(a => $"{a.Name}={a.Value}"));
        return text.Length == 0 ? list : $"{text} [{list}]";
    }

    internal sealed class Attributes : List<(string Name, string Value)>
    {
        public string? this[string name] => this.FirstOrDefault(a => a.Name == name).Value;

        public void Add(string name, string value) => Add((name, value));
    }

    private sealed class RespStmt
    {
        public string? Resp { get; set; }
        public List<string> Names { get; } = [];
    }

    private sealed class TextCapture
    {
        private readonly StringBuilder _text = new();

        public void Append(string text) => _text.Append(text);

        public string Finish() => string.Join("; ", _text.ToString().Split(FieldBreak)
            .Select(Whitespace.CollapseToLine).Where(p => p.Length > 0));
    }
}
