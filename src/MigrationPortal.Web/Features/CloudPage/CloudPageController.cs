using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MigrationPortal.Web.Features.Shared;
using MigrationPortal.Web.Infrastructure.Authorization;

namespace MigrationPortal.Web.Features.CloudPage;

/// <summary>The cloud-customer page (/cloud) and what the cloud centre writes on it.</summary>
[Route("cloud")]
public sealed class CloudPageController : PortalController
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] ShowCloudPage.Handler h, CancellationToken ct) => Page(await h.GetAsync(User, ct));

    [HttpGet("news/new")]
    [Authorize(Policy = Policies.CloudCentre)]
    public async Task<IActionResult> NewNews([FromServices] EditCloudNews.Handler h, CancellationToken ct) => Page(await h.GetAsync(null, ct), nameof(EditNews));

    [HttpPost("news/new")]
    [Authorize(Policy = Policies.CloudCentre)]
    public async Task<IActionResult> NewNews(EditCloudNews.Form form, [FromServices] EditCloudNews.Handler h, CancellationToken ct) =>
        Saved(await h.SaveAsync(form, ModelState.IsValid, ct), nameof(EditNews), "CloudNews.Saved", id => RedirectToAction(nameof(Index), null, null, $"news-{id}"));

    [HttpGet("news/{newsId:int}/edit")]
    [Authorize(Policy = Policies.CloudCentre)]
    public async Task<IActionResult> EditNews(int newsId, [FromServices] EditCloudNews.Handler h, CancellationToken ct) => Page(await h.GetAsync(newsId, ct));

    [HttpPost("news/{newsId:int}/edit")]
    [Authorize(Policy = Policies.CloudCentre)]
    public async Task<IActionResult> EditNews(EditCloudNews.Form form, [FromServices] EditCloudNews.Handler h, CancellationToken ct) =>
        Saved(await h.SaveAsync(form, ModelState.IsValid, ct), nameof(EditNews), "CloudNews.Saved", id => RedirectToAction(nameof(Index), null, null, $"news-{id}"));

    [HttpPost("news/{newsId:int}/delete")]
    [Authorize(Policy = Policies.CloudCentre)]
    public async Task<IActionResult> DeleteNews(int newsId, int version, [FromServices] EditCloudNews.Handler h, CancellationToken ct) =>
        Done(await h.DeleteAsync(newsId, version, ct), "CloudNews.Deleted", _ => RedirectToAction(nameof(Index)), () => RedirectToAction(nameof(Index)));

    [HttpGet("customer-centre")]
    [Authorize(Policy = Policies.CloudCentre)]
    public async Task<IActionResult> CustomerCentre([FromServices] EditCustomerCentre.Handler h, CancellationToken ct) => Page(await h.GetAsync(ct));

    [HttpPost("customer-centre")]
    [Authorize(Policy = Policies.CloudCentre)]
    public async Task<IActionResult> CustomerCentre(EditCustomerCentre.Form form, [FromServices] EditCustomerCentre.Handler h, CancellationToken ct) =>
        Saved(await h.SaveAsync(form, ModelState.IsValid, ct), nameof(CustomerCentre), "CustomerCentre.Saved", _ => RedirectToAction(nameof(Index), null, null, "customer-centre"));
}
