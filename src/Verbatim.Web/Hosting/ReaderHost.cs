using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Verbatim.Archiving;
using Verbatim.Web.Api;
using Verbatim.Web.Assets;
using Verbatim.Web.Pages;
using Verbatim.Web.Reading;

namespace Verbatim.Web.Hosting;

/// <param name="Port">The loopback port to listen on; 0 lets the system choose a free one.</param>
public sealed record ReaderOptions(int Port = ReaderOptions.DefaultPort)
{
    public const int DefaultPort = 5080;
}

/// <summary>The web reader: Kestrel on the loopback interface over one open archive.</summary>
public static class ReaderHost
{
    /// <summary>Builds the reader over an archive the caller opened and keeps open (and disposes) for as long as the host runs.</summary>
    public static WebApplication Build(Archive archive, ReaderOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(ReaderHost).Assembly.GetName().Name });
        builder.WebHost.UseUrls($"http://127.0.0.1:{options.Port}");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // A host that fails to start (a port in use) throws to the caller, which says so in one
        // line; the host's own log of it would add a stack trace to that line.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        builder.Services.AddSingleton(_ => new ReadingRoom(archive));
        builder.Services.AddRazorComponents();
        // The reader posts no forms and keeps no sessions: keys that live and die with the
        // process are enough, and nothing is written outside the archive's owner's choosing.
        builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();
        builder.Services.AddProblemDetails();
        // A request the framework cannot bind (a body that is not JSON) throws, and Failures
        // answers it with what was wrong instead of an empty 400.
        builder.Services.Configure<RouteHandlerOptions>(routing => routing.ThrowOnBadRequest = true);
        builder.Services.AddOpenApi();
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            json.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            // As document.json writes them, so the OpenAPI schema of a stored document is true to it.
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        });

        var app = builder.Build();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = Failures.Answer,
            // A request that cannot be read is the caller's error, answered as such: not a failure for the log.
            SuppressDiagnosticsCallback = failure => failure.Exception is BadHttpRequestException,
        });
        app.UseMiddleware<SecurityHeaders>();
        app.Use(async (context, next) =>
        {
            if (QueryParameters.Check(context.Request.Query) is { Count: > 0 } errors)
                await Failures.BadParameters(context, errors).ExecuteAsync(context);
            else
                await next(context);
        });
        var reader = app.MapGroup("");
        reader.MapOpenApi();
        reader.MapAssets();
        reader.MapApi();
        reader.MapPages();
        ((IEndpointConventionBuilder)reader).Finally(Routes.AnswerHeadAsGet);
        return app;
    }

    /// <summary>The address the started host listens on, with the port the system chose where it was 0.</summary>
    public static Uri Address(this WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("the server reports no addresses; start it first");
        return new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
    }
}
