using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Features.Shared;
using MigrationPortal.Web.Infrastructure.Authorization;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Intake;

[Authorize(Policy = Policies.Staff)]
[Route("leads")]
public sealed class LeadsController(Leads.Handler h) : PortalController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(LeadStatus? status, int page, CancellationToken ct) =>
        View("LeadList", await h.ListAsync(ModelState.IsValid ? status ?? LeadStatus.Open : LeadStatus.Open, ModelState.IsValid ? page : 1, ct));

    [HttpGet("new")]
    [Authorize(Policy = Policies.OfferEditor)]
    public async Task<IActionResult> New(CancellationToken ct) => Page(await h.GetAsync(null, User, ct), "LeadEdit");

    [HttpGet("{id:int}")]
    [Authorize(Policy = Policies.OfferEditor)]
    public async Task<IActionResult> Edit(int id, CancellationToken ct) => Page(await h.GetAsync(id, User, ct), "LeadEdit");

    [HttpPost("new")]
    [Authorize(Policy = Policies.OfferEditor)]
    public async Task<IActionResult> New(Leads.LeadForm form, CancellationToken ct) => SavedLead(await h.SaveAsync(form, ModelState.IsValid, ct));

    [HttpPost("{id:int}")]
    [Authorize(Policy = Policies.OfferEditor)]
    public async Task<IActionResult> Edit(Leads.LeadForm form, CancellationToken ct) => SavedLead(await h.SaveAsync(form, ModelState.IsValid, ct));

    [HttpPost("{id:int}/convert")]
    [Authorize(Policy = Policies.OfferEditor)]
    public async Task<IActionResult> Convert(int id, CancellationToken ct) =>
        Saved(await h.ConvertAsync(id, ct), string.Empty, "Lead.Converted", projectId => RedirectToAction("Show", "Projects", new { id = projectId }));

    [HttpPost("{id:int}/lost")]
    [Authorize(Policy = Policies.OfferEditor)]
    public async Task<IActionResult> Lost(int id, CancellationToken ct) =>
        Saved(await h.MarkLostAsync(id, ct), string.Empty, "Lead.MarkedLost", _ => RedirectToAction(nameof(Index)));

    private IActionResult SavedLead(Result<int> result) => Saved(result, "LeadEdit", "Lead.Saved", _ => RedirectToAction(nameof(Index)));
}
