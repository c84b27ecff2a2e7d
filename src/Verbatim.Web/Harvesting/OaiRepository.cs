using System.Globalization;
using System.Xml.Linq;
using Verbatim.Access;
using Verbatim.Formats.Cmif;
using Verbatim.Formats.DublinCore;
using Verbatim.Formats.Tei;
using Verbatim.Harvesting;
using Verbatim.Model;
using Verbatim.Searching;
using Verbatim.Web.Reading;

namespace Verbatim.Web.Harvesting;

/// <summary>Who the repository says it is (Identify) and where it is reached.</summary>
/// <param name="BaseUrl">The endpoint's address, as harvesters send requests to it.</param>
/// <param name="Rights">The rights statement of documents that state none.</param>
public sealed record OaiSite(string RepositoryName, string BaseUrl, string AdminEmail, string? Rights)
{
    /// <summary>The reader's address, where the document pages are: the base URL without its last segment ("/oai").</summary>
    public string SiteRoot => BaseUrl.EndsWith("/oai", StringComparison.Ordinal) ? BaseUrl[..^"/oai".Length] : BaseUrl.TrimEnd('/');

    /// <summary>The repository's part of every record's identifier (oai:HOST:ID).</summary>
    public string IdentifierPrefix => $"oai:{new Uri(BaseUrl).Host}:";
}

/// <summary>
/// OAI-PMH 2.0 over the reading room: the six verbs, their arguments and every error of the
/// protocol, answered for one viewer (a closed document is never named to whoever may not see
/// it, unless everyone once could: then it is a deleted record).
/// </summary>
/// <remarks>
/// A list is read in pages of the archive as it stood when the harvest began (its first request):
/// the token carries that moment, and each page gives every document at its latest version made
/// by then, in order of that version's time and then of id, after the last one given. A write in
/// between neither moves a record nor adds one, so the harvest gives each record that existed
/// when it began exactly once; what was written since is for the next harvest, whose "from" is
/// this one's responseDate. The moment is the start of the second before the first request's
/// (datestamps are whole seconds), so a version made later in that second is in the next harvest,
/// never in both.
/// </remarks>
public sealed class OaiRepository(ReadingRoom room, Viewer viewer, OaiSite site, DateTimeOffset now, int pageSize)
{
    public static readonly XNamespace Oai = "http://www.openarchives.org/OAI/2.0/";
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    private sealed record MetadataFormat(string Prefix, string Schema, string Namespace);

    private static readonly MetadataFormat[] Formats =
    [
        new("oai_dc", OaiDcWriter.SchemaLocation, OaiDcWriter.OaiDc.NamespaceName),
        new("tei", "https://www.tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng", TeiWriter.Tei.NamespaceName),
        new("cmif", "https://raw.githubusercontent.com/TEI-Correspondence-SIG/CMIF/master/schema/cmi-customization.rng", TeiWriter.Tei.NamespaceName),
    ];

    private const string Cmif = "cmif";

    // Each verb's arguments: those it needs, those it may take, and the one that stands alone.
    private static readonly Dictionary<string, (string[] Required, string[] Optional, string? Exclusive)> Verbs = new(StringComparer.Ordinal)
    {
        ["Identify"] = ([], [], null),
        ["ListMetadataFormats"] = ([], ["identifier"], null),
        ["ListSets"] = ([], [], "resumptionToken"),
        ["GetRecord"] = (["identifier", "metadataPrefix"], [], null),
        ["ListIdentifiers"] = (["metadataPrefix"], ["from", "until", "set"], "resumptionToken"),
        ["ListRecords"] = (["metadataPrefix"], ["from", "until", "set"], "resumptionToken"),
    };

    private sealed class ProtocolError(string code, string message) : Exception(message)
    {
        public string Code { get; } = code;
    }

