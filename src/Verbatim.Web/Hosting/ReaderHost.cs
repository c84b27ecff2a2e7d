using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Verbatim.Accounts;
using Verbatim.Archiving;
using Verbatim.Web.Accounts;
using Verbatim.Web.Api;
using Verbatim.Web.Assets;
using Verbatim.Web.Editing;
using Verbatim.Web.EvidencePacks;
using Verbatim.Web.Harvesting;
using Verbatim.Web.Pages;
using Verbatim.Web.Reading;

namespace Verbatim.Web.Hosting;

/// <param name="Port">The port to listen on; 0 lets the system choose a free one.</param>
public sealed record ReaderOptions(int Port = ReaderOptions.DefaultPort)
{
    public const int DefaultPort = 5080;

    /// <summary>The one address the reader listens on: the loopback interface unless told otherwise.</summary>
    public IPAddress Listen { get; init; } = IPAddress.Loopback;

    /// <summary>The most characters of body text a document page shows at once; a longer document is read a part at a time (?part=N).</summary>
    public int PartCharacters { get; init; } = DefaultPartCharacters;

    public const int DefaultPartCharacters = 200_000;

    /// <summary>The address the reader is reached at from elsewhere (a proxy's); its host is answered besides the loopback names, and canonical links use it.</summary>
    public Uri? PublicUrl { get; init; }

    /// <summary>Sign-in attempts one client address may make a minute; more are answered 429 (with the lockout, against guessing).</summary>
    public int SignInsPerMinute { get; init; } = 10;

    /// <summary>Quotation checks one client address may ask a minute (each may work for seconds); more are answered 429.</summary>
    public int QuoteChecksPerMinute { get; init; } = 60;

    /// <summary>A certificate (PEM) to serve HTTPS with, and its private key (PEM); plain HTTP where null.</summary>
    public (string Certificate, string Key)? Https { get; init; }

    /// <summary>Whether a proxy in front serves HTTPS and forwards the client's address and scheme (X-Forwarded-For, X-Forwarded-Proto; trusted from the loopback only).</summary>
    public bool BehindProxy { get; init; }

    /// <summary>The largest file an editor's upload may hold, as ingest's --max-file-size: a larger one fails with its size, and the others are stored.</summary>
    public long MaximumUploadFileBytes { get; init; } = IngestOptions.DefaultMaximumFileBytes;

    /// <summary>The most files one upload may hold; with <see cref="MaximumUploadFileBytes"/> it bounds the request.</summary>
    public const int MaximumUploadFiles = 20;

    /// <summary>The largest request an upload may be: its files at their largest, and room for the form's fields and the parts' headers; a larger one is answered 413.</summary>
    public long MaximumUploadBytes => MaximumUploadFileBytes * MaximumUploadFiles + (64 << 10);

    /// <summary>The records of one page of an OAI-PMH list (ListRecords, ListIdentifiers); the rest follow by resumption token.</summary>
    public int HarvestPageSize { get; init; } = 100;

    /// <summary>The clock by which embargoes end (tests set the day; the server runs on the system's).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}

/// <summary>The web reader: Kestrel on one address (the loopback interface unless told otherwise) over one open archive.</summary>
public static class ReaderHost
{
    /// <summary>The folder of the archive that holds the reader's data protection keys, readable by the archive's owner only.</summary>
    public const string KeysFolder = "reader-keys";

