using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace MigrationPortal.Web.Features.Shared;

public sealed record ErrorViewModel(string TitleKey, string TextKey, string? RequestId);

/// <summary>
/// Friendly error pages in the user's language; never a stack trace. Refused requests of any verb are
/// re-executed here, a POST whose token failed included: checking the token again would turn the friendly
/// 400 page into a bare one. The action only reads the status code and renders; it changes nothing.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorController : Controller
{
    [Route("/error/{code:int?}")]
    public IActionResult Index(int? code)
    {
        // Re-executed requests (a POST that was refused, say) may not carry the route value: the feature knows the real status.
        var status = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalStatusCode ?? code ?? StatusCodes.Status500InternalServerError;

        // The database out of reach is not a fault of the request: "try again shortly", with a hint when.
        if (Infrastructure.DatabaseOutage.IsOutage(HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error))
        {
            status = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = "30";
        }

        Response.StatusCode = status;
        var key = status switch
        {
            503 => "Unavailable",
            403 => "Forbidden",
            404 => "NotFound",
            400 => "BadRequest",
            429 => "TooManyRequests",
            _ when status >= 500 => "ServerError",
            _ => "Other",
        };
        return View("Error", new ErrorViewModel($"Error.{key}.Title", $"Error.{key}.Text", status >= 500 ? Activity.Current?.Id ?? HttpContext.TraceIdentifier : null));
    }
}