    /// <summary>The response to a request of these arguments (each name with every value it was given).</summary>
    public XDocument Answer(IReadOnlyDictionary<string, string[]> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var request = new XElement(Oai + "request", site.BaseUrl);
        XElement body;
        try
        {
            var verb = CheckArguments(arguments);
            // Only a request whose verb and arguments are right is echoed with them (the schema
            // holds an echoed date to the protocol's form, so a date is checked first).
            Bounds(arguments.GetValueOrDefault("from")?[0], arguments.GetValueOrDefault("until")?[0]);
            foreach (var (name, values) in arguments.OrderBy(a => a.Key, StringComparer.Ordinal))
                request.Add(new XAttribute(name, values[0]));
            var given = arguments.ToDictionary(a => a.Key, a => a.Value[0], StringComparer.Ordinal);
            body = verb switch
            {
                "Identify" => Identify(),
                "ListMetadataFormats" => ListMetadataFormats(given.GetValueOrDefault("identifier")),
                "ListSets" => ListSets(given.GetValueOrDefault("resumptionToken")),
                "GetRecord" => GetRecord(given["identifier"], given["metadataPrefix"]),
                _ => List(verb, given),
            };
        }
        catch (ProtocolError error)
        {
            body = new XElement(Oai + "error", new XAttribute("code", error.Code), error.Message);
        }
        return new XDocument(new XDeclaration("1.0", "UTF-8", null),
            new XElement(Oai + "OAI-PMH",
                new XAttribute(XNamespace.Xmlns + "xsi", Xsi),
                new XAttribute(Xsi + "schemaLocation", $"{Oai} http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"),
                new XElement(Oai + "responseDate", Datestamp(now)),
                request,
                body));
    }

    /// <summary>The verb, once the arguments are right for it.</summary>
    private static string CheckArguments(IReadOnlyDictionary<string, string[]> arguments)
    {
        if (!arguments.TryGetValue("verb", out var verbs) || verbs.Length != 1 || !Verbs.TryGetValue(verbs[0], out var allowed))
        {
            throw new ProtocolError("badVerb", verbs is null ? "the request names no verb"
                : verbs.Length > 1 ? "the request names the verb more than once"
                : $"'{verbs[0]}' is not a verb of OAI-PMH: Identify, ListMetadataFormats, ListSets, GetRecord, ListIdentifiers, ListRecords");
        }
        var verb = verbs[0];
        var others = arguments.Keys.Where(k => k != "verb").ToList();
        if (arguments.FirstOrDefault(a => a.Value.Length > 1) is { Key: { } repeated })
            throw new ProtocolError("badArgument", $"the argument '{repeated}' is given more than once");
        if (others.FirstOrDefault(k => !allowed.Required.Contains(k) && !allowed.Optional.Contains(k) && k != allowed.Exclusive) is { } unknown)
            throw new ProtocolError("badArgument", $"{verb} takes no argument '{unknown}'");
        if (allowed.Exclusive is { } exclusive && others.Contains(exclusive))
        {
            if (others.Count > 1)
                throw new ProtocolError("badArgument", $"{exclusive} is the only argument {verb} takes beside it");
            return verb;
        }
        if (allowed.Required.FirstOrDefault(r => !others.Contains(r)) is { } missing)
            throw new ProtocolError("badArgument", $"{verb} needs the argument '{missing}'");
        return verb;
    }

    private XElement Identify()
    {
        var earliest = room.Harvest(viewer, new HarvestQuery(HarvestMoment) { Limit = 1 }, withTotal: false).Records.FirstOrDefault()?.Entry.Created ?? now;
        var identify = new XElement(Oai + "Identify",
            new XElement(Oai + "repositoryName", site.RepositoryName),
            new XElement(Oai + "baseURL", site.BaseUrl),
            new XElement(Oai + "protocolVersion", "2.0"),
            new XElement(Oai + "adminEmail", site.AdminEmail),
            new XElement(Oai + "earliestDatestamp", Datestamp(earliest)),
            new XElement(Oai + "deletedRecord", "persistent"),
            new XElement(Oai + "granularity", "YYYY-MM-DDThh:mm:ssZ"));
        return identify;
    }

    private XElement ListMetadataFormats(string? identifier)
    {
        var formats = Formats.AsEnumerable();
        if (identifier is not null)
        {
            var found = Find(identifier);
            if (found.Records[0] is { Deleted: false } record && !IsLetter(Read(found, record).Document))
                formats = formats.Where(f => f.Prefix != Cmif);
        }
        return new XElement(Oai + "ListMetadataFormats", formats.Select(f => new XElement(Oai + "metadataFormat",
            new XElement(Oai + "metadataPrefix", f.Prefix),
            new XElement(Oai + "schema", f.Schema),
            new XElement(Oai + "metadataNamespace", f.Namespace))));
    }

    private XElement ListSets(string? token)
    {
        if (token is not null)
            throw new ProtocolError("badResumptionToken", "the list of sets is given whole: it has no resumption token");
        var sets = room.Sets(viewer).All.ToList();
        if (sets.Count == 0)
            throw new ProtocolError("noSetHierarchy", "no document is in any set");
        return new XElement(Oai + "ListSets", sets.Select(s => new XElement(Oai + "set",
            new XElement(Oai + "setSpec", s.Spec),
            new XElement(Oai + "setName", s.Name))));
    }

