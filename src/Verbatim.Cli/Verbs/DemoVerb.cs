using System.CommandLine;
using Verbatim.Access;
using Verbatim.Accounts;
using Verbatim.Archiving;
using Verbatim.Cases;
using Verbatim.Presenting;
using Verbatim.Searching;
using Verbatim.Web.Harvesting;
using Verbatim.Web.Hosting;

namespace Verbatim.Cli.Verbs;

/// <summary>
/// `verbatim demo`: the README's main job on the embedded default. Creates the demo archive
/// where there is none, ingests every folder of the demo corpus (samples/: an unchanged file
/// writes nothing on later runs), shows that the archive answers, and serves it to a browser
/// (unless told --no-serve).
/// </summary>
public static class DemoVerb
{
    private const string ExampleQuery = "\"comradely greetings\"";

    // The closing of Lenin's letter to Trotsky as the polemic in samples/ says Stalin read it out.
    private const string ExampleQuotation = "I will consider that a sign of your disagreement. With Communist greetings";

    // The demo's case: the greeting the polemic says Stalin altered, with the note as the polemic prints it.
    private const string GreetingCase = "altered-greeting";
    private const string Polemic = "trotsky-1930-03-22-with-lenin-against-stalin";
    private const string GreetingQuotation = "If for some reason you do not agree, send me back all the papers. " + ExampleQuotation;

    // What the demo shows of closed documents: a letter open to one group only, and one closed until a day.
    private const string RestrictedLetter = "lenin-1921-12-20-to-zalutsky-and-solts";
    private const string RestrictedGroup = "party-archive";
    private const string EmbargoedLetter = "zweig-1911-06-05-to-schnitzler-l03634";
    private static readonly DateOnly EmbargoEnds = new(2031, 1, 1);

