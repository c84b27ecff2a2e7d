using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Verbatim.Archiving;
using Verbatim.Storing;
using Verbatim.Web.Hosting;

namespace Verbatim.Web.Tests.Hosting;

/// <summary>
/// Where the reader listens and which hosts it answers: what its options say, whatever a
/// configuration file or the environment says. These tests change the process's working folder
/// and environment, so they run apart from every other test.
/// </summary>
[Collection(ProcessSettingsCollection.Name)]
public sealed class BindingTests : IDisposable
{
    private const string AnyAddress = "http://0.0.0.0:0";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"verbatim-web-binding-{Guid.NewGuid():N}");
    private readonly Archive _archive;
    private readonly string _id;

    public BindingTests()
    {
        _archive = Archive.Init(Path.Combine(_folder, "archive"));
        var letter = Path.Combine(_folder, "letter.txt");
        File.WriteAllText(letter, "A letter to cite\n\nDear comrade, the committee met today.\n\nYours, N.\n");
        _id = _archive.Ingest([letter], new IngestOptions("auto", "binding tests", new StoreUser("Tester", "mailto:tester@example.org"))).Documents.Single().Id;
    }

    public void Dispose()
    {
        _archive.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static IReadOnlyList<string> Bound(HostedReader reader)
        => [.. reader.App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses];

    [Fact]
    public async Task An_appsettings_file_in_the_working_folder_does_not_move_the_reader()
    {
        var settings = Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json");
        Assert.False(File.Exists(settings), $"{settings} exists already");
        File.WriteAllText(settings, $$"""{ "Kestrel": { "Endpoints": { "Http": { "Url": "{{AnyAddress}}" } } }, "urls": "{{AnyAddress}}" }""");
        try
        {
            await using var reader = await HostedReader.Start(_archive);
            Assert.All(Bound(reader), address => Assert.StartsWith("http://127.0.0.1:", address));
            Assert.Single(Bound(reader));
        }
        finally
        {
            File.Delete(settings);
        }
    }

    [Theory]
    [InlineData("Kestrel__Endpoints__Http__Url")]
    [InlineData("ASPNETCORE_URLS")]
    public async Task An_environment_variable_does_not_move_the_reader(string variable)
    {
        Environment.SetEnvironmentVariable(variable, AnyAddress);
        try
        {
            await using var reader = await HostedReader.Start(_archive);
            Assert.All(Bound(reader), address => Assert.StartsWith("http://127.0.0.1:", address));
            Assert.Single(Bound(reader));
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public async Task The_reader_listens_on_the_address_its_options_name_and_answers_that_host()
    {
        await using var reader = await HostedReader.Start(_archive, new ReaderOptions(Port: 0) { Listen = IPAddress.Parse("127.0.0.2") });
        var address = Assert.Single(Bound(reader));
        Assert.StartsWith("http://127.0.0.2:", address);
        Assert.Equal(HttpStatusCode.OK, (await reader.Client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_request_for_another_host_is_refused()
    {
        await using var reader = await HostedReader.Start(_archive);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/documents/{_id}/cite.bib");
        request.Headers.Host = "attacker.example";
        var response = await reader.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("attacker.example", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    public async Task A_loopback_name_is_answered_and_its_links_use_it(string host)
    {
        await using var reader = await HostedReader.Start(_archive);
        var port = reader.App.Address().Port;
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/documents/{_id}/cite.bib");
        request.Headers.Host = $"{host}:{port}";
        var response = await reader.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"url = {{http://{host}:{port}/documents/{_id}}}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task With_a_public_url_its_host_is_answered_and_canonical_links_use_it()
    {
        var options = new ReaderOptions(Port: 0) { PublicUrl = new Uri("https://letters.example.org/") };
        await using var reader = await HostedReader.Start(_archive, options);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/documents/{_id}/cite.bib");
        request.Headers.Host = "letters.example.org";
        var response = await reader.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"url = {{https://letters.example.org/documents/{_id}}}", await response.Content.ReadAsStringAsync());
        Assert.Contains($"https://letters.example.org/documents/{_id}", await reader.Client.GetStringAsync($"/documents/{_id}/cite.json"));
    }

    [Fact]
    public async Task Given_a_certificate_the_reader_serves_https_with_it()
    {
        using var key = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=127.0.0.1", key, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var (pem, keyPem) = (Path.Combine(_folder, "reader.crt"), Path.Combine(_folder, "reader.key"));
        File.WriteAllText(pem, certificate.ExportCertificatePem());
        File.WriteAllText(keyPem, key.ExportPkcs8PrivateKeyPem());

        await using var reader = await HostedReader.Start(_archive, new ReaderOptions(Port: 0) { Https = (pem, keyPem) });
        using var client = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == certificate.Thumbprint })
        {
            BaseAddress = reader.Client.BaseAddress,
        };

        Assert.Equal("https", reader.Client.BaseAddress!.Scheme);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessSettingsCollection
{
    public const string Name = "process settings";
}