    /// <summary>Builds the reader over an archive the caller opened and keeps open (and disposes) for as long as the host runs.</summary>
    public static WebApplication Build(Archive archive, ReaderOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(ReaderHost).Assembly.GetName().Name });
        // The reader listens where its options say and nowhere else: no appsettings.json in the
        // working folder, environment variable (Kestrel__Endpoints__..., ASPNETCORE_URLS) or other
        // configuration source may add an endpoint or move one, so the host reads none of them.
        builder.Configuration.Sources.Clear();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(options.Listen, options.Port, listen =>
        {
            if (options.Https is var (certificate, key))
                listen.UseHttps(System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPemFile(certificate, key));
        }));
        builder.Services.AddSingleton(options);
        // Against DNS rebinding: a page fetched under another name cannot read the reader's answers.
        builder.Services.AddHostFiltering(filtering => filtering.AllowedHosts = AllowedHosts(options));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
        // A host that fails to start (a port in use) throws to the caller, which says so in one
        // line; the host's own log of it would add a stack trace to that line.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        builder.Services.AddSingleton(_ => new ReadingRoom(archive, clock: options.Clock));
        builder.Services.AddSingleton(_ => OpenAccounts(archive, options));
        builder.Services.AddSingleton(archive.Log);
        // Who asks: every route takes the viewer and the reading room answers with what they may see.
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped(services => services.GetRequiredService<ReaderAccounts>().ViewerOf(services.GetRequiredService<IHttpContextAccessor>().HttpContext!));
        AddSignIn(builder);
        AddRateLimits(builder, options);
        builder.Services.AddRazorComponents();
        var keysRefused = KeepKeys(builder, Path.Combine(archive.Layout.Root, KeysFolder));
        builder.Services.AddProblemDetails();
        // A request the framework cannot bind (a body that is not JSON) throws, and Failures
        // answers it with what was wrong instead of an empty 400.
        builder.Services.Configure<RouteHandlerOptions>(routing => routing.ThrowOnBadRequest = true);
        // Every GET route answers HEAD too (Routes.AnswerHeadAsGet); the document describes each once.
        builder.Services.AddOpenApi(openApi =>
        {
            var described = openApi.ShouldInclude;
            openApi.ShouldInclude = route => !string.Equals(route.HttpMethod, HttpMethods.Head, StringComparison.OrdinalIgnoreCase) && described(route);
        });
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            json.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            // As document.json writes them, so the OpenAPI schema of a stored document is true to it.
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        });

        var app = builder.Build();
        if (keysRefused is not null)
            app.Lifetime.ApplicationStarted.Register(() => app.Logger.LogWarning("{Refusal}", keysRefused));
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = Failures.Answer,
            // A request that cannot be read, or a search past its time limit, is the caller's error,
            // answered as such: not a failure for the log. (A request whose client has gone the
            // handler itself answers 499 without logging it as a failure.)
            SuppressDiagnosticsCallback = failure => Failures.IsCallersError(failure.Exception),
        });
        if (options.BehindProxy)
            app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto });
        app.UseMiddleware<SecurityHeaders>();
        app.UseHostFiltering();
        app.Use(async (context, next) =>
        {
            // OAI-PMH has arguments of its own ("from" is a date there), and answers their errors itself.
            if (!OaiEndpoints.Answers(context.Request.Path) && QueryParameters.Check(context.Request.Query) is { Count: > 0 } errors)
                await Failures.BadParameters(context, errors).ExecuteAsync(context);
            else
                await next(context);
        });
        app.UseAuthentication();
        app.Use(async (context, next) =>
        {
            // A script whose token is refused must not read on as the public, believing it reads as its account.
            if (TokenAuthentication.Carries(context.Request) && context.User.Identity?.IsAuthenticated != true)
                await Failures.Unauthorized(context).ExecuteAsync(context);
            else
                await next(context);
        });
        app.UseAntiforgery();
        app.UseRateLimiter();
        var reader = app.MapGroup("");
        reader.MapOpenApi();
        reader.MapAssets();
        reader.MapApi();
        reader.MapPages();
        reader.MapAccounts();
        reader.MapAccessEditing();
        reader.MapFieldEditing();
        reader.MapUploads();
        reader.MapPackVerifying();
        reader.MapOai();
        ((IEndpointConventionBuilder)reader).Finally(Routes.AnswerHeadAsGet);
        return app;
    }

    /// <summary>
    /// Signing in: a session cookie (HttpOnly, Secure, SameSite=Strict, eight hours, renewed while
    /// used) that carries only the key of a session kept in the archive's accounts (<see cref="SessionStore"/>)
    /// for people, an API token for scripts (<see cref="TokenAuthentication"/>).
    /// </summary>
    private static void AddSignIn(WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(CookieOrToken)
            .AddPolicyScheme(CookieOrToken, "a session or an API token", policy =>
                policy.ForwardDefaultSelector = context => TokenAuthentication.Carries(context.Request) ? TokenAuthentication.SchemeName : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(cookie =>
            {
                cookie.Cookie.Name = "verbatim-session";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
                cookie.SlidingExpiration = true;
                cookie.LoginPath = "/sign-in";
                cookie.ReturnUrlParameter = "returnUrl";
            })
            .AddScheme<AuthenticationSchemeOptions, TokenAuthentication>(TokenAuthentication.SchemeName, null);
        builder.Services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<ReaderAccounts>((cookie, accounts) => cookie.SessionStore = new SessionStore(accounts));
        builder.Services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "verbatim-form";
            // Secure where the request is: antiforgery refuses to run over plain HTTP with Always, and
            // its cookie is no credential (it is worth nothing without the form's token).
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
        });
    }

    private const string CookieOrToken = "session-or-token";

    /// <summary>The rate limit policies routes name (<c>RequireRateLimiting</c>), each a window of a minute per client address.</summary>
    public const string SignInLimit = "sign-in", QuoteCheckLimit = "check-quote";

    private static void AddRateLimits(WebApplicationBuilder builder, ReaderOptions options)
    {
        builder.Services.AddRateLimiter(limiter =>
        {
            foreach (var (policy, permits) in new[] { (SignInLimit, options.SignInsPerMinute), (QuoteCheckLimit, options.QuoteChecksPerMinute) })
            {
                limiter.AddPolicy(policy, context => RateLimitPartition.GetFixedWindowLimiter(ClientAddress.Of(context),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            }
            limiter.OnRejected = async (rejected, cancellation) =>
            {
                var retry = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
                rejected.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await Failures.TooMany(rejected.HttpContext, retry).ExecuteAsync(rejected.HttpContext);
            };
        });
    }

    /// <summary>The archive's accounts, or none where its folder cannot hold them (then only the public reads).</summary>
    private static ReaderAccounts OpenAccounts(Archive archive, ReaderOptions options)
    {
        try
        {
            return new ReaderAccounts(AccountBook.Open(archive.Layout, options.Clock), null);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            return new ReaderAccounts(null, $"the archive's accounts cannot be opened ({exception.Message}).");
        }
    }

    /// <summary>
    /// The hosts a request may name (without its port): the loopback names, the address listened
    /// on where it is one machine's, and the public URL's host.
    /// </summary>
    private static List<string> AllowedHosts(ReaderOptions options)
    {
        List<string> hosts = ["localhost", "127.0.0.1", "[::1]"];
        if (!options.Listen.Equals(IPAddress.Any) && !options.Listen.Equals(IPAddress.IPv6Any))
            hosts.Add(options.Listen.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{options.Listen}]" : options.Listen.ToString());
        if (options.PublicUrl is { } url)
            hosts.Add(url.Host);
        return hosts;
    }

    /// <summary>
    /// Keeps the data protection keys in the archive's folder for its owner only (no one else can
    /// read them, which is their protection: there is no key encryptor on Linux), or, where that
    /// folder cannot be written, in memory for this run. Returns the line that says so then.
    /// </summary>
    private static string? KeepKeys(WebApplicationBuilder builder, string folder)
    {
        var protection = builder.Services.AddDataProtection().SetApplicationName("verbatim-reader");
        // The key is stored unencrypted on purpose, in a folder only its owner can open: the
        // warning that says so on every first start would tell the reader's user nothing to do.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error);
        try
        {
            const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
            }
            else
            {
                Directory.CreateDirectory(folder, OwnerOnly);
                File.SetUnixFileMode(folder, OwnerOnly);
            }
            protection.PersistKeysToFileSystem(new DirectoryInfo(folder));
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            builder.Services.Configure<KeyManagementOptions>(keys => keys.XmlRepository = new KeysInMemory());
            return $"The reader's keys cannot be kept in {folder} ({exception.Message}); they live in memory until it stops.";
        }
    }

    /// <summary>The address the started host listens on, with the port the system chose where it was 0.</summary>
    public static Uri Address(this WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("the server reports no addresses; start it first");
        return new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
    }
}

/// <summary>Keys that live and die with the process, for an archive whose folder cannot hold them.</summary>
internal sealed class KeysInMemory : Microsoft.AspNetCore.DataProtection.Repositories.IXmlRepository
{
    private readonly List<System.Xml.Linq.XElement> _elements = [];

    public IReadOnlyCollection<System.Xml.Linq.XElement> GetAllElements()
    {
        lock (_elements)
            return [.. _elements.Select(e => new System.Xml.Linq.XElement(e))];
    }

    public void StoreElement(System.Xml.Linq.XElement element, string friendlyName)
    {
        lock (_elements)
            _elements.Add(new System.Xml.Linq.XElement(element));
    }
}
