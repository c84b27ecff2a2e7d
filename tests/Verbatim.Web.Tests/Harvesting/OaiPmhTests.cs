using System.Net;
using System.Xml.Linq;
using Verbatim.Archiving;

namespace Verbatim.Web.Tests.Harvesting;

/// <summary>OAI-PMH at /oai as a harvester meets it: every verb, every error, paging, sets and deleted records, each response valid against the protocol's schemas.</summary>
public sealed class OaiPmhTests(OaiHarvestArchive served) : IClassFixture<OaiHarvestArchive>
{
    private static readonly XNamespace Oai = OaiHarvestArchive.Oai;
    private const string Letter = "lenin-1921-10-20-to-stalin";
    private const string Article = "trotsky-1930-03-22-with-lenin-against-stalin";

    private static string Id(string document) => Uri.EscapeDataString(OaiHarvestArchive.IdentifierPrefix + document);

    [Theory]
    [InlineData("verb=Identify", null)]
    [InlineData("verb=ListMetadataFormats", null)]
    [InlineData("verb=ListSets", null)]
    [InlineData("verb=ListIdentifiers&metadataPrefix=oai_dc", null)]
    [InlineData("verb=ListRecords&metadataPrefix=oai_dc", "oai_dc")]
    [InlineData("verb=ListRecords&metadataPrefix=tei", "tei")]
    [InlineData("verb=ListRecords&metadataPrefix=cmif", "cmif")]
    [InlineData("verb=ListRecords&metadataPrefix=oai_dc&set=collection:lenin-collected-works:45", "oai_dc")]
    [InlineData("verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:archive.example.org:" + Letter, "oai_dc")]
    [InlineData("verb=GetRecord&metadataPrefix=tei&identifier=oai:archive.example.org:" + Article, "tei")]
    [InlineData("verb=GetRecord&metadataPrefix=cmif&identifier=oai:archive.example.org:" + Letter, "cmif")]
    [InlineData("verb=GetRecord&metadataPrefix=tei&identifier=oai:archive.example.org:" + OaiHarvestArchive.Withdrawn, null)]
    public async Task Every_verb_answers_with_a_valid_response(string query, string? prefix)
    {
        var response = await served.Get(query);

        Assert.Empty(response.Descendants(Oai + "error"));
        Assert.Equal("", OaiValidation.Problems(response, prefix));
    }

    [Theory]
    [InlineData("", "badVerb")]
    [InlineData("verb=Harvest", "badVerb")]
    [InlineData("verb=Identify&verb=ListSets", "badVerb")]
    [InlineData("verb=Identify&identifier=x", "badArgument")]
    [InlineData("verb=GetRecord&identifier=oai:archive.example.org:" + Letter, "badArgument")]
    [InlineData("verb=ListRecords", "badArgument")]
    [InlineData("verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=tei", "badArgument")]
    [InlineData("verb=ListRecords&metadataPrefix=oai_dc&from=yesterday", "badArgument")]
    [InlineData("verb=ListRecords&metadataPrefix=oai_dc&from=2026-01-01&until=2026-01-01T00:00:00Z", "badArgument")]
    [InlineData("verb=ListRecords&metadataPrefix=oai_dc&from=2026-02-01&until=2026-01-01", "badArgument")]
    [InlineData("verb=ListRecords&metadataPrefix=oai_dc&resumptionToken=x", "badArgument")]
    [InlineData("verb=ListRecords&resumptionToken=not-a-token", "badResumptionToken")]
    [InlineData("verb=ListSets&resumptionToken=x", "badResumptionToken")]
    [InlineData("verb=ListRecords&metadataPrefix=marc21", "cannotDisseminateFormat")]
    [InlineData("verb=GetRecord&metadataPrefix=cmif&identifier=oai:archive.example.org:" + Article, "cannotDisseminateFormat")]
    [InlineData("verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:archive.example.org:no-such-document", "idDoesNotExist")]
    [InlineData("verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:elsewhere.org:" + Letter, "idDoesNotExist")]
    [InlineData("verb=ListMetadataFormats&identifier=oai:archive.example.org:no-such-document", "idDoesNotExist")]
    [InlineData("verb=ListRecords&metadataPrefix=oai_dc&from=2100-01-01", "noRecordsMatch")]
    [InlineData("verb=ListRecords&metadataPrefix=oai_dc&until=1999-12-31", "noRecordsMatch")]
    [InlineData("verb=ListIdentifiers&metadataPrefix=oai_dc&set=author:nobody", "noRecordsMatch")]
    public async Task Every_error_of_the_protocol_is_answered_with_its_code_and_a_valid_response(string query, string code)
    {
        var response = await served.Get(query);

        Assert.Equal(code, (string?)Assert.Single(response.Descendants(Oai + "error")).Attribute("code"));
        Assert.Equal("", OaiValidation.Problems(response));
        // The request is echoed with its arguments only where they were right for the verb.
        var echoed = response.Root!.Element(Oai + "request")!;
        Assert.Equal(OaiHarvestArchive.BaseUrl, echoed.Value);
        Assert.Equal(code is "badVerb" or "badArgument", !echoed.Attributes().Any());
    }

