using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Authorization;

namespace MigrationPortal.Web.Features.Intake;

[Authorize(Policy = Policies.Staff)]
[Route("leads")]
public sealed class LeadsController(Leads.Handler h, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(LeadStatus? status, CancellationToken ct) =>
        View("LeadList", await h.ListAsync(ModelState.IsValid ? status ?? LeadStatus.Open : LeadStatus.Open, ct));

    [HttpGet("new")]
    [Authorize(Policy = Policies.OfferEditor)]
    public async Task<IActionResult> New(CancellationToken ct) => View("LeadEdit", await h.GetAsync(null, User, ct));

    [HttpGet("{id:int}")]
    [Authorize(Policy = Policies.OfferEditor)]
    public async Task<IActionResult> Edit(int id, CancellationToken ct) =>
        await h.GetAsync(id, User, ct) is { } page ? View("LeadEdit", page) : NotFound();

    [HttpPost("new")]
    [Authorize(Policy = Policies.OfferEditor)]
    public Task<IActionResult> New(Leads.LeadForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.Id = null;
        return SaveAsync(form, ct);
    }

    [HttpPost("{id:int}")]
    [Authorize(Policy = Policies.OfferEditor)]
    public Task<IActionResult> Edit(int id, Leads.LeadForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.Id = id;
        return SaveAsync(form, ct);
    }

    [HttpPost("{id:int}/convert")]
    [Authorize(Policy = Policies.OfferEditor)]
    public async Task<IActionResult> Convert(int id, CancellationToken ct)
    {
        if (await h.ConvertAsync(id, ct) is not { } projectId)
        {
            return NotFound();
        }

        TempData["Flash"] = l["Lead.Converted"].Value;
        return Redirect($"/projects/{projectId}");
    }

    [HttpPost("{id:int}/lost")]
    [Authorize(Policy = Policies.OfferEditor)]
    public async Task<IActionResult> Lost(int id, CancellationToken ct)
    {
        if (!await h.MarkLostAsync(id, ct))
        {
            return NotFound();
        }

        TempData["Flash"] = l["Lead.MarkedLost"].Value;
        return Redirect("/leads");
    }

    private async Task<IActionResult> SaveAsync(Leads.LeadForm form, CancellationToken ct)
    {
        var (outcome, _, page, errors) = await h.SaveAsync(form, ModelState.IsValid, ct);
        switch (outcome)
        {
            case Leads.Outcome.Saved:
                TempData["Flash"] = l["Lead.Saved"].Value;
                return Redirect("/leads");
            case Leads.Outcome.NotFound:
                return NotFound();
            case Leads.Outcome.Conflict:
                Response.StatusCode = StatusCodes.Status409Conflict;
                ModelState.Clear();
                ModelState.AddModelError(string.Empty, l["Common.ConflictKept"]);
                return View("LeadEdit", page);
            default:
                foreach (var (field, key) in errors)
                {
                    ModelState.AddModelError(field, l[key]);
                }

                return View("LeadEdit", page);
        }
    }
}