    private XElement GetRecord(string identifier, string prefix)
    {
        var format = FormatOf(prefix);
        var found = Find(identifier);
        return new XElement(Oai + "GetRecord", Record(found, found.Records[0], format, headersOnly: false));
    }

    private XElement List(string verb, IReadOnlyDictionary<string, string> given)
    {
        var headersOnly = verb == "ListIdentifiers";
        ResumptionToken? resumed = null;
        HarvestQuery query;
        string prefix;
        if (given.TryGetValue("resumptionToken", out var token))
        {
            resumed = ResumptionToken.Read(token) ?? throw new ProtocolError("badResumptionToken", "the resumption token is not one this repository gave");
            prefix = resumed.MetadataPrefix;
            query = QueryOf(FormatOf(prefix), resumed.Set, resumed.From, resumed.Until, DateTimeOffset.FromUnixTimeMilliseconds(resumed.AsOf)) with
            {
                After = new HarvestEntry(resumed.AfterId, 0, DateTimeOffset.FromUnixTimeMilliseconds(resumed.AfterCreated)),
            };
        }
        else
        {
            prefix = given["metadataPrefix"];
            var format = FormatOf(prefix);
            var (from, until) = Bounds(given.GetValueOrDefault("from"), given.GetValueOrDefault("until"));
            query = QueryOf(format, given.GetValueOrDefault("set"), from, until, HarvestMoment);
        }
        // One more than a page: whether there is a next page is known without counting again.
        var harvested = room.Harvest(viewer, query with { Limit = pageSize + 1 }, withTotal: resumed is null);
        var records = harvested.Records;
        if (records.Count == 0)
            throw new ProtocolError("noRecordsMatch", "no record matches the request");
        var cursor = resumed?.Cursor ?? 0;
        var size = harvested.Total ?? resumed!.CompleteListSize;
        var page = records.Take(pageSize).ToList();
        var list = new XElement(Oai + verb, page.Select(r => Record(harvested, r, FormatOf(prefix), headersOnly)));
        if (records.Count > pageSize)
        {
            var last = page[^1].Entry;
            var next = new ResumptionToken(query.AsOf.ToUnixTimeMilliseconds(), prefix, resumed?.Set ?? given.GetValueOrDefault("set"),
                query.From?.ToUnixTimeMilliseconds(), query.Until?.ToUnixTimeMilliseconds(),
                last.Created.ToUnixTimeMilliseconds(), last.Id, cursor + page.Count, Math.Max(size, cursor + page.Count + 1));
            list.Add(new XElement(Oai + "resumptionToken", new XAttribute("completeListSize", next.CompleteListSize), new XAttribute("cursor", cursor), next.Write()));
        }
        else if (resumed is not null)
        {
            // The last page of a list given in pages ends it with an empty token.
            list.Add(new XElement(Oai + "resumptionToken", new XAttribute("completeListSize", Math.Max(size, cursor + page.Count)), new XAttribute("cursor", cursor)));
        }
        return list;
    }

    private HarvestQuery QueryOf(MetadataFormat format, string? setSpec, long? from, long? until, DateTimeOffset asOf)
        => QueryOf(format, setSpec, from is { } f ? DateTimeOffset.FromUnixTimeMilliseconds(f) : null, until is { } u ? DateTimeOffset.FromUnixTimeMilliseconds(u) : null, asOf);

    private HarvestQuery QueryOf(MetadataFormat format, string? setSpec, DateTimeOffset? from, DateTimeOffset? until, DateTimeOffset asOf)
    {
        HarvestSet? set = null;
        if (setSpec is not null)
        {
            // A set no document the viewer may see is in is answered as one that holds nothing.
            set = room.Sets(viewer).Find(setSpec)?.Set ?? throw new ProtocolError("noRecordsMatch", $"no record is in the set '{setSpec}'");
        }
        return new HarvestQuery(asOf) { From = from, Until = until, Set = set, CorrespondenceOnly = format.Prefix == Cmif };
    }