    [Fact]
    public async Task Identify_says_what_the_owner_set_and_keeps_deleted_records_for_good()
    {
        var identify = (await served.Get("verb=Identify")).Root!.Element(Oai + "Identify")!;

        Assert.Equal("Harvest test archive", identify.Element(Oai + "repositoryName")!.Value);
        Assert.Equal(OaiHarvestArchive.BaseUrl, identify.Element(Oai + "baseURL")!.Value);
        Assert.Equal("keeper@example.org", identify.Element(Oai + "adminEmail")!.Value);
        Assert.Equal("persistent", identify.Element(Oai + "deletedRecord")!.Value);
        Assert.Equal("YYYY-MM-DDThh:mm:ssZ", identify.Element(Oai + "granularity")!.Value);
        var earliest = DateTimeOffset.Parse(identify.Element(Oai + "earliestDatestamp")!.Value, System.Globalization.CultureInfo.InvariantCulture);
        // The earliest first version of a document a harvester may see (the ingest may cross a second).
        var first = served.Archive.List(new Searching.WorkFilter()).Where(w => w.Id != served.NeverOpen).Min(w => served.Archive.History(w.Id)[0].Created);
        Assert.Equal(first, earliest);
    }

    [Fact]
    public async Task By_post_a_form_is_answered_as_the_same_request_by_get()
    {
        var query = $"verb=GetRecord&metadataPrefix=oai_dc&identifier={Id(Letter)}";
        using var form = new FormUrlEncodedContent([new("verb", "GetRecord"), new("metadataPrefix", "oai_dc"), new("identifier", OaiHarvestArchive.IdentifierPrefix + Letter)]);
        var posted = await served.Reader.Client.PostAsync("/oai", form);
        var asked = await served.Reader.Client.GetStringAsync("/oai?" + query);

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal(Without(XDocument.Parse(asked), "responseDate"), Without(XDocument.Parse(await posted.Content.ReadAsStringAsync()), "responseDate"));
    }

    private static string Without(XDocument response, string element)
    {
        response.Descendants(Oai + element).Remove();
        return response.ToString();
    }

    [Fact]
    public async Task A_list_in_pages_gives_every_record_once_with_its_cursor_and_size()
    {
        var (records, tokens) = await HarvestAll("verb=ListIdentifiers&metadataPrefix=oai_dc");

        var expected = served.Archive.List(new Searching.WorkFilter()).Select(w => w.Id).Where(id => id != served.NeverOpen).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, records.Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.Equal(records.Count, records.Select(r => r.Id).Distinct().Count());
        // Every page but the last has a token; each says where the page begins in the whole list and how long the list is.
        Assert.Equal((expected.Count + OaiHarvestArchive.PageSize - 1) / OaiHarvestArchive.PageSize, tokens.Count);
        Assert.Equal(Enumerable.Range(0, tokens.Count).Select(i => i * OaiHarvestArchive.PageSize), tokens.Select(t => (int)t.Attribute("cursor")!));
        Assert.All(tokens, t => Assert.Equal(expected.Count, (int)t.Attribute("completeListSize")!));
        Assert.Equal("", tokens[^1].Value);
        // In order of datestamp, then of id.
        Assert.Equal(records.OrderBy(r => r.Datestamp, StringComparer.Ordinal).ThenBy(r => r.Id, StringComparer.Ordinal), records);
    }

    /// <summary>Every header of a list, page after page, with the resumption token of each page (the first page's token is the second element, and so on).</summary>
    private async Task<(List<(string Id, string Datestamp, bool Deleted)> Records, List<XElement> Tokens)> HarvestAll(string query)
    {
        var records = new List<(string, string, bool)>();
        var tokens = new List<XElement>();
        var verb = query.Split('&')[0];
        for (var ask = query; ask is not null;)
        {
            var response = await served.Get(ask);
            Assert.Equal("", OaiValidation.Problems(response));
            foreach (var header in response.Descendants(Oai + "header"))
                records.Add((header.Element(Oai + "identifier")!.Value[OaiHarvestArchive.IdentifierPrefix.Length..], header.Element(Oai + "datestamp")!.Value, (string?)header.Attribute("status") == "deleted"));
            var token = response.Descendants(Oai + "resumptionToken").SingleOrDefault();
            if (token is not null)
                tokens.Add(token);
            ask = token is { Value.Length: > 0 } ? $"{verb}&resumptionToken={Uri.EscapeDataString(token.Value)}" : null;
        }
        return (records, tokens);
    }

