using Verbatim.Web.Hosting;
using Verbatim.Web.Tests.Accounts;

namespace Verbatim.Web.Tests.Hosting;

/// <summary>Tests each of which serves a new archive of its own (<see cref="ServedArchive"/>), started before and removed after it.</summary>
public abstract class ServedArchiveTests : IAsyncLifetime
{
    private ServedArchive? _served;

    internal ServedArchive Served => _served ?? throw new InvalidOperationException("the archive is served from InitializeAsync on");

    protected Uri Address => Served.Address;

    /// <summary>The folder of samples/ the archive is made of.</summary>
    protected virtual string Samples => "mia";

    public async Task InitializeAsync() => _served = await ServedArchive.Start(Samples);

    public async Task DisposeAsync()
    {
        if (_served is not null)
            await _served.DisposeAsync();
    }

    internal Task<CookieBrowser> SignedIn(string name, HostedReader? reader = null) => Served.SignedIn(name, reader);
}
