using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Verbatim.Access;
using Verbatim.EvidencePacks;
using Verbatim.Web.Hosting;
using Verbatim.Web.Pages;
using Verbatim.Web.Reading;

namespace Verbatim.Web.EvidencePacks;

/// <summary>
/// /verify-pack: anyone uploads an evidence pack (a .zip of its bag folder) and reads what
/// verify-pack would say of it, against the archive as they may see it. The zip is unpacked into
/// a temporary folder removed after the answer, within bounds on its size and entries.
/// </summary>
public static class PackVerifying
{
    /// <summary>The most a zipped pack may be, sent or unpacked.</summary>
    public const long MaximumPackBytes = 64L << 20;

    /// <summary>The most entries (files and folders) a zipped pack may hold.</summary>
    public const int MaximumPackEntries = 10_000;

    public static IEndpointRouteBuilder MapPackVerifying(this IEndpointRouteBuilder routes)
    {
        var pages = routes.MapGroup("").ExcludeFromDescription();
        pages.MapGet("/verify-pack", () => Page());
        // Verifying changes nothing, so the post needs no antiforgery token (as /check-quote); it is
        // rate-limited with the quotation checks, since both cost the server work per request.
        pages.MapPost("/verify-pack", Verify).DisableAntiforgery().RequireRateLimiting(ReaderHost.QuoteCheckLimit);
        return routes;
    }

    private static RazorComponentResult<VerifyPackPage> Page(PackVerification? verification = null, string? error = null, int status = StatusCodes.Status200OK)
        => new(new { Verification = verification, Error = error, MaximumMegabytes = MaximumPackBytes >> 20 }) { StatusCode = status };

    private static async Task<IResult> Verify(HttpContext context, ReadingRoom room, Viewer viewer)
    {
        context.Response.Headers.CacheControl = "no-store";
        if (context.Request.ContentLength > MaximumPackBytes + (64 << 10))
            return Page(error: $"The pack is larger than a pack sent here may be ({MaximumPackBytes >> 20} MB).", status: StatusCodes.Status413PayloadTooLarge);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = MaximumPackBytes + (64 << 10);
        if (!context.Request.HasFormContentType)
            return Page(error: "Choose the pack to verify: a .zip of its folder.", status: StatusCodes.Status400BadRequest);
        context.Features.Set<IFormFeature>(new FormFeature(context.Request, new FormOptions { MultipartBodyLengthLimit = MaximumPackBytes }));
        IFormFile? sent;
        try
        {
            sent = (await context.Request.ReadFormAsync(context.RequestAborted)).Files.GetFile("pack");
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Page(error: $"The pack is larger than a pack sent here may be ({MaximumPackBytes >> 20} MB).", status: StatusCodes.Status413PayloadTooLarge);
        }
        catch (InvalidDataException unread)
        {
            return Page(error: $"The upload cannot be read: {unread.Message}", status: StatusCodes.Status400BadRequest);
        }
        if (sent is null || sent.Length == 0)
            return Page(error: "Choose the pack to verify: a .zip of its folder.", status: StatusCodes.Status400BadRequest);
        var folder = Path.Combine(Path.GetTempPath(), $"verbatim-verify-pack-{Guid.NewGuid():N}");
        try
        {
            // The zip is copied whole to a file first: the unzipper seeks, and a file is read the same whatever the request's stream allows.
            Directory.CreateDirectory(folder);
            var zipped = Path.Combine(folder, "pack.zip");
            await using (var copy = File.Create(zipped))
                await sent.CopyToAsync(copy, context.RequestAborted);
            string bag;
            await using (var zip = File.OpenRead(zipped))
                bag = PackUpload.Unpack(zip, Path.Combine(folder, "unpacked"), MaximumPackBytes, MaximumPackEntries);
            var verification = room.VerifyPack(viewer, bag);
            // The folder is a temporary one of the server's: the page names the pack by what it holds.
            return Page(verification with { Folder = sent.FileName });
        }
        catch (InvalidDataException refused)
        {
            return Page(error: $"The pack cannot be unpacked: {refused.Message}.", status: StatusCodes.Status400BadRequest);
        }
        finally
        {
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
    }
}