    /// <summary>
    /// The moment a new harvest is of: the end of the second before the one it began in, so that a
    /// version made later in this second, whose datestamp is this second, waits for the next harvest.
    /// </summary>
    private DateTimeOffset HarvestMoment => DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds()).AddMilliseconds(-1);

    private XElement Record(HarvestPage harvested, HarvestRecord record, MetadataFormat format, bool headersOnly)
    {
        var header = new XElement(Oai + "header",
            new XElement(Oai + "identifier", site.IdentifierPrefix + record.Entry.Id),
            new XElement(Oai + "datestamp", Datestamp(record.Entry.Created)));
        if (record.Deleted)
        {
            header.Add(new XAttribute("status", "deleted"));
            return headersOnly ? header : new XElement(Oai + "record", header);
        }
        var view = Read(harvested, record);
        header.Add(SetSpecs.SpecsOf(view.Document).Select(s => new XElement(Oai + "setSpec", s)));
        if (headersOnly)
            return header;
        if (format.Prefix == Cmif && !IsLetter(view.Document))
            throw new ProtocolError("cannotDisseminateFormat", $"{record.Entry.Id} is not a letter with a sender and an addressee: it has no CMIF form");
        return new XElement(Oai + "record", header, new XElement(Oai + "metadata", Metadata(view.Document, record.Entry, format)));
    }

    private XElement Metadata(Document document, HarvestEntry entry, MetadataFormat format)
    {
        var page = $"{site.SiteRoot}/documents/{entry.Id}";
        return format.Prefix switch
        {
            "oai_dc" => OaiDcWriter.Write(document, [page, site.IdentifierPrefix + entry.Id], site.Rights, id => $"{site.SiteRoot}/documents/{id}"),
            "tei" => TeiWriter.Write(document).Root!,
            _ => CmifWriter.Build(new CmifFile($"{site.RepositoryName}: {document.Title}", site.RepositoryName, site.RepositoryName,
                $"{site.BaseUrl}?verb=GetRecord&metadataPrefix=cmif&identifier={Uri.EscapeDataString(site.IdentifierPrefix + entry.Id)}", entry.Created)
            {
                EditorEmail = site.AdminEmail,
                ArchiveBibl = site.RepositoryName,
            }, [document]).Xml.Root!,
        };
    }

    private StoredView Read(HarvestPage harvested, HarvestRecord record)
        => harvested.Read(record) ?? throw new ProtocolError("idDoesNotExist", $"{site.IdentifierPrefix}{record.Entry.Id} is not in this repository");

    private static bool IsLetter(Document document)
        => document.Authors.Count > 0 && document.Addressees.Count > 0 && document.Kind != DocumentKind.Compilation;

    /// <summary>The page of the one record the identifier names.</summary>
    private HarvestPage Find(string identifier)
    {
        var id = identifier.StartsWith(site.IdentifierPrefix, StringComparison.Ordinal) ? identifier[site.IdentifierPrefix.Length..] : null;
        return (id is null ? null : room.HarvestRecordOf(viewer, id, now))
            ?? throw new ProtocolError("idDoesNotExist", $"'{identifier}' is not the identifier of a record of this repository");
    }

    private static MetadataFormat FormatOf(string prefix)
        => Formats.FirstOrDefault(f => f.Prefix == prefix)
            ?? throw new ProtocolError("cannotDisseminateFormat", $"'{prefix}' is not a metadata format of this repository: {string.Join(", ", Formats.Select(f => f.Prefix))}");

    /// <summary>from and until as inclusive bounds: a day from its first millisecond to its last, a second likewise.</summary>
    private static (DateTimeOffset? From, DateTimeOffset? Until) Bounds(string? from, string? until)
    {
        var (start, startGranularity) = from is null ? (null, null) : ParseDate(from, "from");
        var (end, endGranularity) = until is null ? (null, null) : ParseDate(until, "until");
        if (startGranularity is not null && endGranularity is not null && startGranularity != endGranularity)
            throw new ProtocolError("badArgument", "from and until are given at different granularities (one a day, the other a second)");
        var last = end is { } e ? e + (endGranularity == Day ? TimeSpan.FromDays(1) : TimeSpan.FromSeconds(1)) - TimeSpan.FromMilliseconds(1) : (DateTimeOffset?)null;
        if (start > last)
            throw new ProtocolError("badArgument", $"from ({from}) is later than until ({until})");
        return (start, last);
    }

    private static readonly TimeSpan Day = TimeSpan.FromDays(1);
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private static (DateTimeOffset? Date, TimeSpan? Granularity) ParseDate(string value, string argument)
    {
        if (DateTimeOffset.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var day))
            return (day, Day);
        if (DateTimeOffset.TryParseExact(value, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var second))
            return (second, Second);
        throw new ProtocolError("badArgument", $"{argument} '{value}' is not a date of the repository's granularity: YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ");
    }

    private static string Datestamp(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
