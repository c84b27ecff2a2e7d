using System.Xml.Linq;
using Verbatim.Archiving;
using Verbatim.Cli.Tests;
using Verbatim.Web.Tests.Hosting;

namespace Verbatim.Web.Tests.Harvesting;

/// <summary>The demo archive as `./verbatim demo` makes it, harvested: every kind of response valid against the protocol's schemas.</summary>
public sealed class DemoHarvestTests : IAsyncLifetime
{
    private static readonly XNamespace Oai = OaiHarvestArchive.Oai;
    private readonly string _archive = Path.Combine(Path.GetTempPath(), $"verbatim-demo-harvest-{Guid.NewGuid():N}");
    private Archive? _opened;
    private HostedReader? _reader;

    public async Task InitializeAsync()
    {
        var demo = CliRun.Of("demo", "--samples", Path.Combine(CliRun.RepositoryRoot, "samples"), "--archive", _archive, "--no-serve");
        Assert.True(demo.ExitCode == 0, demo.Error);
        _opened = Archive.OpenForReading(_archive);
        _reader = await HostedReader.Start(_opened, new Verbatim.Web.Hosting.ReaderOptions(Port: 0) { HarvestPageSize = 4 });
        await OaiHarvestArchive.NextSecond();
    }

    public async Task DisposeAsync()
    {
        if (_reader is not null)
            await _reader.DisposeAsync();
        _opened?.Dispose();
        Directory.Delete(_archive, recursive: true);
    }

    [Fact]
    public async Task Every_list_of_the_demo_in_every_format_and_every_other_verb_answers_valid_oai_pmh()
    {
        var answered = 0;
        foreach (var query in new[] { "verb=Identify", "verb=ListSets", "verb=ListMetadataFormats" })
        {
            Assert.Equal("", OaiValidation.Problems(XDocument.Parse(await _reader!.Client.GetStringAsync("/oai?" + query))));
            answered++;
        }
        var identifiers = new List<string>();
        foreach (var (verb, prefix) in new[] { ("ListIdentifiers", "oai_dc"), ("ListRecords", "oai_dc"), ("ListRecords", "tei"), ("ListRecords", "cmif") })
        {
            for (var ask = $"/oai?verb={verb}&metadataPrefix={prefix}"; ask is not null; answered++)
            {
                var response = XDocument.Parse(await _reader!.Client.GetStringAsync(ask));
                Assert.Equal("", OaiValidation.Problems(response, prefix));
                if (verb == "ListIdentifiers")
                    identifiers.AddRange(response.Descendants(Oai + "identifier").Select(i => i.Value));
                ask = response.Descendants(Oai + "resumptionToken").SingleOrDefault() is { Value.Length: > 0 } token
                    ? $"/oai?verb={verb}&resumptionToken={Uri.EscapeDataString(token.Value)}" : null;
            }
        }
        foreach (var identifier in identifiers)
        {
            var record = XDocument.Parse(await _reader!.Client.GetStringAsync($"/oai?verb=GetRecord&metadataPrefix=oai_dc&identifier={Uri.EscapeDataString(identifier)}"));
            Assert.Equal("", OaiValidation.Problems(record, "oai_dc"));
            answered++;
        }
        // The demo's nine documents, its two closed letters among them as deleted records (they were open before the demo closed them).
        Assert.Equal(9, identifiers.Count);
        Assert.True(answered > 20, $"{answered} responses");
    }
}
