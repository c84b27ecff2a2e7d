using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Verbatim.Archiving;
using Verbatim.Web.Hosting;

namespace Verbatim.Web.Tests.Hosting;

public sealed class FailureTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"verbatim-web-failure-{Guid.NewGuid():N}");
    private Archive _archive = default!;
    private WebApplication _app = default!;
    private HttpClient _client = default!;

    public async Task InitializeAsync()
    {
        _archive = Archive.Init(_folder);
        _app = ReaderHost.Build(_archive, new ReaderOptions(Port: 0));
        // Routes that fail as a bug would, added to the real host: its failure handling is what is tested.
        _app.MapGet("/failing", IResult () => throw new InvalidOperationException("secret detail"));
        _app.MapGet("/api/failing", IResult () => throw new InvalidOperationException("secret detail"));
        await _app.StartAsync();
        _client = new HttpClient { BaseAddress = _app.Address() };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _archive.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_failing_page_is_a_500_page_of_the_reader_that_tells_nothing_of_the_failure()
    {
        var response = await _client.GetAsync("/failing");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1>Something went wrong</h1>", body);
        Assert.DoesNotContain("secret detail", body);
    }

    [Fact]
    public async Task A_failing_api_call_is_a_500_problem_that_tells_nothing_of_the_failure()
    {
        var response = await _client.GetAsync("/api/failing");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(500, JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32());
        Assert.DoesNotContain("secret detail", body);
    }

    [Fact]
    public async Task An_empty_archive_has_an_index_and_a_search_that_say_so()
    {
        Assert.Contains("0 works", await _client.GetStringAsync("/"));
        Assert.Contains("Nothing found", await _client.GetStringAsync("/search?q=anything"));
    }
}
