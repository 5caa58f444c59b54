using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MigrationPortal.Web.Infrastructure.Authorization;

namespace MigrationPortal.Web.Features.CustomerHome;

[Authorize(Policy = Policies.CustomerUser)]
public sealed class MyController : Controller
{
    [HttpGet("/my")]
    public async Task<IActionResult> Index(int page, [FromServices] CustomerHome.Handler h, CancellationToken ct) =>
        await h.GetAsync(User, page, ct) is { } vm ? View(vm) : NotFound();
}
