using Microsoft.AspNetCore.Builder;
using Verbatim.Archiving;
using Verbatim.Cli.Tests;
using Verbatim.Storing;
using Verbatim.Web.Hosting;

namespace Verbatim.Web.Tests.Hosting;

/// <summary>
/// The real reader on Kestrel (127.0.0.1, a free port) over an archive built in a temporary
/// folder from samples/, the seed pages (one of them a compilation), a source carrying markup
/// that must never run, and a second version of one letter.
/// </summary>
public sealed class ReaderFixture : IAsyncLifetime
{
    public const string ScriptDocumentTitle = "A letter that carries <script>window.verbatimPwned = true</script> in its title";
    public const string RevisedId = "lenin-1921-10-20-to-stalin";
    public const string CaseId = "greeting";
    public const string CaseQuestion = "Did the closing words of Lenin's note change when it was read out?";
    public const string RevisedPassage = "Have a look at this, please";
    public const string StatementsCaseId = "statements";
    public const string StatementsCaseQuestion = "Did Ulyanova take back her statement of 26 July 1926, and whose words was it?";
    public const string Introduction = "singh-on-the-relations-between-lenin-and";

    private static readonly IngestOptions Options = new("auto", "reader tests", new StoreUser("Tester", "mailto:tester@example.org"));

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"verbatim-web-{Guid.NewGuid():N}");
    private Archive? _archive;
    private WebApplication? _app;

    public Uri Address { get; private set; } = default!;

    public HttpClient Client { get; private set; } = default!;

    public string ScriptDocumentId { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _archive = Archive.Init(Path.Combine(_folder, "archive"));
        var samples = Path.Combine(CliRun.RepositoryRoot, "samples");
        var seeds = Path.Combine(CliRun.RepositoryRoot, "..", "shared", "corpus", "seeds");
        var hostile = Path.Combine(_folder, "in", "hostile.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(hostile)!);
        await File.WriteAllTextAsync(hostile, ScriptDocumentTitle + "\n\n"
            + "Dear friend, <script>window.verbatimPwned = true</script> and <img src=x onerror=\"window.verbatimPwned = true\"> are words here.\n\n"
            + "Yours, & so on.\n");
        // The seed folder's README describes the pages; it is not one of them.
        var seedPages = Directory.GetFiles(seeds, "*.txt").Order(StringComparer.Ordinal);
        var report = _archive.Ingest([Path.Combine(samples, "mia"), Path.Combine(samples, "tei"), .. seedPages, hostile], Options);
        if (report.Failed.Count > 0)
            throw new InvalidOperationException("the test archive did not build: " + string.Join("; ", report.Failed.Select(f => $"{f.Path}: {f.Error}")));
        ScriptDocumentId = report.Documents.Single(d => d.Source == hostile).Id;

        var revised = Path.Combine(_folder, "revised", RevisedId + ".txt");
        Directory.CreateDirectory(Path.GetDirectoryName(revised)!);
        var original = await File.ReadAllTextAsync(Path.Combine(samples, "mia", RevisedId + ".txt"));
        await File.WriteAllTextAsync(revised, original.Replace("Have a look at this, please", "Have a look at this at once, please", StringComparison.Ordinal));
        var second = _archive.Ingest([revised], Options with { Message = "a corrected reading" });
        if (second.Documents.Single().Status != WriteStatus.Updated)
            throw new InvalidOperationException("the revised letter did not make a second version");

        // A case citing the letter's first version: its page tells of the second and of what changed in the passage.
        var author = new StoreUser("historian", "mailto:historian@example.org");
        _archive.NewCase(CaseId, CaseQuestion, "The polemic says Stalin replaced the greeting.", author);
        _archive.AddToCase(CaseId, Cases.CaseItems.Passage(_archive, RevisedId + "@1", RevisedPassage), author);
        _archive.AddToCase(CaseId, Cases.CaseItems.Quotation(_archive, "If for some reason you do not agree, send me back all the papers. I will consider that a sign of your disagreement. With Communist greetings"), author);
        _archive.AddToCase(CaseId, Cases.CaseItems.Collation(_archive, [RevisedId + "@1", RevisedId + "@2"]), author);
        _archive.AddToCase(CaseId, new Cases.NoteItem("Compare the two readings."), author);

        // The seeds' second case: Ulyanova's two statements, and Bukharin's draft (quoted in the compilation's introduction) beside statement No. 1.
        _archive.NewCase(StatementsCaseId, StatementsCaseQuestion, "", author);
        _archive.AddToCase(StatementsCaseId, Cases.CaseItems.Collation(_archive, [TestimoniesPageTests.StatementOne, TestimoniesPageTests.StatementTwo]), author);
        var introduction = _archive.Show(Introduction)!.BodyText;
        var (from, to) = (introduction.IndexOf("‘In view of the systematic slander", StringComparison.Ordinal), introduction.IndexOf("(Loc. cit.", StringComparison.Ordinal));
        _archive.AddToCase(StatementsCaseId, Cases.CaseItems.Collation(_archive, [$"{Introduction}:{from}-{to}", TestimoniesPageTests.StatementOne]), author);

        _app = ReaderHost.Build(_archive, new ReaderOptions(Port: 0));
        await _app.StartAsync();
        Address = _app.Address();
        Client = new HttpClient { BaseAddress = Address };
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        _archive?.Dispose();
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class ReaderCollection : ICollectionFixture<ReaderFixture>
{
    public const string Name = "reader";
}
