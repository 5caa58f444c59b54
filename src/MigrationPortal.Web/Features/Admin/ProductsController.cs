using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MigrationPortal.Web.Features.Shared;
using MigrationPortal.Web.Infrastructure.Authorization;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Admin;

[Authorize(Policy = Policies.Admin)]
[Route("admin/products")]
public sealed class ProductsController(Products.Handler h) : PortalController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View("ProductList", await h.ListAsync(ct));

    [HttpGet("new")]
    public IActionResult New() => View("ProductEdit", new Products.ProductForm());

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct) => Page(await h.GetAsync(id, ct), "ProductEdit");

    [HttpPost("new")]
    public async Task<IActionResult> New(Products.ProductForm form, CancellationToken ct) => SavedProduct(await h.SaveAsync(form, ModelState.IsValid, ct));

    [HttpPost("{id:int}")]
    public async Task<IActionResult> Edit(Products.ProductForm form, CancellationToken ct) => SavedProduct(await h.SaveAsync(form, ModelState.IsValid, ct));

    private IActionResult SavedProduct(Result<int> result) => Saved(result, "ProductEdit", "Product.Saved", _ => RedirectToAction(nameof(Index)));
}
