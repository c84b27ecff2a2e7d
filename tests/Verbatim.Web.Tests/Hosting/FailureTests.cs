using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Verbatim.Archiving;
using Verbatim.Web.Hosting;

namespace Verbatim.Web.Tests.Hosting;

public sealed class FailureTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"verbatim-web-failure-{Guid.NewGuid():N}");
    private Archive _archive = default!;
    private readonly LogCapture _log = new();
    private readonly TaskCompletionSource _waitingStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _waitingStopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private HostedReader _reader = default!;

    public async Task InitializeAsync()
    {
        _archive = Archive.Init(_folder);
        // Routes that fail as a bug would, added to the real host: its failure handling is what is tested.
        _reader = await HostedReader.Start(_archive, addRoutes: app =>
        {
            app.Services.GetRequiredService<ILoggerFactory>().AddProvider(_log);
            app.MapGet("/api/waiting", async Task<IResult> (CancellationToken cancellationToken) =>
            {
                using var stopped = cancellationToken.Register(_waitingStopped.SetResult);
                _waitingStarted.SetResult();
                await Task.Delay(Timeout.Infinite, cancellationToken);
                return Results.Ok();
            });
            app.MapGet("/failing", IResult () => throw new InvalidOperationException("secret detail"));
            app.MapGet("/api/failing", IResult () => throw new InvalidOperationException("secret detail"));
            app.MapGet("/costly", IResult () => throw new Verbatim.Searching.QueryTooCostlyException("the search was stopped after 2 s"));
            app.MapGet("/api/costly", IResult () => throw new Verbatim.Searching.QueryTooCostlyException("the search was stopped after 2 s"));
        });
    }

    public async Task DisposeAsync()
    {
        await _reader.DisposeAsync();
        _archive.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Theory]
    [InlineData("/failing", HttpStatusCode.InternalServerError, "text/html", "<h1>Something went wrong</h1>", "The reader could not answer this request.")]
    [InlineData("/api/failing", HttpStatusCode.InternalServerError, "application/problem+json", "\"status\":500", "The reader could not answer this request.")]
    [InlineData("/costly", HttpStatusCode.BadRequest, "text/html", "<h1>The search asked too much</h1>", "<p>The search was stopped after 2 s.</p>")]
    [InlineData("/api/costly", HttpStatusCode.BadRequest, "application/problem+json", "\"title\":\"The search asked too much\"", "\"detail\":\"The search was stopped after 2 s.\"")]
    public async Task A_failure_answers_in_the_routes_own_form_telling_nothing_of_a_bugs_exception(string path, HttpStatusCode status, string mediaType, string says, string tells)
    {
        var response = await _reader.Client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(says, body);
        Assert.Contains(tells, body);
        Assert.DoesNotContain("secret detail", body);
    }

    [Fact]
    public async Task A_search_past_its_time_limit_is_not_logged_as_a_failure()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await _reader.Client.GetAsync("/api/costly")).StatusCode);
        Assert.Empty(_log.Lines);
    }

    [Fact]
    public async Task A_request_whose_client_has_gone_stops_and_is_not_logged_as_a_failure()
    {
        // The client goes once the route is at work: on a loaded machine a fixed delay could end
        // before the request reached the route, which then never ran.
        using var gone = new CancellationTokenSource();
        var asked = _reader.Client.GetAsync("/api/waiting", gone.Token);
        await _waitingStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await gone.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => asked);
        await _waitingStopped.Task.WaitAsync(TimeSpan.FromSeconds(10));
        // The handler's answer to the aborted request is written after the route stops.
        await Task.Delay(200);
        Assert.Empty(_log.Lines);
    }

    [Fact]
    public async Task An_empty_archive_has_an_index_and_a_search_that_say_so()
    {
        Assert.Contains("0 works", await _reader.Client.GetStringAsync("/"));
        Assert.Contains("Nothing found", await _reader.Client.GetStringAsync("/search?q=anything"));
    }
}
