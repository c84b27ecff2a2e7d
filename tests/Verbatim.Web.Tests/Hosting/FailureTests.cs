using System.Net;
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

    [Theory]
    [InlineData("/failing", "text/html", "<h1>Something went wrong</h1>")]
    [InlineData("/api/failing", "application/problem+json", "\"status\":500")]
    public async Task A_failure_is_a_500_in_the_routes_own_form_that_tells_nothing_of_the_exception(string path, string mediaType, string says)
    {
        var response = await _client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(says, body);
        Assert.DoesNotContain("secret detail", body);
    }

    [Fact]
    public async Task An_empty_archive_has_an_index_and_a_search_that_say_so()
    {
        Assert.Contains("0 works", await _client.GetStringAsync("/"));
        Assert.Contains("Nothing found", await _client.GetStringAsync("/search?q=anything"));
    }
}
