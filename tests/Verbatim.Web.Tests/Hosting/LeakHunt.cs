using System.Net.Http.Json;
using System.Reflection;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Verbatim.Access;
using Verbatim.Accounts;
using Verbatim.Archiving;
using Verbatim.Cases;
using Verbatim.Cli.Tests;
using Verbatim.Quoting;
using Verbatim.Storing;
using Verbatim.Web.Hosting;
using Verbatim.Web.Reading;

namespace Verbatim.Web.Tests.Hosting;

/// <summary>
/// The leak hunt: two archives that differ only in three closed documents (restricted, embargoed,
/// withdrawn), one of which quotes an open letter, one written by a person no open document names.
/// To someone who has not signed in, and to a researcher outside the restricted document's group,
/// every door of the reader must answer the same in both,
/// byte for byte: the pages a crawl from the front page reaches, and every route the reader maps,
/// asked about the closed documents by id, by their words, by their people and by the passages
/// they share. A closed document that showed anywhere (a hit, a total, a facet, a snippet, a
/// name, a link, a count) would make the two answer differently.
/// </summary>
/// <remarks>
/// The routes are read from the reader itself, so a route added later is hunted without being
/// named here; a parameter the hunt does not know how to fill fails the test, which then has to
/// be taught what to ask it.
/// </remarks>
public abstract partial class LeakHunt : IAsyncLifetime
{
    /// <summary>Where each archive's catalog lives (<c>init --catalog</c>), asked once for each of the two archives; null for SQLite beside the store.</summary>
    protected virtual string? NewCatalog() => null;

