using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MigrationPortal.Web.Features.Shared;
using MigrationPortal.Web.Infrastructure.Authorization;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Admin;

[Authorize(Policy = Policies.Admin)]
[Route("admin/products/{productId:int}/templates")]
public sealed class TemplatesController(Templates.Handler h) : PortalController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int productId, CancellationToken ct) => Page(await h.ListAsync(productId, ct), "TemplateList");

    [HttpGet("new")]
    public async Task<IActionResult> New(int productId, CancellationToken ct) => Page(await h.GetAsync(productId, null, ct), "TemplateEdit");

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int productId, int id, CancellationToken ct) => Page(await h.GetAsync(productId, id, ct), "TemplateEdit");

    [HttpPost("new")]
    public async Task<IActionResult> New(Templates.TemplateForm form, CancellationToken ct) => SavedTemplate(await h.SaveAsync(form, ModelState.IsValid, ct), "Template.Saved");

    [HttpPost("{id:int}")]
    public async Task<IActionResult> Edit(Templates.TemplateForm form, CancellationToken ct) => SavedTemplate(await h.SaveAsync(form, ModelState.IsValid, ct), "Template.Saved");

    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete(int productId, int id, CancellationToken ct) => SavedTemplate(await h.DeleteAsync(productId, id, ct), "Template.Deleted");

    private IActionResult SavedTemplate(Result<int> result, string flashKey) =>
        Saved(result, "TemplateEdit", flashKey, productId => RedirectToAction(nameof(Index), new { productId }));
}
