using System.Xml.Linq;
using Verbatim.Access;
using Verbatim.Model;
using Verbatim.Storing;
using Verbatim.Web.Reading;

namespace Verbatim.Web.Tests.Harvesting;

/// <summary>
/// A harvest with writes in the middle of it, as a big repository meets them every day: new
/// documents, corrections of records given and not yet given, a withdrawal. The harvest begun
/// before them gives every record that existed when it began exactly once, as it stood then;
/// the next harvest, from the first one's responseDate, gives what was written.
/// </summary>
public sealed class HarvestUnderWritesTests : IAsyncLifetime
{
    private static readonly XNamespace Oai = OaiHarvestArchive.Oai;
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly StoreUser Editor = new("Editor", "mailto:editor@example.org");
    private readonly OaiHarvestArchive _served = new();

    public Task InitializeAsync() => _served.InitializeAsync();

    public Task DisposeAsync() => _served.DisposeAsync();

    private sealed record Harvested(string Id, string Datestamp, bool Deleted, string? Date);

    private static List<Harvested> Records(XDocument response)
        => [.. response.Descendants(Oai + "record").Select(r => new Harvested(
            r.Element(Oai + "header")!.Element(Oai + "identifier")!.Value[OaiHarvestArchive.IdentifierPrefix.Length..],
            r.Element(Oai + "header")!.Element(Oai + "datestamp")!.Value,
            (string?)r.Element(Oai + "header")!.Attribute("status") == "deleted",
            r.Descendants(Dc + "date").FirstOrDefault()?.Value))];

    private static string? Token(XDocument response) => response.Descendants(Oai + "resumptionToken").SingleOrDefault()?.Value is { Length: > 0 } token ? token : null;

    [Fact]
    public async Task A_harvest_begun_before_writes_gives_every_record_of_its_start_once_and_the_next_gives_the_writes()
    {
        var first = await _served.Get("verb=ListRecords&metadataPrefix=oai_dc");
        var began = first.Root!.Element(Oai + "responseDate")!.Value;
        var harvested = Records(first);
        var existing = _served.Archive.List(new Searching.WorkFilter()).Select(w => w.Id).Where(id => id != _served.NeverOpen).ToList();
        var given = harvested[0].Id;
        var notYet = existing.Where(id => harvested.All(h => h.Id != id) && id != OaiHarvestArchive.Withdrawn).Order(StringComparer.Ordinal).ToList();
        var (corrected, withdrawn) = (notYet[^1], notYet[^2]);
        var dateBefore = Formats.DublinCore.OaiDcWriter.Edtf(_served.Archive.Show(corrected)!.Written!);

        await OaiHarvestArchive.NextSecond();
        var options = new Archiving.IngestOptions("auto", "written during a harvest", Editor);
        var added = _served.Archive.Ingest([RepositoryPaths.Shared("corpus", "schnitzler-tei", "L00022.xml"), RepositoryPaths.Shared("corpus", "schnitzler-tei", "L00015.xml")], options).Documents.Select(d => d.Id).ToList();
        Assert.Equal(2, added.Count);
        _served.Archive.Correct(corrected, new Dictionary<CorrectableField, string> { [CorrectableField.Date] = "1800-01-01" }, "a date put right during a harvest", Editor);
        _served.Archive.Correct(given, new Dictionary<CorrectableField, string> { [CorrectableField.Date] = "1800-01-02" }, "a date put right during a harvest", Editor);
        _served.Archive.SetAccess(withdrawn, DocumentAccess.WithdrawnBecause("withdrawn during a harvest"), "withdrawn during a harvest", Editor);
        // The server reads the catalog's new state within its recheck.
        await Task.Delay(ReadingRoom.Recheck * 3);

        for (var token = Token(first); token is not null;)
        {
            var page = await _served.Get($"verb=ListRecords&resumptionToken={Uri.EscapeDataString(token)}");
            Assert.Equal("", OaiValidation.Problems(page, "oai_dc"));
            harvested.AddRange(Records(page));
            token = Token(page);
        }

        Assert.Equal(existing.Order(StringComparer.Ordinal), harvested.Select(h => h.Id).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(harvested, h => added.Contains(h.Id));
        // As the record stood when the harvest began, or deleted where it may no longer be shown.
        Assert.Equal(dateBefore, harvested.Single(h => h.Id == corrected).Date);
        Assert.True(harvested.Single(h => h.Id == withdrawn).Deleted);

        // The next harvest, from where the first began, gives what was written since: and nothing else.
        await OaiHarvestArchive.NextSecond();
        var next = new List<Harvested>();
        for (var ask = $"verb=ListRecords&metadataPrefix=oai_dc&from={began}"; ask is not null;)
        {
            var page = await _served.Get(ask);
            next.AddRange(Records(page));
            ask = Token(page) is { } token ? $"verb=ListRecords&resumptionToken={Uri.EscapeDataString(token)}" : null;
        }
        Assert.Equal(added.Concat([corrected, given, withdrawn]).Order(StringComparer.Ordinal), next.Select(h => h.Id).Order(StringComparer.Ordinal));
        Assert.Equal("1800-01-01", next.Single(h => h.Id == corrected).Date);
        Assert.True(next.Single(h => h.Id == withdrawn).Deleted);
    }

    /// <summary>
    /// A request begun in one edition of the archive and read on after the server has taken up the
    /// next must not fail on a document closed between the two. The race is one of timing: before
    /// the page and its reads were of one edition, about one run in three met it.
    /// </summary>
    [Fact]
    public async Task A_record_withdrawn_while_the_server_reads_its_next_edition_is_given_or_deleted_never_an_error()
    {
        var letter = _served.Archive.List(new Searching.WorkFilter()).Select(w => w.Id)
            .First(id => id != _served.NeverOpen && id != OaiHarvestArchive.Withdrawn);
        var identifier = Uri.EscapeDataString(OaiHarvestArchive.IdentifierPrefix + letter);
        var errors = new List<string>();
        for (var round = 0; round < 20; round++)
        {
            var access = round % 2 == 0 ? DocumentAccess.WithdrawnBecause("withdrawn for a while") : DocumentAccess.Open;
            _served.Archive.SetAccess(letter, access, "access changed during harvests", Editor);
            // Past the server's recheck: the next request is answered from the edition before the
            // change while the one after it is read beside it.
            await Task.Delay(ReadingRoom.Recheck + TimeSpan.FromMilliseconds(50));
            foreach (var query in new[] { $"verb=GetRecord&metadataPrefix=oai_dc&identifier={identifier}", "verb=ListRecords&metadataPrefix=oai_dc" })
            {
                var page = await _served.Get(query);
                errors.AddRange(page.Descendants(Oai + "error").Select(e => $"round {round}, {query}: {(string?)e.Attribute("code")} {e.Value}"));
            }
        }
        Assert.Empty(errors);
    }
}