    private static readonly IngestOptions Options = new("auto", "leak hunt", new StoreUser("Tester", "mailto:tester@example.org"));
    // After the archives are made: a harvest is of the archive as it stood at its moment.
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow.AddMinutes(10);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);
    private const string HarvestBase = "https://archive.example.org/oai";
    private const string HarvestIdentifier = "oai:archive.example.org:";

    private const string QuotingCanary = "Quillwort Zanzibarian";

    private const string OpenLetter = "lenin-1921-05-30-to-lutovinov";
    private const string OpenCase = "facts";
    private const string ClosedCase = "closed-evidence";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"verbatim-leaks-{Guid.NewGuid():N}");
    private Archive? _withClosed;
    private Archive? _withoutClosed;
    private HostedReader? _closedReader;
    private HostedReader? _openReader;
    private readonly List<string> _closedIds = [];
    private readonly Dictionary<(HostedReader Reader, string Account), string> _tokens = [];
    private readonly FakeTimeProvider _clock = new(Now);
    private const string AccountPassword = "a long enough passphrase";

    private static string Letter(string name) => Path.Combine(CliRun.RepositoryRoot, "..", "shared", "corpus", "schnitzler-tei", name);

    public async Task InitializeAsync()
    {
        var open = Path.Combine(_folder, "open", "archive");
        var closed = Path.Combine(_folder, "closed", "archive");
        var samples = Path.Combine(CliRun.RepositoryRoot, "samples");
        var compilation = Path.Combine(CliRun.RepositoryRoot, "..", "shared", "corpus", "seeds", "003_c6bc7323d3fdadce.txt");
        using (var archive = Archive.Init(open, NewCatalog()))
        {
            Assert.Empty(archive.Ingest([Path.Combine(samples, "mia"), Path.Combine(samples, "tei"), compilation], Options).Failed);
            new ArchiveSettings().With(ArchiveSettings.RepositoryNameKey, "Leak hunt").With(ArchiveSettings.AdminEmailKey, "hunter@example.org")
                .With(ArchiveSettings.BaseUrlKey, HarvestBase).Write(archive.Layout);
            // Two cases made before the copy, so both archives hold them: one citing open documents, one with its question alone.
            archive.NewCase(OpenCase, "What did Lenin write to Lutovinov about facts?", "The letter asks for names.", Options.User);
            archive.AddToCase(OpenCase, CaseItems.Passage(archive, OpenLetter, "are stubborn things"), Options.User);
            archive.AddToCase(OpenCase, CaseItems.Quotation(archive, "are stubborn things. So have a look at what are the facts you mention"), Options.User);
            archive.NewCase(ClosedCase, "Who copied the memorandum?", null, Options.User);
        }
        CopyFolder(open, closed);
        // A copy on a shared catalog must not share it: the copy gets a catalog of its own, which
        // its first opening builds from its store.
        if (NewCatalog() is { } catalog)
            await File.WriteAllTextAsync(Path.Combine(closed, "catalog.location"), catalog);

        var quoting = Path.Combine(_folder, "in", "quoting.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(quoting)!);
        await File.WriteAllTextAsync(quoting, $"""
            A {QuotingCanary} memorandum on the Lutovinov letter

            The letter says, and we copy it here word for word: “Facts—you will recall this yourself—are stubborn
            things. So have a look at what are the facts you mention. I list all your factual statements: 1) The
            railwaymen’s C.C. is made up of “old bureaucrats”. Is that a fact? The names?” So much the {QuotingCanary} file holds.

            """);
        _withClosed = Archive.Init(closed);
        var stored = new[]
        {
            (Path: Letter("L00008.xml"), Access: DocumentAccess.RestrictedTo(["family"])),
            (Path: Letter("L00022.xml"), Access: DocumentAccess.WithdrawnBecause("the transcription is not of the original")),
            (Path: quoting, Access: DocumentAccess.EmbargoedUntil(Today.AddYears(30))),
        };
        foreach (var (path, access) in stored)
        {
            var report = _withClosed.Ingest([path], Options with { Access = access });
            _closedIds.Add(Assert.Single(report.Documents).Id);
        }
        // In the archive with closed documents, the cases also cite them: each such item must not show, not even its id.
        _withClosed.AddToCase(OpenCase, CaseItems.Passage(_withClosed, _closedIds[2], $"So much the {QuotingCanary} file holds"), Options.User);
        _withClosed.AddToCase(OpenCase, CaseItems.Collation(_withClosed, [_closedIds[0], OpenLetter]), Options.User);
        foreach (var id in _closedIds)
            _withClosed.AddToCase(ClosedCase, CaseItems.Document(_withClosed, id), Options.User);
        _withClosed.AddToCase(ClosedCase, CaseItems.Quotation(_withClosed, $"So much the {QuotingCanary} file holds and more"), Options.User);
        _withoutClosed = Archive.OpenForReading(open);
        // Harvests in pages of four, so that the hunt meets resumption tokens.
        var options = new ReaderOptions(Port: 0) { Clock = _clock, SignInsPerMinute = 100_000, QuoteChecksPerMinute = 100_000, HarvestPageSize = 4 };
        _closedReader = await HostedReader.Start(_withClosed, options);
        _openReader = await HostedReader.Start(_withoutClosed, options);
        // The same accounts in both: a researcher outside the restricted letter's group, one inside it, an editor.
        foreach (var (reader, archive) in new[] { (_closedReader, _withClosed), (_openReader, _withoutClosed) })
        {
            using var book = AccountBook.Open(archive.Layout, _clock);
            book.AddGroup("family");
            book.AddGroup("elsewhere");
            book.AddUser("outsider", Role.Researcher, AccountPassword, ["elsewhere"]);
            book.AddUser("insider", Role.Researcher, AccountPassword, ["family"]);
            book.AddUser("editor-a", Role.Editor, AccountPassword);
            foreach (var account in new[] { "outsider", "insider", "editor-a" })
                _tokens[(reader, account)] = book.CreateToken(account, "leak hunt").Secret;
        }
    }

    public async Task DisposeAsync()
    {
        if (_closedReader is not null)
            await _closedReader.DisposeAsync();
        if (_openReader is not null)
            await _openReader.DisposeAsync();
        _withClosed?.Dispose();
        _withoutClosed?.Dispose();
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void The_closed_documents_are_in_the_archive_and_quote_an_open_one()
    {
        Assert.Equal(_closedIds.Order(StringComparer.Ordinal), _withClosed!.ClosedDocuments().Keys.Order(StringComparer.Ordinal));
        Assert.Contains(_withClosed.QuoteLinks(_closedIds[2]), l => l.SourceId == "lenin-1921-05-30-to-lutovinov" || l.TargetId == "lenin-1921-05-30-to-lutovinov");
        Assert.Equal(_closedIds.Order(StringComparer.Ordinal), _withClosed.ReadCase(ClosedCase)!.Case.Items.SelectMany(i => i.Cited).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(_withClosed.ReadCase(OpenCase)!.Case.Items, i => i.Cited.Contains(_closedIds[0]));
        Assert.Contains(_withClosed.ReadCase(OpenCase)!.Case.Items, i => i.Cited.Contains(_closedIds[2]));
        Assert.NotNull(new QuoteChecker(_withClosed.Catalog).Check("are stubborn things. So have a look at what are the facts you mention").Matches.FirstOrDefault(m => m.Id == _closedIds[2]));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("outsider")]
    public async Task Every_page_a_crawl_reaches_answers_the_same_with_and_without_the_closed_documents(string? account)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { "/" };
        var queue = new Queue<string>(["/"]);
        var parser = new HtmlParser();
        var differences = new List<string>();
        while (queue.Count > 0 && seen.Count < 1500)
        {
            var path = queue.Dequeue();
            var (closed, open) = (await Ask(_closedReader!, HttpMethod.Get, path, account: account), await Ask(_openReader!, HttpMethod.Get, path, account: account));
            if (closed != open)
                differences.Add(Difference(path, closed, open));
            if (!closed.Body.Contains("<html", StringComparison.OrdinalIgnoreCase))
                continue;
            var document = parser.ParseDocument(closed.Body);
            foreach (var link in document.QuerySelectorAll("a[href], link[href]").Select(a => a.GetAttribute("href")!)
                .Concat(document.QuerySelectorAll("script[src], img[src]").Select(s => s.GetAttribute("src")!)))
            {
                if (SameSitePath(link) is { } next && seen.Add(next))
                    queue.Enqueue(next);
            }
        }
        Assert.True(seen.Count > 50, $"the crawl reached only {seen.Count} addresses");
        Assert.True(differences.Count == 0, $"{differences.Count} of {seen.Count} addresses differ:\n" + string.Join("\n", differences.Take(10)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("outsider")]
    public async Task Every_route_asked_about_the_closed_documents_answers_as_if_they_did_not_exist(string? account)
    {
        var requests = await Requests();
        var differences = new List<string>();
        foreach (var request in requests)
        {
            var (closed, open) = (await Ask(_closedReader!, request, account), await Ask(_openReader!, request, account));
            if (closed != open)
                differences.Add($"{request.Method} " + Difference(request.Path, closed, open));
        }
        Assert.True(requests.Count > 100, $"only {requests.Count} requests");
        Assert.True(differences.Count == 0, $"{differences.Count} of {requests.Count} requests differ:\n" + string.Join("\n", differences.Take(10)));
    }

    [Theory]
    [InlineData(null, "oai_dc")]
    [InlineData(null, "tei")]
    [InlineData(null, "cmif")]
    [InlineData("outsider", "oai_dc")]
    public async Task A_whole_harvest_page_after_page_answers_the_same_with_and_without_the_closed_documents(string? account, string prefix)
    {
        var records = 0;
        var pages = 0;
        for (var ask = $"/oai?verb=ListRecords&metadataPrefix={prefix}"; ask is not null; pages++)
        {
            var (closed, open) = (await Ask(_closedReader!, HttpMethod.Get, ask, account: account), await Ask(_openReader!, HttpMethod.Get, ask, account: account));
            Assert.True(closed == open, Difference(ask, closed, open));
            var response = System.Xml.Linq.XDocument.Parse(closed.Body);
            System.Xml.Linq.XNamespace oai = "http://www.openarchives.org/OAI/2.0/";
            records += response.Descendants(oai + "record").Count();
            ask = response.Descendants(oai + "resumptionToken").SingleOrDefault() is { Value.Length: > 0 } token
                ? $"/oai?verb=ListRecords&resumptionToken={Uri.EscapeDataString(token.Value)}" : null;
        }
        // Not an empty answer compared with an empty one: the harvest reached the open documents, in pages.
        Assert.True(records >= 5 && pages >= 2, $"the harvest gave {records} records in {pages} pages");
    }

    [Fact]
    public async Task The_openapi_document_describes_no_operation_the_endpoint_table_does_not_have()
    {
        var served = await OpenApiDocument();
        Assert.True(Operations(served).Count() > 5, "the OpenAPI document describes almost nothing");

        Assert.Empty(OperationsWithoutARoute(served));
        // The check sees an operation that no route answers: a described path with none behind it fails the hunt.
        var doctored = System.Text.Json.Nodes.JsonNode.Parse(served.GetRawText())!;
        doctored["paths"]!["/api/documents/{id}/ghost"] = new System.Text.Json.Nodes.JsonObject { ["get"] = new System.Text.Json.Nodes.JsonObject() };
        doctored["paths"]!["/api/search"]!["post"] = new System.Text.Json.Nodes.JsonObject();
        Assert.Equal(["GET /api/documents/{id}/ghost", "POST /api/search"], OperationsWithoutARoute(System.Text.Json.JsonDocument.Parse(doctored.ToJsonString()).RootElement).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_researcher_of_the_group_sees_the_restricted_letter_everywhere_and_an_editor_sees_all_three()
    {
        var restricted = _closedIds[0];
        // Each place, and what of the letter shows there (a search page repeats its query, so the letter's id marks its hit).
        foreach (var (path, shown) in new[]
        {
            ($"/documents/{restricted}", "Conrad"), ($"/api/documents/{restricted}", "Conrad"), ("/api/search?q=Conrad", restricted),
            ("/search?q=Conrad", restricted), ("/api/names?kind=person", "Conrad"), ("/", restricted), ("/timeline", restricted),
        })
        {
            Assert.Contains(shown, (await Ask(_closedReader!, HttpMethod.Get, path, account: "insider")).Body, StringComparison.Ordinal);
            Assert.DoesNotContain(shown, (await Ask(_closedReader!, HttpMethod.Get, path, account: "outsider")).Body, StringComparison.Ordinal);
        }
        var insiderWorks = (await Ask(_closedReader!, HttpMethod.Get, "/api/documents", account: "insider")).Body;
        var editorWorks = (await Ask(_closedReader!, HttpMethod.Get, "/api/documents", account: "editor-a")).Body;
        Assert.DoesNotContain(_closedIds[1], insiderWorks, StringComparison.Ordinal);
        Assert.DoesNotContain(_closedIds[2], insiderWorks, StringComparison.Ordinal);
        Assert.All(_closedIds, id => Assert.Contains(id, editorWorks, StringComparison.Ordinal));
        var quoted = (await Ask(_closedReader!, HttpMethod.Get, "/api/documents/lenin-1921-05-30-to-lutovinov/quotes", account: "editor-a")).Body;
        Assert.Contains(_closedIds[2], quoted, StringComparison.Ordinal);
        var checkedQuote = (await Ask(_closedReader!, HttpMethod.Get, $"/api/check-quote?q={Uri.EscapeDataString($"So much the {QuotingCanary} file holds and more")}", account: "editor-a")).Body;
        Assert.Contains(_closedIds[2], checkedQuote, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_case_whose_every_item_is_closed_shows_its_question_to_the_public_and_everything_to_an_editor()
    {
        var public_ = await Ask(_closedReader!, HttpMethod.Get, $"/cases/{ClosedCase}");
        var editor = await Ask(_closedReader!, HttpMethod.Get, $"/cases/{ClosedCase}", account: "editor-a");

        Assert.Equal((200, 200), (public_.Status, editor.Status));
        Assert.Contains("Who copied the memorandum?", public_.Body, StringComparison.Ordinal);
        Assert.Contains("No evidence is shown here.", public_.Body, StringComparison.Ordinal);
        Assert.All(_closedIds, id => Assert.Contains($"/documents/{id}?version=", editor.Body, StringComparison.Ordinal));
        Assert.Contains("Versions of this case", editor.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("outsider")]
    public async Task A_pack_citing_the_closed_documents_verifies_the_same_with_and_without_them(string? account)
    {
        var pack = Path.Combine(_folder, $"pack-{account ?? "public"}");
        Verbatim.EvidencePacks.EvidencePack.Write(_withClosed!, pack, new Verbatim.EvidencePacks.PackContents("Leak hunt", "",
            [.. _closedIds.Append("lenin-1921-05-30-to-lutovinov").Select(id => new Verbatim.EvidencePacks.PackCitation(Verbatim.EvidencePacks.CitationKind.Document, id))]),
            _withClosed!.VisibilityFor(Viewer.Keeper, Today), "Leak hunt", Today);
        System.IO.Compression.ZipFile.CreateFromDirectory(pack, pack + ".zip");
        var zip = await File.ReadAllBytesAsync(pack + ".zip");
        HttpContent Upload() => new MultipartFormDataContent { { new ByteArrayContent(zip), "pack", "pack.zip" } };

        var (closed, open) = (await Ask(_closedReader!, HttpMethod.Post, "/verify-pack", Upload(), account), await Ask(_openReader!, HttpMethod.Post, "/verify-pack", Upload(), account));
        var insider = await Ask(_closedReader!, HttpMethod.Post, "/verify-pack", Upload(), "insider");

        Assert.True(closed == open, Difference("/verify-pack", closed, open));
        Assert.Contains("The pack holds together", closed.Body, StringComparison.Ordinal);
        Assert.Contains("this archive holds 1 of the cited versions byte for byte, and does not hold 3", closed.Body, StringComparison.Ordinal);
        Assert.Contains("this archive holds 2 of the cited versions byte for byte, and does not hold 2", insider.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("outsider")]
    public async Task No_answer_names_a_closed_document_or_its_words(string? account)
    {
        string[] canaries = [QuotingCanary, "Conrad", "Kafka", .. _closedIds];
        foreach (var request in await Requests())
        {
            var answer = await Ask(_closedReader!, request, account);
            // The request itself may carry a canary (a search for it); an answer that only repeats the question is no leak.
            var question = System.Net.WebUtility.UrlDecode(request.Path + request.Value);
            foreach (var canary in canaries.Where(c => !question.Contains(c, StringComparison.OrdinalIgnoreCase)))
                Assert.False(answer.Body.Contains(canary, StringComparison.OrdinalIgnoreCase), $"{request.Method} {request.Path} names {canary}");
        }
    }

    private sealed record Answer(int Status, string? ContentType, string Body);

    /// <param name="account">Who asks, by their API token; the public where null.</param>
    private async Task<Answer> Ask(HostedReader reader, HttpMethod method, string path, HttpContent? body = null, string? account = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : await Copy(body) };
        if (account is not null)
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", _tokens[(reader, account)]);
        using var response = await reader.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        // The two readers differ in their port and their folder, and in nothing else they may say.
        text = text.Replace(reader.Client.BaseAddress!.ToString().TrimEnd('/'), "BASE", StringComparison.Ordinal)
            .Replace(reader.Client.BaseAddress.Authority, "HOST", StringComparison.Ordinal);
        // A problem's trace id and a form's antiforgery token are new on every request; a token's id is each archive's own.
        text = TraceId().Replace(text, "\"traceId\":\"\"");
        text = FormToken().Replace(text, "value=\"\"");
        if (account is not null)
            text = text.Replace(_tokens[(reader, account)].Split('_')[1], "TOKEN-ID", StringComparison.Ordinal);
        return new Answer((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), text);
    }

    private Task<Answer> Ask(HostedReader reader, Request request, string? account) => Ask(reader, request.Method, request.Path, request.Content(), account);

    private static async Task<HttpContent> Copy(HttpContent content)
    {
        var copy = new ByteArrayContent(await content.ReadAsByteArrayAsync());
        foreach (var header in content.Headers)
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        return copy;
    }

    private static string Difference(string path, Answer closed, Answer open)
    {
        if (closed.Status != open.Status || closed.ContentType != open.ContentType)
            return $"{path}: {closed.Status} {closed.ContentType} with the closed documents, {open.Status} {open.ContentType} without";
        var at = Enumerable.Range(0, Math.Min(closed.Body.Length, open.Body.Length)).FirstOrDefault(i => closed.Body[i] != open.Body[i], Math.Min(closed.Body.Length, open.Body.Length));
        static string Around(string text, int at) => text.Substring(Math.Max(0, at - 80), Math.Min(160, text.Length - Math.Max(0, at - 80)));
        return $"{path}: at {at}, with: …{Around(closed.Body, at)}… without: …{Around(open.Body, at)}…";
    }

    private static string? SameSitePath(string href)
    {
        if (href.StartsWith("//", StringComparison.Ordinal) || href.Contains("://", StringComparison.Ordinal) || href.StartsWith('#') || href.StartsWith("mailto:", StringComparison.Ordinal))
            return null;
        var path = href.Split('#')[0];
        return path.StartsWith('/') ? path : null;
    }

    /// <summary>One request of the hunt: a path (with its query), and a form field or a JSON body's property where it sends one.</summary>
    private sealed record Request(HttpMethod Method, string Path, Body Body = Body.None, string? Name = null, string? Value = null)
    {
        public HttpContent? Content() => Body switch
        {
            Body.Form => new FormUrlEncodedContent([new(Name!, Value!)]),
            Body.Json => JsonContent.Create(new Dictionary<string, string> { [Name!] = Value! }),
            _ => null,
        };
    }

    private enum Body
    {
        None,
        Form,
        Json,
    }

    /// <summary>
    /// Every route the reader maps, and every operation its OpenAPI document describes, with each
    /// of its parameters filled with what the closed documents would be found by (each request once).
    /// </summary>
    private async Task<List<Request>> Requests()
    {
        var values = Values();
        var requests = new List<Request>();
        foreach (var endpoint in Endpoints())
        {
            var method = endpoint.Metadata.OfType<MethodInfo>().LastOrDefault();
            var verbs = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
            if (method is null || verbs.Count == 0)
                continue;
            var routeValues = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var (query, form, json) = Inputs(endpoint, method, routeValues);
            foreach (var verb in verbs)
                requests.AddRange(Filled(verb, endpoint.RoutePattern.RawText!, routeValues, (query, form, json), values, endpoint.DisplayName!));
        }
        foreach (var operation in Operations(await OpenApiDocument()))
            requests.AddRange(Filled(operation.Method, operation.Path, operation.PathParameters, (operation.Query, [], operation.Json), values, $"{operation.Method} {operation.Path} of the OpenAPI document"));
        return [.. requests.Distinct()];
    }

    private IEnumerable<RouteEndpoint> Endpoints()
        => _closedReader!.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !e.RoutePattern.Parameters.Any(p => p.IsCatchAll));

    /// <summary>The requests of one route and method (GET and POST; the others write nothing a reader reads): bare, then with each input in turn.</summary>
    private static IEnumerable<Request> Filled(string verb, string pattern, IReadOnlySet<string> routeValues, (List<string> Query, List<string> Form, List<string> Json) inputs, Probes values, string describedAs)
    {
        if (verb is not ("GET" or "POST"))
            yield break;
        var method = new HttpMethod(verb);
        var (query, form, json) = inputs;
        foreach (var path in Paths(pattern, routeValues, values))
        {
            yield return new Request(method, path);
            foreach (var name in query)
            {
                foreach (var value in Fill(values, name, describedAs))
                    yield return new Request(method, $"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}{name}={Uri.EscapeDataString(value)}");
            }
            foreach (var name in form)
            {
                foreach (var value in Fill(values, name, describedAs))
                    yield return new Request(method, path, Body.Form, name, value);
            }
            foreach (var name in json)
            {
                foreach (var value in Fill(values, name, describedAs))
                    yield return new Request(method, path, Body.Json, name, value);
            }
            // The pairs a passage or a collation is asked by.
            var collation = query.Contains("w", StringComparer.OrdinalIgnoreCase);
            foreach (var pair in values.Pairs.Where(_ => collation || query.Contains("source", StringComparer.OrdinalIgnoreCase)))
                yield return new Request(method, $"{path}?{(collation ? pair.Collation : pair.Passage)}");
            foreach (var harvest in values.Harvests.Where(_ => query.Contains("verb", StringComparer.OrdinalIgnoreCase)))
                yield return new Request(method, $"{path}?{harvest}");
            // Two testimonies: each closed document on either side of an open one, whole and in part.
            foreach (var pair in values.Testimonies.Where(_ => query.Contains("a", StringComparer.OrdinalIgnoreCase) && query.Contains("b", StringComparer.OrdinalIgnoreCase)))
                yield return new Request(method, $"{path}?{pair}");
        }
    }

    /// <summary>The OpenAPI document as the reader serves it to the public (the one it links to on every page).</summary>
    private async Task<System.Text.Json.JsonElement> OpenApiDocument()
    {
        var served = await Ask(_closedReader!, HttpMethod.Get, "/openapi/v1.json");
        Assert.Equal(200, served.Status);
        return System.Text.Json.JsonDocument.Parse(served.Body).RootElement;
    }

    /// <summary>An operation the OpenAPI document describes: its method, its path, and the names of its parameters and of its JSON body's properties.</summary>
    private sealed record Operation(string Method, string Path, IReadOnlySet<string> PathParameters, List<string> Query, List<string> Json);

    private static IEnumerable<Operation> Operations(System.Text.Json.JsonElement openApi)
    {
        foreach (var path in openApi.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is not ("parameters" or "summary" or "description" or "servers")))
            {
                var parameters = operation.Value.TryGetProperty("parameters", out var listed)
                    ? listed.EnumerateArray().Select(p => (In: p.GetProperty("in").GetString(), Name: p.GetProperty("name").GetString()!)).ToList()
                    : [];
                var json = operation.Value.TryGetProperty("requestBody", out var body) && body.GetProperty("content").TryGetProperty("application/json", out var content)
                    ? [.. Resolve(openApi, content.GetProperty("schema")).GetProperty("properties").EnumerateObject().Select(p => p.Name)]
                    : new List<string>();
                yield return new Operation(operation.Name.ToUpperInvariant(), path.Name,
                    parameters.Where(p => p.In == "path").Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase),
                    [.. parameters.Where(p => p.In == "query").Select(p => p.Name)], json);
            }
        }
    }

    private static System.Text.Json.JsonElement Resolve(System.Text.Json.JsonElement openApi, System.Text.Json.JsonElement schema)
    {
        if (!schema.TryGetProperty("$ref", out var reference))
            return schema;
        var found = openApi;
        foreach (var step in reference.GetString()!.TrimStart('#', '/').Split('/'))
            found = found.GetProperty(step);
        return found;
    }

    /// <summary>Each operation of the OpenAPI document that no route of the endpoint table answers, as "METHOD /path".</summary>
    private List<string> OperationsWithoutARoute(System.Text.Json.JsonElement openApi)
    {
        var routes = Endpoints()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(verb => $"{verb} {Shape(e.RoutePattern)}"))
            .ToHashSet(StringComparer.Ordinal);
        return [.. Operations(openApi).Select(o => $"{o.Method} {Shape(RoutePatternFactory.Parse(o.Path))}").Where(o => !routes.Contains(o))];
    }

    /// <summary>A route's path with each parameter as {name}, without constraints, defaults or optional marks, as the OpenAPI document writes it.</summary>
    private static string Shape(RoutePattern pattern)
        => "/" + string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => $"{{{parameter.Name}}}",
            _ => throw new InvalidOperationException($"a route part of a kind the leak hunt does not know: {part.GetType().Name}"),
        }))));

    /// <summary>The names an endpoint's handler reads from the query, the form and a JSON body.</summary>
    private (List<string> Query, List<string> Form, List<string> Json) Inputs(RouteEndpoint endpoint, MethodInfo method, HashSet<string> routeValues)
    {
        var services = _closedReader!.App.Services.GetRequiredService<IServiceProviderIsService>();
        var (query, form, json) = (new List<string>(), new List<string>(), new List<string>());
        foreach (var parameter in method.GetParameters())
        {
            var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
            if (services.IsService(type) || type == typeof(CancellationToken) || type.Namespace?.StartsWith("Microsoft.", StringComparison.Ordinal) == true || routeValues.Contains(parameter.Name!))
                continue;
            if (parameter.GetCustomAttribute<AsParametersAttribute>() is not null)
                query.AddRange(type.GetConstructors().Single().GetParameters().Select(p => Camel(p.Name!)));
            else if (parameter.GetCustomAttribute<FromFormAttribute>() is not null)
                form.Add(Camel(parameter.Name!));
            else if (type == typeof(string) || type.IsPrimitive || type.IsArray)
                query.Add(Camel(parameter.Name!));
            else if (type.IsClass)
                json.AddRange(type.GetProperties().Select(p => Camel(p.Name)));
            else
                Assert.Fail($"the leak hunt does not know how {endpoint.DisplayName} takes {parameter.Name} ({type.Name})");
        }
        return (query, form, json);
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static IEnumerable<string> Fill(Probes values, string name, string describedAs)
        => values.ByName.TryGetValue(name, out var given) ? given
            : throw new InvalidOperationException($"the leak hunt does not know what to ask {describedAs} for its parameter '{name}': teach it (Values)");

    private static IEnumerable<string> Paths(string pattern, IReadOnlySet<string> routeValues, Probes values)
    {
        IEnumerable<string> paths = [pattern];
        foreach (var name in routeValues)
        {
            Assert.True(values.ByName.ContainsKey(name), $"the leak hunt does not know how to fill {{{name}}} of {pattern}: teach it (Values)");
            paths = paths.SelectMany(p => values.ByName[name].Select(v => p.Replace($"{{{name}}}", Uri.EscapeDataString(v), StringComparison.Ordinal)));
        }
        return paths;
    }

    /// <param name="Harvests">The queries of OAI-PMH requests, whose arguments are asked together (a verb with its identifier, format and set).</param>
    /// <param name="Testimonies">The queries of two testimonies side by side.</param>
    private sealed record Probes(Dictionary<string, string[]> ByName, IReadOnlyList<(string Passage, string Collation)> Pairs, IReadOnlyList<string> Harvests, IReadOnlyList<string> Testimonies);

    /// <summary>What each parameter is asked: the closed documents' ids, words, people, dates and places, and an open document's for contrast.</summary>
    private Probes Values()
    {
        var everything = _withClosed!.Names();
        var closedNames = everything.Entities.Where(e => e.Documents.Any(d => _closedIds.Contains(d.Id))).ToList();
        var links = _closedIds.SelectMany(id => _withClosed.QuoteLinks(id)).Distinct().ToList();
        var open = "lenin-1921-05-30-to-lutovinov";
        var words = new[] { QuotingCanary, "Conrad", "Kafka", "stubborn things", "\"have a look at what are the facts you mention\"", "Schnitzler" };
        string[] ids = [.. _closedIds, open, "no-such-document"];
        string[] identifiers = [.. ids.Select(id => HarvestIdentifier + id)];
        string[] prefixes = ["oai_dc", "tei", "cmif"];
        string[] sets = [.. _closedIds.Append(open).SelectMany(id => Verbatim.Harvesting.SetSpecs.SpecsOf(_withClosed.Show(id)!)).Distinct()];
        string[] harvests =
        [
            "verb=Identify", "verb=ListSets", "verb=ListMetadataFormats",
            .. identifiers.Select(i => $"verb=ListMetadataFormats&identifier={Uri.EscapeDataString(i)}"),
            .. identifiers.SelectMany(i => prefixes.Select(p => $"verb=GetRecord&metadataPrefix={p}&identifier={Uri.EscapeDataString(i)}")),
            .. new[] { "ListIdentifiers", "ListRecords" }.SelectMany(verb => prefixes.SelectMany(p => (string[])
            [
                $"verb={verb}&metadataPrefix={p}",
                $"verb={verb}&metadataPrefix={p}&from={Today:yyyy-MM-dd}",
                .. sets.Select(set => $"verb={verb}&metadataPrefix={p}&set={Uri.EscapeDataString(set)}"),
            ])),
        ];
        // By name in any case, as ASP.NET Core binds a query (the OpenAPI document names collate's W, the page's form w).
        return new Probes(new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
        {
            ["id"] = [.. ids, .. closedNames.Select(n => n.Id), OpenCase, ClosedCase],
            ["q"] = [.. words, "Facts—you will recall this yourself—are stubborn things. So have a look at what are the facts you mention. I list all your factual statements"],
            ["text"] = ["Facts—you will recall this yourself—are stubborn things. So have a look at what are the facts you mention. I list all your factual statements", $"So much the {QuotingCanary} file holds and more words"],
            ["limit"] = ["100"],
            ["author"] = ["Conrad", "Kafka", "Joachim", "Schnitzler"],
            ["addressee"] = ["Schnitzler", "Conrad"],
            ["person"] = [.. closedNames.Select(n => n.Id)],
            ["kind"] = ["letter", "person", "place", "organisation"],
            ["year"] = ["1890", "1891"],
            ["from"] = ["1890", .. links.Select(l => l.SourceStart.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            ["to"] = ["1891", "1921"],
            ["at"] = [.. links.Select(l => l.TargetStart.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            ["source"] = ids,
            ["target"] = ids,
            ["collection"] = ["Lenin Collected Works"],
            ["volume"] = ["45"],
            ["page"] = ["1", "2"],
            ["offset"] = ["0", "5"],
            ["version"] = ["1", "2"],
            ["part"] = ["1"],
            ["boilerplate"] = ["true"],
            ["min"] = ["1"],
            ["by"] = ["author", "addressee", "year", "volume", "kind"],
            ["w"] = ids,
            ["ignoreCase"] = ["true"],
            ["ignorePunctuation"] = ["true"],
            ["foldTypography"] = ["true"],
            ["transliterate"] = ["true"],
            ["segments"] = ["true"],
            ["format"] = ["json", "text"],
            ["documentName"] = ["v1"],
            ["name"] = ["outsider", "insider", "Conrad"],
            ["password"] = ["wrong", AccountPassword],
            ["returnUrl"] = ["/", $"/documents/{_closedIds[0]}"],
            ["label"] = ["a script"],
            ["rule"] = ["open", "withdrawn:gone"],
            ["reason"] = ["to see what happens"],
            ["basedOn"] = ["1", "2"],
            ["verb"] = ["Identify", "ListSets", "ListRecords", "GetRecord", "Harvest"],
            ["identifier"] = identifiers,
            ["metadataPrefix"] = prefixes,
            ["until"] = [$"{Today:yyyy-MM-dd}"],
            ["set"] = sets,
            ["resumptionToken"] = ["v1.e30"],
            ["a"] = ids,
            ["b"] = ids,
            ["av"] = ["1", "2"],
            ["bv"] = ["1", "2"],
            ["ar"] = ["0-40", "10-999999", "9-1"],
            ["br"] = ["0-40", "10-999999", "9-1"],
        }, [.. links.Select(l => (
            $"source={Uri.EscapeDataString(l.SourceId)}&from={l.SourceStart}&target={Uri.EscapeDataString(l.TargetId)}&at={l.TargetStart}",
            $"w={Uri.EscapeDataString(l.SourceId)}&w={Uri.EscapeDataString(l.TargetId)}"))], harvests,
            [.. _closedIds.SelectMany(id => new[]
            {
                $"a={Uri.EscapeDataString(id)}&b={open}", $"a={open}&b={Uri.EscapeDataString(id)}",
                $"a={Uri.EscapeDataString(id)}&ar=0-40&b={open}&br=0-40", $"a={open}&b={Uri.EscapeDataString(id)}&br=10-999999", $"a={Uri.EscapeDataString(id)}&av=2&b={open}",
            })]);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var directory in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(directory.Replace(from, to, StringComparison.Ordinal));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
    }

    [System.Text.RegularExpressions.GeneratedRegex("\"traceId\":\"[^\"]*\"")]
    private static partial System.Text.RegularExpressions.Regex TraceId();

    [System.Text.RegularExpressions.GeneratedRegex("(?<=name=\"__RequestVerificationToken\" )value=\"[^\"]*\"")]
    private static partial System.Text.RegularExpressions.Regex FormToken();

}

/// <summary>The leak hunt over archives whose catalogs are SQLite files beside their stores.</summary>
public sealed class LeakHuntTests : LeakHunt;
