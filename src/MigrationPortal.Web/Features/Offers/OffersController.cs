using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Authorization;

namespace MigrationPortal.Web.Features.Offers;

public sealed class OffersController(IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("/offers")]
    [Authorize(Policy = Policies.Staff)]
    public async Task<IActionResult> Pipeline([FromServices] SalesPipeline.Handler h, CancellationToken ct) => View("Pipeline", await h.GetAsync(ct));

    [HttpGet("/projects/{projectId:int}/offers")]
    public async Task<IActionResult> ForProject(int projectId, [FromServices] OfferViewing.Handler h, CancellationToken ct) =>
        await h.ForProjectAsync(projectId, User, ct) switch
        {
            (OfferOutcome.Ok, { } page) => View("ProjectOffers", page),
            _ => NotFound(),
        };

    [HttpPost("/projects/{projectId:int}/offers")]
    public async Task<IActionResult> Create(int projectId, [FromServices] OfferEditing.Handler h, CancellationToken ct) =>
        await h.CreateAsync(projectId, User, ct) switch
        {
            (OfferOutcome.Ok, var id) => Redirect($"/offers/{id}/edit"),
            (OfferOutcome.Forbidden, _) => Forbid(),
            (OfferOutcome.Locked, _) => ProjectOffersWithError(projectId),
            _ => NotFound(),
        };

    [HttpGet("/offers/{id:int}")]
    public async Task<IActionResult> Show(int id, [FromServices] OfferViewing.Handler h, CancellationToken ct) =>
        await h.ShowAsync(id, User, ct) switch
        {
            (OfferOutcome.Ok, { } page) => View("Show", page),
            _ => NotFound(),
        };

    [HttpGet("/offers/{id:int}/pdf")]
    public async Task<IActionResult> Pdf(int id, [FromServices] OfferViewing.Handler h, [FromServices] OfferPdf pdf, CancellationToken ct) =>
        await h.PdfAsync(id, User, pdf, ct) switch
        {
            (OfferOutcome.Ok, { } bytes, { } name) => File(bytes, "application/pdf", name),
            _ => NotFound(),
        };

    [HttpGet("/offers/{id:int}/compare")]
    public async Task<IActionResult> Compare(int id, [FromServices] OfferViewing.Handler h, CancellationToken ct) =>
        await h.CompareAsync(id, User, ct) switch
        {
            (OfferOutcome.Ok, { } revisions) => View("Compare", revisions),
            _ => NotFound(),
        };

    [HttpGet("/offers/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, [FromServices] OfferEditing.Handler h, CancellationToken ct) =>
        await h.GetAsync(id, User, ct) switch
        {
            (OfferOutcome.Ok, { } page) => View("Edit", page),
            (OfferOutcome.Locked, _) => Redirect($"/offers/{id}"),
            (OfferOutcome.Forbidden, _) => Forbid(),
            _ => NotFound(),
        };

    [HttpPost("/offers/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, OfferEditing.Form form, [FromServices] OfferEditing.Handler h, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.RevisionId = id;
        var (outcome, page, errors) = await h.SaveAsync(form, ModelState.IsValid, User, ct);
        switch (outcome)
        {
            case OfferOutcome.Ok:
                TempData["Flash"] = l["Offer.Saved"].Value;
                return Redirect(Request.Form.ContainsKey("stay") ? $"/offers/{id}/edit" : $"/offers/{id}");
            case OfferOutcome.Invalid:
                foreach (var (field, message) in errors)
                {
                    ModelState.AddModelError(field, message);
                }

                return View("Edit", page);
            case OfferOutcome.Conflict:
                Response.StatusCode = StatusCodes.Status409Conflict;
                ModelState.Clear();
                ModelState.AddModelError(string.Empty, l["Common.ConflictKept"]);
                return View("Edit", page);
            case OfferOutcome.Locked:
                TempData["Error"] = l["Offer.LockedText"].Value;
                return Redirect($"/offers/{id}");
            case OfferOutcome.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
    }

    [HttpPost("/offers/{id:int}/send")]
    public async Task<IActionResult> Send(int id, int version, [FromServices] OfferEditing.Handler h, CancellationToken ct)
    {
        switch (await h.SendAsync(id, version, User, ct))
        {
            case OfferOutcome.Ok:
                TempData["Flash"] = l["Offer.SentFlash"].Value;
                break;
            case OfferOutcome.Forbidden:
                return Forbid();
            case OfferOutcome.NotFound:
                return NotFound();
            case OfferOutcome.Invalid:
                TempData["Error"] = l["Offer.CannotSend"].Value;
                break;
            case OfferOutcome.Conflict:
                TempData["Error"] = l["Common.Conflict"].Value;
                break;
            default:
                TempData["Error"] = l["Offer.LockedText"].Value;
                break;
        }

        return Redirect($"/offers/{id}");
    }

    [HttpPost("/offers/{id:int}/revise")]
    public async Task<IActionResult> Revise(int id, [FromServices] OfferEditing.Handler h, CancellationToken ct) =>
        await h.ReviseAsync(id, User, ct) switch
        {
            (OfferOutcome.Ok, var newId) => Redirect($"/offers/{newId}/edit"),
            (OfferOutcome.Forbidden, _) => Forbid(),
            (OfferOutcome.Locked, _) => RedirectWithError(id, "Offer.AcceptedLocked"),
            _ => NotFound(),
        };

    [HttpPost("/offers/{id:int}/accept")]
    public async Task<IActionResult> Accept(int id, string? fullName, bool confirm, [FromServices] OfferDecision.Handler h, CancellationToken ct)
    {
        var result = await h.AcceptAsync(id, fullName, confirm, HttpContext.Connection.RemoteIpAddress?.ToString(), Request.Headers.UserAgent.ToString(), User, ct);
        return Decided(id, result, "Offer.AcceptedFlash");
    }

    [HttpPost("/offers/{id:int}/decline")]
    public async Task<IActionResult> Decline(int id, string? reason, [FromServices] OfferDecision.Handler h, CancellationToken ct)
    {
        var result = await h.DeclineAsync(id, reason, User, ct);
        if (result is { Outcome: OfferOutcome.Invalid, Problem: AcceptanceProblem.None })
        {
            return RedirectWithError(id, "Offer.DeclineNeedsReason");
        }

        return Decided(id, result, "Offer.DeclinedFlash");
    }

    private RedirectResult ProjectOffersWithError(int projectId)
    {
        TempData["Error"] = l["Offer.ProjectHasAccepted"].Value;
        return Redirect($"/projects/{projectId}/offers");
    }

    private IActionResult Decided(int id, OfferDecision.Result result, string flashKey)
    {
        switch (result.Outcome)
        {
            case OfferOutcome.Ok:
                TempData["Flash"] = l[flashKey].Value;
                return Redirect($"/offers/{id}");
            case OfferOutcome.NotFound:
                return NotFound();
            case OfferOutcome.Forbidden:
                return Forbid();
            default:
                return RedirectWithError(id, "Acceptance." + result.Problem);
        }
    }

    private RedirectResult RedirectWithError(int id, string key)
    {
        TempData["Error"] = l[key].Value;
        return Redirect($"/offers/{id}");
    }
}
