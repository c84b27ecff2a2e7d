using Microsoft.AspNetCore.Builder;
using Verbatim.Archiving;
using Verbatim.Web.Hosting;

namespace Verbatim.Web.Tests.Hosting;

/// <summary>The real reader started on Kestrel over an archive the test owns, with a client to it; disposing stops it.</summary>
public sealed class HostedReader : IAsyncDisposable
{
    private HostedReader(WebApplication app, HttpClient client)
    {
        App = app;
        Client = client;
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    /// <param name="addRoutes">Routes added to the built host before it starts, for a test of how the host answers them.</param>
    public static async Task<HostedReader> Start(Archive archive, ReaderOptions? options = null, Action<WebApplication>? addRoutes = null)
    {
        var app = ReaderHost.Build(archive, options ?? new ReaderOptions(Port: 0));
        addRoutes?.Invoke(app);
        await app.StartAsync();
        return new HostedReader(app, new HttpClient { BaseAddress = app.Address() });
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
