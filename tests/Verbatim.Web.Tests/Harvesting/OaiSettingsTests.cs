using System.Net;
using Verbatim.Cli.Tests;
using Verbatim.Web.Tests.Hosting;

namespace Verbatim.Web.Tests.Harvesting;

/// <summary>Before its owner says who the repository is, harvesters are told it is not ready, and `serve` says what to set.</summary>
public sealed class OaiSettingsTests : IDisposable
{
    private readonly string _archive = Path.Combine(Path.GetTempPath(), $"verbatim-oai-settings-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_archive))
            Directory.Delete(_archive, recursive: true);
    }

    [Fact]
    public async Task Serve_names_the_missing_settings_and_harvesters_are_answered_once_they_are_set()
    {
        Assert.Equal(0, CliRun.Of("init", "--archive", _archive).ExitCode);
        Assert.Equal(0, CliRun.Of("ingest", CliRun.Seed("000"), "--archive", _archive).ExitCode);
        using var server = await ServerProcess.StartAsync("serve", "--archive", _archive, "--port", "0");
        using var client = new HttpClient { BaseAddress = server.Address };

        Assert.Contains("OAI-PMH (/oai) is off until the archive's owner sets repository-name and admin-email: verbatim settings set repository-name VALUE", server.Printed, StringComparison.Ordinal);
        var refused = await client.GetAsync("/oai?verb=Identify");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Contains("repository-name and admin-email", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(0, CliRun.Of("settings", "set", "repository-name", "The seeds", "--archive", _archive).ExitCode);
        Assert.Equal(0, CliRun.Of("settings", "set", "admin-email", "keeper@example.org", "--archive", _archive).ExitCode);
        var identify = await client.GetStringAsync("/oai?verb=Identify");

        // Without a base-url set, the address it is served at.
        Assert.Contains("<repositoryName>The seeds</repositoryName>", identify, StringComparison.Ordinal);
        Assert.Contains($"<baseURL>{new Uri(server.Address, "/oai")}</baseURL>", identify, StringComparison.Ordinal);
    }
}
