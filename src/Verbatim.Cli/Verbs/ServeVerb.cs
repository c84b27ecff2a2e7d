using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Verbatim.Archiving;
using Verbatim.Web.Hosting;

namespace Verbatim.Cli.Verbs;

/// <summary>`verbatim serve`: the web reader and the JSON API over an archive, on the loopback interface.</summary>
public static class ServeVerb
{
    public static Option<int> Port() => new("--port")
    {
        Description = $"The port on 127.0.0.1 to serve on (default {ReaderOptions.DefaultPort}; 0 picks a free one).",
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

    public static Command Create(Option<string?> archive)
    {
        var port = Port();
        var command = new Command("serve", "Serve the archive to a browser (the web reader) and as a JSON API, on 127.0.0.1 until stopped with Ctrl+C.") { port };
        command.SetAction(result => ArchiveOptions.Run(result, (output, _) =>
        {
            using var opened = ArchiveOptions.Open(result, archive);
            return Serve(opened, result.GetValue(port), output);
        }));
        return command;
    }

    /// <summary>Serves an open archive until the process is told to stop; the archive stays locked against other writers meanwhile.</summary>
    public static int Serve(Archive archive, int port, TextWriter output)
    {
        using var app = ReaderHost.Build(archive, new ReaderOptions(port));
        app.Start();
        output.WriteLine($"Serving {archive.Layout.Root} at {app.Address()} (API: {new Uri(app.Address(), "/api/documents")}); Ctrl+C stops.");
        output.Flush();
        app.WaitForShutdown();
        return 0;
    }
}
