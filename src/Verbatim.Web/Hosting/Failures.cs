using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Verbatim.Web.Pages;

namespace Verbatim.Web.Hosting;

/// <summary>What an unexpected failure answers: ProblemDetails on the API, a page of the reader everywhere else.</summary>
public static class Failures
{
    public static async Task Answer(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status500InternalServerError,
                    Title = "The reader failed",
                    Detail = "Nothing in the archive was changed; the failure is in the server's log.",
                },
            });
            return;
        }
        await new RazorComponentResult<ErrorPage> { StatusCode = StatusCodes.Status500InternalServerError }.ExecuteAsync(context);
    }
}
