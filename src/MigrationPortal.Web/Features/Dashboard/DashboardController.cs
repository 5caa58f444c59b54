using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MigrationPortal.Web.Features.Shared;
using MigrationPortal.Web.Infrastructure.Authorization;

namespace MigrationPortal.Web.Features.Dashboard;

[Authorize(Policy = Policies.Staff)]
public sealed class DashboardController : PortalController
{
    [HttpGet("/dashboard")]
    public async Task<IActionResult> Index([FromQuery] ProjectList.Query query, [FromServices] ProjectList.Handler h, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            // A hand-edited filter (?phase=banana) falls back to no filter instead of failing.
            query = new ProjectList.Query { Q = query.Q };
        }

        return ViewPage(null, await h.GetAsync(query, ct));
    }
}
