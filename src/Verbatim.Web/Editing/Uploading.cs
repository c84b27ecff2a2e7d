using System.Threading.Channels;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Verbatim.Access;
using Verbatim.Archiving;
using Verbatim.Formats;
using Verbatim.Web.Accounts;
using Verbatim.Web.Hosting;
using Verbatim.Web.Pages;
using Verbatim.Web.Reading;

namespace Verbatim.Web.Editing;

/// <summary>
/// Editors add documents from the browser: the files are read by ingest's readers and stored by
/// a writer opened for the upload alone (the reader itself only reads), with the editor as the
/// versions' user, and the answer is streamed: a line per document as it is stored, then what
/// ingest reports. To anyone else the address is one where nothing is.
/// </summary>
public static class Uploading
{
    private static readonly IReadOnlyList<string> Formats = [FormatRegistry.Auto, .. Readers.CreateDefaultRegistry().Formats];

    public static IEndpointRouteBuilder MapUploads(this IEndpointRouteBuilder routes)
    {
        var pages = routes.MapGroup("").ExcludeFromDescription();
        pages.MapGet("/upload", (HttpContext context, ReaderOptions options, Viewer viewer) =>
            viewer.SeesEverything ? Form(context, options) : NothingHere(context));
        pages.MapPost("/upload", Upload);
        return routes;
    }

    private static IResult NothingHere(HttpContext context) => Failures.NotFound(context, "There is nothing at this address.");

    private static RazorComponentResult<UploadPage> Form(HttpContext context, ReaderOptions options, string? error = null, IFormCollection? sent = null, int status = StatusCodes.Status200OK)
    {
        context.Response.Headers.CacheControl = "no-store";
        return new RazorComponentResult<UploadPage>(new
        {
            Form = FormToken.For(context),
            Formats,
            MaximumFileBytes = options.MaximumUploadFileBytes,
            Format = sent?["format"].ToString(),
            Message = sent?["message"].ToString(),
            Access = sent?["access"].ToString(),
            Error = error,
        })
        { StatusCode = status };
    }

    private static async Task<IResult> Upload(HttpContext context, IAntiforgery antiforgery, ReadingRoom room, ReaderOptions options, Viewer viewer)
    {
        // Who may not upload is answered before the request is read, as an address where nothing is.
        if (!viewer.SeesEverything)
            return NothingHere(context);
        var limit = options.MaximumUploadBytes;
        if (context.Request.ContentLength > limit)
            return TooLarge(context, options);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = limit;
        context.Features.Set<IFormFeature>(new FormFeature(context.Request, new FormOptions { MultipartBodyLengthLimit = limit }));
        IFormCollection form;
        try
        {
            if (!await antiforgery.IsRequestValidAsync(context))
                return Failures.Forged(context);
            form = await context.Request.ReadFormAsync(context.RequestAborted);
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(context, options);
        }
        catch (InvalidDataException unread)
        {
            return Form(context, options, $"The upload cannot be read: {unread.Message}", status: StatusCodes.Status400BadRequest);
        }

        var format = form["format"].ToString() is { Length: > 0 } named ? named : FormatRegistry.Auto;
        var message = form["message"].ToString().Trim();
        var (access, accessError) = string.IsNullOrWhiteSpace(form["access"]) ? (null, null) : DocumentAccess.Parse(form["access"].ToString().Trim());
        var refusal = form.Files.Count == 0 ? "Choose the files to upload."
            : form.Files.Count > ReaderOptions.MaximumUploadFiles ? $"An upload holds at most {ReaderOptions.MaximumUploadFiles} files; this one held {form.Files.Count}."
            : message.Length == 0 ? "Say what the upload is: the message is kept with every version it makes."
            : !Formats.Contains(format, StringComparer.OrdinalIgnoreCase) ? $"There is no reader “{format}” (known: {string.Join(", ", Formats)})."
            : accessError;
        if (refusal is not null)
            return Form(context, options, refusal, form, StatusCodes.Status400BadRequest);

        UploadFolder folder;
        try
        {
            folder = await UploadFolder.Write(new ArchiveLayout(room.ArchiveRoot), form.Files, context.RequestAborted);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Refused(context, StatusCodes.Status503ServiceUnavailable, $"The archive's folder cannot take the files: {exception.Message}. Nothing was stored.");
        }
        using (folder)
        {
            Archive writer;
            try
            {
                writer = Archive.Open(room.ArchiveRoot, EditorWrites.WriterWait);
            }
            catch (ArchiveBusyException busy)
            {
                return Refused(context, StatusCodes.Status503ServiceUnavailable, $"Another process is writing the archive: {busy.Message}. Nothing was stored; upload the files again in a moment.");
            }
            using (writer)
            {
                var ingest = new IngestOptions(format, message, EditorWrites.UserOf(viewer))
                {
                    MaximumFileBytes = options.MaximumUploadFileBytes,
                    From = ClientAddress.Of(context),
                    Access = access,
                };
                await Stream(context, writer, folder, ingest);
            }
        }
        return Results.Empty;
    }