    public static Command Create(Option<string?> archive)
    {
        var home = Environment.GetEnvironmentVariable("VERBATIM_HOME") ?? ".";
        var samples = new Option<string>("--samples") { Description = "The demo corpus folder.", DefaultValueFactory = _ => Path.Combine(home, "samples") };
        var noServe = new Option<bool>("--no-serve") { Description = "Stop after the ingest and the example search instead of serving the archive." };
        var port = ServeVerb.Port();
        var catalog = new Option<string?>("--catalog") { Description = "Where a new demo archive's catalog lives, as init --catalog takes it (scripts/demo-postgres gives a PostgreSQL database of its own)." };
        var command = new Command("demo", "Ingest the demo corpus in samples/ into the demo archive, show that it answers, then serve it to a browser.") { samples, noServe, port, catalog };
        command.SetAction(result => ArchiveOptions.Run(result, (output, error) =>
        {
            var folder = result.GetValue(samples)!;
            if (!Directory.Exists(folder))
            {
                error.WriteLine($"error: no demo corpus at {Path.GetFullPath(folder)}");
                return 1;
            }
            using var opened = Archive.Init(ArchiveOptions.PathOf(result, archive, Path.Combine(home, "archive")), result.GetValue(catalog));
            // Each sub-folder is one corpus; the files beside them (README) describe it.
            var corpora = Directory.GetDirectories(folder).Order(StringComparer.Ordinal).ToList();
            var report = opened.Ingest(corpora, new IngestOptions("auto", "demo corpus", ArchiveOptions.CurrentUser()));
            foreach (var failure in report.Failed)
                error.WriteLine($"error: {failure.Path}: {failure.Error}");
            var counts = report.Documents.GroupBy(d => d.Status).ToDictionary(g => g.Key, g => g.Count());
            output.WriteLine($"Demo archive at {opened.Layout.Root}; its catalog: {opened.CatalogLocation.Describe}");
            output.WriteLine($"{Wording.Counted(report.Documents.Count, "document")} from {Wording.Counted(corpora.Count, "corpus", "corpora")}: {counts.GetValueOrDefault(Storing.WriteStatus.New)} new, "
                + $"{counts.GetValueOrDefault(Storing.WriteStatus.Updated)} updated, {counts.GetValueOrDefault(Storing.WriteStatus.Unchanged)} unchanged; {report.Failed.Count} failed.");
            output.WriteLine();
            foreach (var entry in opened.List(new WorkFilter()))
                output.WriteLine($"  {entry.Date ?? "undated",-10}  {string.Join(", ", entry.Authors),-22}  {entry.Title}  [{entry.Id}]");
            output.WriteLine();
            var hits = opened.Search(new SearchQuery(ExampleQuery) { Limit = 5 });
            output.WriteLine($"search {ExampleQuery}: {Wording.Counted(hits.Total, "document")}");
            foreach (var hit in hits.Hits)
                output.WriteLine($"  {hit.Id}: {hit.Snippet.Replace(SearchResults.MarkStart, '«').Replace(SearchResults.MarkEnd, '»').ReplaceLineEndings(" ")}");
            output.WriteLine();
            var check = opened.CheckQuote(ExampleQuotation);
            output.WriteLine($"check-quote \"{ExampleQuotation}\": {Wording.Counted(check.Matches.Count, "source")}");
            foreach (var match in check.Matches)
            {
                output.WriteLine($"  {match.Id}, characters {match.Start}-{match.End}: "
                    + string.Join("; ", match.Differences.Select(d => $"{d.Type}: quoted «{d.Quoted}», source «{d.Source}»")));
            }
            output.WriteLine();
            CloseTwoLetters(opened, output);
            NameTheRepository(opened, output);
            output.WriteLine();
            BuildGreetingCase(opened, output, result.GetValue(noServe) ? null : result.GetValue(port));
            output.WriteLine();
            output.WriteLine($"Try: ./verbatim search Stalin --archive {opened.Layout.Root}");
            output.WriteLine($"     ./verbatim check-quote \"TEXT\" --archive {opened.Layout.Root}");
            output.WriteLine($"     ./verbatim ingest FILE... --archive {opened.Layout.Root}   (the served pages show it within a second)");
            output.WriteLine($"     curl 'http://127.0.0.1:{result.GetValue(port)}{OaiEndpoints.Path}?verb=ListRecords&metadataPrefix=oai_dc'   (OAI-PMH, as harvesters read it)");
            if (report.Failed.Count > 0)
                return 1;
            if (result.GetValue(noServe))
                return 0;
            // The server only reads: the writer's lock is let go so that the commands above can write beside it.
            var root = opened.Layout.Root;
            opened.Dispose();
            using var served = ArchiveOptions.OpenForReading(result, archive, root);
            return ServeVerb.Serve(served, new ReaderOptions(result.GetValue(port)), output);
        }));
        return command;
    }

    /// <summary>
    /// Says who the demo repository is, as its owner would (verbatim settings set), so that
    /// harvesters are answered: once, leaving what a later run finds set as it is.
    /// </summary>
    private static void NameTheRepository(Archive opened, TextWriter output)
    {
        var settings = ArchiveSettings.Read(opened.Layout);
        if (settings.RepositoryName is null)
            settings = settings.With(ArchiveSettings.RepositoryNameKey, "Verbatim demo archive");
        // example.org is reserved for examples: the demo has no one to write to.
        if (settings.AdminEmail is null)
            settings = settings.With(ArchiveSettings.AdminEmailKey, "archivist@example.org");
        settings.Write(opened.Layout);
        output.WriteLine($"Harvesters know it as \"{settings.RepositoryName}\" (verbatim settings show).");
    }

