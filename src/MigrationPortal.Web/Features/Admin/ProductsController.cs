using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MigrationPortal.Web.Infrastructure.Authorization;

namespace MigrationPortal.Web.Features.Admin;

[Authorize(Policy = Policies.Admin)]
[Route("admin/products")]
public sealed class ProductsController(Products.Handler h, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View("ProductList", await h.ListAsync(ct));

    [HttpGet("new")]
    public IActionResult New() => View("ProductEdit", new Products.ProductForm());

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct) =>
        await h.GetAsync(id, ct) is { } form ? View("ProductEdit", form) : NotFound();

    [HttpPost("new")]
    public Task<IActionResult> New(Products.ProductForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.Id = null;
        return SaveAsync(form, ct);
    }

    [HttpPost("{id:int}")]
    public Task<IActionResult> Edit(int id, Products.ProductForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.Id = id;
        return SaveAsync(form, ct);
    }

    private async Task<IActionResult> SaveAsync(Products.ProductForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return View("ProductEdit", form);
        }

        switch (await h.SaveAsync(form, ct))
        {
            case Products.Outcome.Saved:
                TempData["Flash"] = l["Product.Saved"].Value;
                return Redirect("/admin/products");
            case Products.Outcome.NotFound:
                return NotFound();
            case Products.Outcome.DuplicateCode:
                ModelState.AddModelError(nameof(form.Code), l["Validation.ProductCodeTaken"]);
                return View("ProductEdit", form);
            default:
                Response.StatusCode = StatusCodes.Status409Conflict;
                ModelState.Clear();
                ModelState.AddModelError(string.Empty, l["Common.ConflictKept"]);
                return View("ProductEdit", form);
        }
    }
}
