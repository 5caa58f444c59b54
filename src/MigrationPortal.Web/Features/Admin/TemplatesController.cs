using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MigrationPortal.Web.Infrastructure.Authorization;

namespace MigrationPortal.Web.Features.Admin;

[Authorize(Policy = Policies.Admin)]
[Route("admin/products/{productId:int}/templates")]
public sealed class TemplatesController(Templates.Handler h, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int productId, CancellationToken ct) =>
        await h.ListAsync(productId, ct) is { } page ? View("TemplateList", page) : NotFound();

    [HttpGet("new")]
    public async Task<IActionResult> New(int productId, CancellationToken ct) =>
        await h.GetAsync(productId, null, ct) is { } page ? View("TemplateEdit", page) : NotFound();

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int productId, int id, CancellationToken ct) =>
        await h.GetAsync(productId, id, ct) is { } page ? View("TemplateEdit", page) : NotFound();

    [HttpPost("new")]
    public Task<IActionResult> New(int productId, Templates.TemplateForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        (form.ProductId, form.Id) = (productId, null);
        return SaveAsync(form, ct);
    }

    [HttpPost("{id:int}")]
    public Task<IActionResult> Edit(int productId, int id, Templates.TemplateForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        (form.ProductId, form.Id) = (productId, id);
        return SaveAsync(form, ct);
    }

    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete(int productId, int id, CancellationToken ct)
    {
        if (!await h.DeleteAsync(productId, id, ct))
        {
            return NotFound();
        }

        TempData["Flash"] = l["Template.Deleted"].Value;
        return Redirect($"/admin/products/{productId}/templates");
    }

    private async Task<IActionResult> SaveAsync(Templates.TemplateForm form, CancellationToken ct)
    {
        var page = await h.GetAsync(form.ProductId, null, ct);
        if (page is null)
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            switch (await h.SaveAsync(form, ct))
            {
                case Templates.Outcome.Saved:
                    TempData["Flash"] = l["Template.Saved"].Value;
                    return Redirect($"/admin/products/{form.ProductId}/templates");
                case Templates.Outcome.NotFound:
                    return NotFound();
                case Templates.Outcome.DuplicateKey:
                    ModelState.AddModelError(nameof(form.Key), l["Validation.TemplateKeyTaken"]);
                    break;
                default:
                    Response.StatusCode = StatusCodes.Status409Conflict;
                    ModelState.Clear();
                    ModelState.AddModelError(string.Empty, l["Common.ConflictKept"]);
                    break;
            }
        }

        return View("TemplateEdit", page with { Form = form });
    }
}