    /// <summary>
    /// Gives the demo one restricted and one embargoed letter, and the accounts that read them:
    /// a researcher of the group and an editor, each with a password made for this archive and
    /// printed once. Done once: a later run leaves the letters' access and the accounts as they are.
    /// </summary>
    private static void CloseTwoLetters(Archive opened, TextWriter output)
    {
        var keeper = ArchiveOptions.CurrentUser();
        foreach (var (id, access, reason) in new[]
        {
            (RestrictedLetter, DocumentAccess.RestrictedTo([RestrictedGroup]), "demo: a party matter, open to the party archive's researchers"),
            (EmbargoedLetter, DocumentAccess.EmbargoedUntil(EmbargoEnds), "demo: closed until the edition appears"),
        })
        {
            if (opened.AccessOf(id) is not null && opened.AccessHistory(id).Count == 0)
                opened.SetAccess(id, access, reason, keeper);
            output.WriteLine($"{id} is {opened.AccessOf(id)?.Describe() ?? "not in the archive"}");
        }
        using var accounts = AccountBook.Open(opened.Layout);
        if (accounts.Groups().All(g => g.Name != RestrictedGroup))
            accounts.AddGroup(RestrictedGroup, "the demo's restricted letter is open to it");
        foreach (var (name, role, groups) in new[] { ("historian", Role.Researcher, new[] { RestrictedGroup }), ("editor", Role.Editor, []) })
        {
            if (accounts.User(name) is not null)
            {
                output.WriteLine($"Sign in as {name} ({role.ToString().ToLowerInvariant()}) with the password the first demo printed (verbatim users password {name} sets a new one).");
                continue;
            }
            var password = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));
            accounts.AddUser(name, role, password, groups);
            output.WriteLine($"Sign in as {name} ({role.ToString().ToLowerInvariant()}) with the password {password}");
        }
    }

    /// <summary>
    /// Gives the demo one case built from the samples, once: the polemic, Lenin's note as it prints
    /// it, its charge that Stalin read the closing out as "with Communist greetings", and the check
    /// of the quotation so read, whose answer is the substitution.
    /// </summary>
    private static void BuildGreetingCase(Archive opened, TextWriter output, int? port)
    {
        if (opened.ReadCase(GreetingCase) is null && opened.Show(Polemic) is { } polemic)
        {
            var author = ArchiveOptions.CurrentUser();
            var text = polemic.BodyText;
            const string closing = "With the very best comradely greetings";
            var noteStart = text.IndexOf("I earnestly ask you", StringComparison.Ordinal);
            var noteEnd = text.IndexOf(closing, noteStart, StringComparison.Ordinal) + closing.Length;
            opened.NewCase(GreetingCase, "Did Stalin change the closing words of Lenin's note to Trotsky when he read it out at the plenum of July 1926?",
                "Trotsky's polemic prints Lenin's note of 5 March 1923, which closes \"With the very best comradely greetings\", and says that Stalin, "
                + "reading the correspondence out at the plenum of July 1926, gave the closing as \"with Communist greetings\". Checked against the archive, "
                + "the closing so read is the note's own words with one substitution: «Communist» for «the very best comradely».", author);
            opened.AddToCase(GreetingCase, CaseItems.Document(opened, Polemic), author);
            opened.AddToCase(GreetingCase, CaseItems.Passage(opened, Polemic, noteStart, noteEnd), author);
            opened.AddToCase(GreetingCase, CaseItems.Passage(opened, Polemic,
                "It was not accidental either, that Stalin, when he was compelled to read this correspondence at the plenum of July, 1926, substituted for the words “with the very best comradely greetings” the official phrase “with Communist greetings”."), author);
            opened.AddToCase(GreetingCase, CaseItems.Quotation(opened, GreetingQuotation), author);
            opened.AddToCase(GreetingCase, new NoteItem("The archive holds the note only as the polemic prints it; the reading at the plenum is known from the polemic alone. "
                + "A printing of the note from another source, ingested later, can be added to this case as a collation with the polemic's passage."), author);
        }
        if (opened.ReadCase(GreetingCase) is not { } stored)
            return;
        output.WriteLine($"The case \"{stored.Case.Question}\": verbatim case show {GreetingCase} --archive {opened.Layout.Root}");
        output.WriteLine(port is { } served and > 0 ? $"  in the browser: http://127.0.0.1:{served}/cases/{GreetingCase}" : $"  in the browser: /cases/{GreetingCase} of the served archive");
    }
}
