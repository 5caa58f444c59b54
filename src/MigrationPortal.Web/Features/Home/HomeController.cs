using Microsoft.AspNetCore.Mvc;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Authorization;

namespace MigrationPortal.Web.Features.Home;

public sealed class HomeController : Controller
{
    /// <summary>Everyone lands where their work is: the cloud centre on its start page, other staff on the dashboard, customers on their own page.</summary>
    [HttpGet("/")]
    public IActionResult Index() =>
        User.IsInRole(Roles.CloudCenter) ? RedirectToAction("Index", "CloudCentre")
        : User.IsStaff() ? RedirectToAction("Index", "Dashboard")
        : User.IsInRole(Roles.Customer) ? RedirectToAction("Index", "My")
        : Forbid();
}
