using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MigrationPortal.Web.Features.Shared;
using MigrationPortal.Web.Infrastructure.Authorization;

namespace MigrationPortal.Web.Features.Offers;

public sealed class OffersController : PortalController
{
    [HttpGet("/offers")]
    [Authorize(Policy = Policies.Staff)]
    public async Task<IActionResult> Pipeline(SalesPipeline.Query query, [FromServices] SalesPipeline.Handler h, CancellationToken ct) =>
        View("Pipeline", await h.GetAsync(ModelState.IsValid ? query : new SalesPipeline.Query(), ct));

    [HttpGet("/projects/{projectId:int}/offers")]
    public async Task<IActionResult> ForProject(int projectId, [FromServices] OfferViewing.Handler h, CancellationToken ct) =>
        Page(await h.ForProjectAsync(projectId, User, ct), "ProjectOffers");

    [HttpPost("/projects/{projectId:int}/offers")]
    public async Task<IActionResult> Create(int projectId, [FromServices] CreateOffer.Handler h, CancellationToken ct) =>
        Done(await h.CreateAsync(projectId, User, ct), flashKey: null, id => RedirectToAction(nameof(Edit), new { id }), () => RedirectToAction(nameof(ForProject), new { projectId }));

    [HttpGet("/offers/{id:int}")]
    public async Task<IActionResult> Show(int id, [FromServices] OfferViewing.Handler h, CancellationToken ct) =>
        Page(await h.ShowAsync(id, User, ct), "Show");

    [HttpGet("/offers/{id:int}/pdf")]
    public async Task<IActionResult> Pdf(int id, [FromServices] OfferViewing.Handler h, [FromServices] OfferPdf pdf, CancellationToken ct) =>
        await h.PdfAsync(id, User, pdf, ct) is { IsOk: true, Value: { } file } ? File(file.Content, "application/pdf", file.FileName) : NotFound();

    [HttpGet("/offers/{id:int}/compare")]
    public async Task<IActionResult> Compare(int id, [FromServices] OfferViewing.Handler h, CancellationToken ct) =>
        Page(await h.CompareAsync(id, User, ct), "Compare");

    [HttpGet("/offers/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, [FromServices] EditOffer.Handler h, CancellationToken ct) =>
        Page(await h.GetAsync(id, User, ct), "Edit", refused: _ => RedirectToAction(nameof(Show), new { id }));

    [HttpPost("/offers/{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, EditOffer.Form form, string? stay, [FromServices] EditOffer.Handler h, CancellationToken ct) =>
        Saved(await h.SaveAsync(form, ModelState.IsValid, User, ct), "Edit", "Offer.Saved",
            _ => RedirectToAction(stay is null ? nameof(Show) : nameof(Edit), new { id }),
            refused: reason => RedirectWithError(reason, RedirectToAction(nameof(Show), new { id })));

    [HttpPost("/offers/{id:int}/send")]
    public async Task<IActionResult> Send(int id, int version, [FromServices] SendOffer.Handler h, CancellationToken ct) =>
        Done(await h.SendAsync(id, version, User, ct), "Offer.SentFlash", _ => RedirectToAction(nameof(Show), new { id }), () => RedirectToAction(nameof(Show), new { id }));

    [HttpPost("/offers/{id:int}/revise")]
    public async Task<IActionResult> Revise(int id, [FromServices] ReviseOffer.Handler h, CancellationToken ct) =>
        Done(await h.ReviseAsync(id, User, ct), flashKey: null, newId => RedirectToAction(nameof(Edit), new { id = newId }), () => RedirectToAction(nameof(Show), new { id }));

    [HttpPost("/offers/{id:int}/accept")]
    public async Task<IActionResult> Accept(int id, string? fullName, bool confirm, [FromServices] OfferDecision.Handler h, CancellationToken ct) =>
        Done(await h.AcceptAsync(id, fullName, confirm, HttpContext.Connection.RemoteIpAddress?.ToString(), Request.Headers.UserAgent.ToString(), User, ct),
            "Offer.AcceptedFlash", _ => RedirectToAction(nameof(Show), new { id }), () => RedirectToAction(nameof(Show), new { id }));

    [HttpPost("/offers/{id:int}/decline")]
    public async Task<IActionResult> Decline(int id, [DataType(DataType.MultilineText)] string? reason, [FromServices] OfferDecision.Handler h, CancellationToken ct) =>
        Done(await h.DeclineAsync(id, reason, User, ct), "Offer.DeclinedFlash", _ => RedirectToAction(nameof(Show), new { id }), () => RedirectToAction(nameof(Show), new { id }));
}