    /// <summary>
    /// The answer as the ingest goes: the page's head at once, a line per file as ingest begins
    /// to read it and per document once it is durably stored (a batch at a time), then the
    /// summary and the rest of the page. Plain HTML sent in pieces, so it needs no script.
    /// </summary>
    private static async Task Stream(HttpContext context, Archive writer, UploadFolder folder, IngestOptions options)
    {
        var response = context.Response;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        await using var renderer = new HtmlRenderer(context.RequestServices, context.RequestServices.GetRequiredService<ILoggerFactory>());
        var page = await Render<UploadProgressPage>(renderer, new() { ["Files"] = folder.Files.Count + folder.Refused.Count, ["Message"] = options.Message });
        var slot = page.IndexOf(UploadProgressPage.Slot, StringComparison.Ordinal);
        await response.WriteAsync(page[..slot]);
        await response.Body.FlushAsync();

        var events = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        // Ingest writes synchronously and the response is written asynchronously: the ingest runs
        // on a thread of its own and hands over each file it begins to read and each document once stored.
        var ingest = Task.Run(() =>
        {
            try
            {
                return writer.Ingest(folder.Files, options, new Handover(events.Writer), stored: document => events.Writer.TryWrite(document));
            }
            finally
            {
                events.Writer.Complete();
            }
        });
        var shown = new List<IngestedDocument>();
        try
        {
            await foreach (var happened in events.Reader.ReadAllAsync())
            {
                if (happened is IngestedDocument document)
                {
                    shown.Add(folder.Shown(document));
                    await response.WriteAsync(await Render<UploadLine>(renderer, new() { ["Document"] = shown[^1] }));
                }
                else if (happened is IngestProgress { Path: { } path } reading)
                {
                    await response.WriteAsync(await Render<UploadReading>(renderer, new() { ["Name"] = folder.NameOf(path), ["Number"] = reading.Done + 1, ["Total"] = reading.Total }));
                }
                await response.Body.FlushAsync();
            }
            Dictionary<string, object?> summary;
            try
            {
                summary = new() { ["Report"] = folder.Shown(await ingest) };
            }
            catch (ArchiveException stopped)
            {
                summary = new() { ["Report"] = new IngestReport(shown, folder.Refused), ["Stopped"] = stopped.Message };
            }
            await response.WriteAsync(await Render<UploadSummary>(renderer, summary));
            await response.WriteAsync(page[(slot + UploadProgressPage.Slot.Length)..]);
        }
        finally
        {
            // A browser gone mid-answer does not stop the ingest: the writer and the files are let go only once it ends.
            await Task.WhenAny(ingest);
        }
    }

    /// <summary>
    /// Ingest's progress handed over in the order ingest reports it, on ingest's own thread
    /// (<see cref="Progress{T}"/> would post each report to the thread pool, in no order).
    /// </summary>
    private sealed class Handover(ChannelWriter<object> events) : IProgress<IngestProgress>
    {
        public void Report(IngestProgress value) => events.TryWrite(value);
    }

    private static async Task<string> Render<TComponent>(HtmlRenderer renderer, Dictionary<string, object?> parameters) where TComponent : IComponent
        => await renderer.Dispatcher.InvokeAsync(async () => (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString());

    private static IResult TooLarge(HttpContext context, ReaderOptions options)
        => Refused(context, StatusCodes.Status413PayloadTooLarge,
            $"The upload is larger than an upload may be: at most {ReaderOptions.MaximumUploadFiles} files of {Presenting.Wording.Megabytes(options.MaximumUploadFileBytes)} each. Nothing was stored; upload fewer files at a time.");

    private static RazorComponentResult<RefusalPage> Refused(HttpContext context, int status, string message)
    {
        context.Response.Headers.CacheControl = "no-store";
        return new RazorComponentResult<RefusalPage>(new { Title = "The upload was not stored", Messages = new[] { message } }) { StatusCode = status };
    }
}
