using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Shared;

/// <summary>
/// The one mapping from a use case's <see cref="Result{T}"/> to a response: 404, 403, the page again with its field
/// errors, 409 with the conflict panel, or a redirect with a flash message. Actions stay one expression.
/// </summary>
public abstract class PortalController : Controller
{
    /// <summary>The key under which a conflict travels to <c>_Errors</c>, which shows it above the form.</summary>
    public const string ConflictKey = "Conflict";

    private IStringLocalizer L => HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();

    /// <summary>A page (GET): the view with the value, or what the failure calls for.</summary>
    protected IActionResult Page<T>(Result<T> result, string? view = null, Func<string, IActionResult>? refused = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.IsOk ? ViewPage(view, result.Value) : Failed(result.Failure!, view, refused);
    }

    /// <summary>The view with its model; a page around a form gives the form as the model and itself beside it.</summary>
    protected ViewResult ViewPage(string? view, object? page)
    {
        if (page is IFormPage formPage)
        {
            ViewData[FormPages.Key] = page;
            return View(view, formPage.Form);
        }

        return View(view, page);
    }

    /// <summary>A change (POST): saved means a flash and a redirect; otherwise the page again, or what the failure calls for.</summary>
    protected IActionResult Saved<T>(Result<T> result, string view, string? flashKey, Func<T, IActionResult> next, Func<string, IActionResult>? refused = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(next);
        if (!result.IsOk)
        {
            return Failed(result.Failure!, view, refused);
        }

        if (flashKey is not null)
        {
            Flash(flashKey);
        }

        return next(result.Value!);
    }

    /// <summary>A command with no page of its own (send, accept ...): a flash or the reason, and back to <paramref name="back"/>.</summary>
    protected IActionResult Done<T>(Result<T> result, string? flashKey, Func<T, IActionResult> next, Func<IActionResult> back)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(back);
        return Saved(result, view: string.Empty, flashKey, next, reason => RedirectWithError(reason, back()));
    }

    /// <summary>Back to the page a person came from when it is one of the portal's own, else to their start page.</summary>
    protected IActionResult LocalOrHome(string? url) => Url.IsLocalUrl(url) ? LocalRedirect(url) : RedirectToAction("Index", "Home");

    protected void Flash(string key, params object[] arguments) => TempData["Flash"] = L[key, arguments].Value;

    /// <summary>Shows the reason (a resource key) on the page it redirects to.</summary>
    protected IActionResult RedirectWithError(string reasonKey, IActionResult to)
    {
        TempData["Error"] = L[reasonKey].Value;
        return to;
    }

    private IActionResult Failed(Failure failure, string? view, Func<string, IActionResult>? refused)
    {
        switch (failure.Kind)
        {
            case ResultKind.NotFound:
                return NotFound();
            case ResultKind.Forbidden:
                return Forbid();
            case ResultKind.Refused when refused is not null:
                return refused(failure.Reason!);
            case ResultKind.Invalid when failure.Page is not null && !string.IsNullOrEmpty(view):
                // One message per field: what the binder could not read is not also reported missing.
                foreach (var e in (failure.Errors ?? []).Where(e => e.Field.Length == 0 || ModelState[e.Field] is not { Errors.Count: > 0 }))
                {
                    ModelState.AddModelError(e.Field, L[e.Key, e.Arguments.Select(Translated).ToArray()]);
                }

                return ViewPage(view, failure.Page);
            case ResultKind.Conflict when failure.Page is not null && !string.IsNullOrEmpty(view):
                // The form shows this person's values with the saved version: the values they typed, not a re-bound copy.
                Response.StatusCode = StatusCodes.Status409Conflict;
                ModelState.Clear();
                if (failure.Conflict is null)
                {
                    ModelState.AddModelError(string.Empty, L["Common.ConflictKept"]);
                }

                ViewData[ConflictKey] = failure.Conflict;
                return ViewPage(view, failure.Page);
            case ResultKind.Conflict:
                return refused?.Invoke("Common.Conflict") ?? Conflict();
            default:
                return refused?.Invoke(failure.Reason ?? (failure.Errors is [var first, ..] ? first.Key : null) ?? "Common.Conflict") ?? BadRequest();
        }
    }

    /// <summary>A <see cref="Label"/> argument is translated; others (what the person typed) are shown as they are.</summary>
    private object Translated(object argument) => argument is Label label ? L[label.Key].Value : argument;
}

/// <summary>Where a view whose model is a form finds the page around it.</summary>
public static class FormPages
{
    public const string Key = "Page";

    public static T Page<T>(this Microsoft.AspNetCore.Mvc.ViewFeatures.ViewDataDictionary viewData)
        where T : class =>
        (viewData ?? throw new ArgumentNullException(nameof(viewData)))[Key] as T
        ?? throw new InvalidOperationException($"The view expects a {typeof(T).Name} beside its form.");
}
