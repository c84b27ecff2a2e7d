using System.CommandLine;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Verbatim.Archiving;
using Verbatim.Web.Harvesting;
using Verbatim.Web.Hosting;

namespace Verbatim.Cli.Verbs;

/// <summary>`verbatim serve`: the web reader and the JSON API over an archive, on the loopback interface unless told otherwise.</summary>
public static class ServeVerb
{
    public static Option<int> Port() => new("--port")
    {
        Description = $"The port to serve on (default {ReaderOptions.DefaultPort}; 0 picks a free one).",
        DefaultValueFactory = _ => ReaderOptions.DefaultPort,
        Validators =
        {
            result =>
            {
                if (result.GetValueOrDefault<int>() is < 0 or > 65535)
                    result.AddError("--port must be between 0 and 65535");
            },
        },
    };

    public static Option<IPAddress> Listen() => new("--listen")
    {
        Description = "The IP address to serve on (default 127.0.0.1). Any other than the loopback interface makes the archive reachable from the network.",
        HelpName = "ADDRESS",
        DefaultValueFactory = _ => IPAddress.Loopback,
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (IPAddress.TryParse(text, out var address))
                return address;
            result.AddError($"--listen takes an IP address (127.0.0.1, 0.0.0.0, ::1), not '{text}'");
            return null;
        },
    };

    public static Option<Uri?> PublicUrl() => new("--public-url")
    {
        Description = "The address the reader is reached at through a proxy (https://letters.example.org/): its host is answered besides the loopback names, and citations link to it.",
        HelpName = "URL",
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
                return url;
            result.AddError($"--public-url takes an absolute http or https address (https://letters.example.org/), not '{text}'");
            return null;
        },
    };

    public static Command Create(Option<string?> archive)
    {
        var port = Port();
        var listen = Listen();
        var publicUrl = PublicUrl();
        var inbox = new Option<string?>("--inbox")
        {
            Description = "A folder whose files are ingested as they arrive, once complete, as `verbatim watch` does: moved to DIR/done/ or, with their error, to DIR/failed/.",
            HelpName = "DIR",
        };
        var settle = WatchVerb.Settle();
        var defaults = new ReaderOptions();
        var signIns = PerMinute("--sign-ins-per-minute", "Sign-in attempts one client address may make a minute", defaults.SignInsPerMinute);
        var quoteChecks = PerMinute("--quote-checks-per-minute", "Quotation checks one client address may ask a minute (behind a proxy every client is the proxy's address)", defaults.QuoteChecksPerMinute);
        var certificate = new Option<string?>("--certificate") { Description = "Serve HTTPS with this certificate (PEM; with --certificate-key).", HelpName = "FILE" };
        var certificateKey = new Option<string?>("--certificate-key") { Description = "The certificate's private key (PEM).", HelpName = "FILE" };
        var behindProxy = new Option<bool>("--behind-proxy") { Description = "A proxy on this machine serves HTTPS in front of the reader and forwards the client's address (X-Forwarded-For, X-Forwarded-Proto)." };
        var command = new Command("serve", "Serve the archive to a browser (the web reader) and as a JSON API, on 127.0.0.1 unless told otherwise, until stopped with Ctrl+C.")
        {
            port, listen, publicUrl, inbox, settle, signIns, quoteChecks, certificate, certificateKey, behindProxy,
        };
        command.Validators.Add(result =>
        {
            if ((result.GetValue(certificate) is null) != (result.GetValue(certificateKey) is null))
                result.AddError("--certificate and --certificate-key go together");
        });
        command.SetAction(result => ArchiveOptions.Run(result, (output, error) =>
        {
            using var opened = ArchiveOptions.OpenForReading(result, archive);
            var watched = result.GetValue(inbox) is { } folder
                ? new Inbox(WatchVerb.Options(result, archive, folder, result.GetValue(settle), "ingest from the inbox"))
                : null;
            return Serve(opened, new ReaderOptions(result.GetValue(port))
            {
                Listen = result.GetValue(listen)!,
                PublicUrl = result.GetValue(publicUrl),
                SignInsPerMinute = result.GetValue(signIns),
                QuoteChecksPerMinute = result.GetValue(quoteChecks),
                Https = result.GetValue(certificate) is { } pem ? (pem, result.GetValue(certificateKey)!) : null,
                BehindProxy = result.GetValue(behindProxy),
            }, output, watched, error);
        }));
        return command;
    }

    private static Option<int> PerMinute(string name, string what, int fallback) => new(name)
    {
        Description = $"{what}; more are answered 429 (default {fallback}).",
        HelpName = "N",
        DefaultValueFactory = _ => fallback,
        Validators = { r => { if (r.GetValueOrDefault<int>() < 1) r.AddError($"{name} must be 1 or more"); } },
    };

    /// <summary>The line that warns that an address other than the loopback interface's opens the archive to the network; null for a loopback address.</summary>
    public static string? NetworkWarning(IPAddress listen, bool https = false)
        => IPAddress.IsLoopback(listen)
            ? null
            : $"warning: serving on {listen}: the archive is then reachable from the network, by anyone who can reach this machine."
                + (https ? "" : " It is served without HTTPS, so passwords and sessions cross the network in clear: give --certificate and --certificate-key, or --behind-proxy where a proxy serves HTTPS.");

    /// <summary>
    /// Serves an archive opened for reading until the process is told to stop; other processes
    /// read and write it meanwhile, and so does the inbox, when one is given, as a writer like them.
    /// </summary>
    public static int Serve(Archive archive, ReaderOptions options, TextWriter output, Inbox? inbox = null, TextWriter? error = null)
    {
        using var app = ReaderHost.Build(archive, options);
        app.Start();
        output = TextWriter.Synchronized(output);
        if (NetworkWarning(options.Listen, options.Https is not null || options.BehindProxy) is { } warning)
            output.WriteLine(warning);
        // Before the line that says where it serves, which scripts wait for as the sign it is ready.
        if (inbox is not null)
            output.WriteLine($"Ingesting the files that arrive in {inbox.Folder}.");
        if (ArchiveSettings.Read(archive.Layout).MissingForHarvesters() is { Count: > 0 } missing)
            output.WriteLine("note: " + OaiEndpoints.MissingSettings(missing));
        output.WriteLine($"Serving {archive.Layout.Root} at {app.Address()} (API: {new Uri(app.Address(), "/api/documents")}); Ctrl+C stops.");
        output.Flush();
        var watching = inbox is null
            ? Task.CompletedTask
            : Task.Run(() => inbox.RunAsync(round => WatchVerb.Report(round, output), WatchVerb.Failure(error ?? output), app.Lifetime.ApplicationStopping));
        app.WaitForShutdown();
        watching.GetAwaiter().GetResult();
        return 0;
    }
}