    [Fact]
    public async Task A_withdrawn_document_is_a_deleted_record_and_one_never_open_is_not_named()
    {
        var (records, _) = await HarvestAll("verb=ListIdentifiers&metadataPrefix=oai_dc");
        Assert.True(Assert.Single(records, r => r.Id == OaiHarvestArchive.Withdrawn).Deleted);
        Assert.DoesNotContain(records, r => r.Id == served.NeverOpen);

        var withdrawn = (await served.Get($"verb=GetRecord&metadataPrefix=oai_dc&identifier={Id(OaiHarvestArchive.Withdrawn)}")).Descendants(Oai + "record").Single();
        Assert.Equal("deleted", (string?)withdrawn.Element(Oai + "header")!.Attribute("status"));
        Assert.Null(withdrawn.Element(Oai + "metadata"));
        var neverOpen = await served.Get($"verb=GetRecord&metadataPrefix=oai_dc&identifier={Id(served.NeverOpen)}");
        Assert.Equal("idDoesNotExist", (string?)neverOpen.Descendants(Oai + "error").Single().Attribute("code"));
        // The never-open letter's author is in no set either.
        Assert.DoesNotContain((await served.Get("verb=ListSets")).Descendants(Oai + "setName"), s => s.Value.Contains("Conrad", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_set_holds_the_documents_of_its_collection_volume_author_or_kind()
    {
        var sets = (await served.Get("verb=ListSets")).Descendants(Oai + "setSpec").Select(s => s.Value).ToList();
        Assert.Contains("collection:lenin-collected-works", sets);
        Assert.Contains("collection:lenin-collected-works:45", sets);
        Assert.Contains("author:v-i-lenin", sets);
        Assert.Contains("kind:article", sets);

        var (lenin, _) = await HarvestAll("verb=ListIdentifiers&metadataPrefix=oai_dc&set=author:v-i-lenin");
        var byLenin = served.Archive.List(new Searching.WorkFilter { Author = "V. I. Lenin" }).Select(w => w.Id).Order(StringComparer.Ordinal);
        Assert.Equal(byLenin, lenin.Select(r => r.Id).Order(StringComparer.Ordinal));
        var (articles, _) = await HarvestAll("verb=ListIdentifiers&metadataPrefix=oai_dc&set=kind:article");
        Assert.Equal([Article], articles.Select(r => r.Id));
    }

    [Fact]
    public async Task Cmif_is_given_for_letters_only_and_listed_as_a_format_of_a_letter_only()
    {
        var (letters, _) = await HarvestAll("verb=ListIdentifiers&metadataPrefix=cmif");
        Assert.Contains(letters, r => r.Id == Letter);
        Assert.DoesNotContain(letters, r => r.Id == Article);

        static IEnumerable<string> Prefixes(XDocument formats) => formats.Descendants(Oai + "metadataPrefix").Select(p => p.Value);
        Assert.Equal(["oai_dc", "tei", "cmif"], Prefixes(await served.Get($"verb=ListMetadataFormats&identifier={Id(Letter)}")));
        Assert.Equal(["oai_dc", "tei"], Prefixes(await served.Get($"verb=ListMetadataFormats&identifier={Id(Article)}")));
    }

    [Fact]
    public async Task Oai_dc_says_who_wrote_when_from_which_edition_under_which_rights()
    {
        XNamespace dc = "http://purl.org/dc/elements/1.1/";
        var record = (await served.Get($"verb=GetRecord&metadataPrefix=oai_dc&identifier={Id("lenin-1921-05-30-to-lutovinov")}")).Descendants(Oai + "metadata").Single();
        string[] Values(string element) => [.. record.Descendants(dc + element).Select(e => e.Value)];

        Assert.Equal(["To Lutovinov"], Values("title"));
        Assert.Equal(["V. I. Lenin"], Values("creator"));
        Assert.Equal(["1921-05-30"], Values("date"));
        Assert.Equal(["Progress Publishers"], Values("publisher"));
        Assert.Contains("Lenin Collected Works, Progress Publishers, 1976, Moscow, Volume 45, pages 160b-165.", Values("source"));
        Assert.Contains("First published in part in 1957 in the magazine Voprosy Istorii KPSS No. 2.", Values("relation"));
        Assert.Equal(["en"], Values("language"));
        Assert.Contains("https://archive.example.org/documents/lenin-1921-05-30-to-lutovinov", Values("identifier"));
        Assert.Single(Values("rights"));
        Assert.Equal(["Letter from V. I. Lenin to Lutovinov"], Values("description"));
    }
}
