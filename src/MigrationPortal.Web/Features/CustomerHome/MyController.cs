using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MigrationPortal.Web.Infrastructure.Authorization;

namespace MigrationPortal.Web.Features.CustomerHome;

[Authorize(Policy = Policies.CustomerUser)]
public sealed class MyController : Controller
{
    [HttpGet("/my")]
    public async Task<IActionResult> Index([FromServices] CustomerHome.Handler h, CancellationToken ct) =>
        await h.GetAsync(User, ct) is { } vm ? View(vm) : NotFound();
}
