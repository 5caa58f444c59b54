using Microsoft.AspNetCore.Mvc;
using MigrationPortal.Web.Infrastructure.Authorization;

namespace MigrationPortal.Web.Features.Wheel;

/// <summary>
/// The annual wheel of one project, drawn where a page already knows the project is the user's to see (the customer's
/// home page lists only those): the twelve months from this one, internal meetings only for staff.
/// </summary>
public sealed class WheelViewComponent(WheelItems.Handler items, ResourceAccess access, TimeProvider clock) : ViewComponent
{
    private const string Batch = "Wheel.Batch";

    /// <param name="projectId">The project whose wheel is drawn.</param>
    /// <param name="together">
    /// Every project the page draws a wheel for: the first call reads all their wheels at once and later calls on the same
    /// request take theirs from it, so a page of many wheels costs the queries of one.
    /// </param>
    public async Task<IViewComponentResult> InvokeAsync(int projectId, IReadOnlyCollection<int>? together = null)
    {
        var first = WheelItems.FirstMonth(clock);
        if (HttpContext.Items[Batch] is not (IReadOnlyCollection<int> ids, ILookup<int, WheelItem> loaded) || !ids.Contains(projectId))
        {
            ids = together is { } all && all.Contains(projectId) ? all : [projectId];
            var staff = await access.SeesInternalAsync(UserClaimsPrincipal);
            loaded = await items.ForAsync(ids, first, staff, HttpContext.RequestAborted);
            HttpContext.Items[Batch] = (ids, loaded);
        }

        ViewData["WheelId"] = $"wheel-{projectId}";
        return View("~/Features/Wheel/_Wheel.cshtml", new WheelView(first, [.. loaded[projectId]]));
    }
}
