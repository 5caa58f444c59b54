using Microsoft.AspNetCore.Mvc;
using MigrationPortal.Web.Infrastructure.Authorization;

namespace MigrationPortal.Web.Features.Wheel;

/// <summary>
/// The annual wheel of one project, drawn where a page already knows the project is the user's to see (the customer's
/// home page lists only those): the twelve months from this one, internal meetings only for staff.
/// </summary>
public sealed class WheelViewComponent(WheelItems.Handler items, ResourceAccess access, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int projectId)
    {
        var first = WheelItems.FirstMonth(clock);
        var staff = await access.SeesInternalAsync(UserClaimsPrincipal);
        var wheel = new WheelView(first, [.. (await items.ForAsync([projectId], first, staff, HttpContext.RequestAborted))[projectId]]);
        ViewData["WheelId"] = $"wheel-{projectId}";
        return View("~/Features/Wheel/_Wheel.cshtml", wheel);
    }
}
