using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Authorization;

namespace MigrationPortal.Web.Features.Shared;

/// <summary>
/// "Your contact with us", on every page a customer sees: for each of their open projects, the vendor's person who owns
/// it now (sales in intake, the project lead in setup and go-live, the cloud centre in operations), with phone and e-mail.
/// One query; nothing for staff.
/// </summary>
public sealed class YourContactViewComponent(PortalDb db) : ViewComponent
{
    public sealed record Item(string ProjectName, string Name, string RoleKey, string? Phone, string? Email);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (UserClaimsPrincipal.CustomerId() is not { } customerId)
        {
            return Content(string.Empty);
        }

        var items = await db.Projects.AsNoTracking()
            .Where(p => p.Customers.Any(c => c.CustomerId == customerId) && p.Lead != null
                && (p.Status == ProjectStatus.Active || p.Status == ProjectStatus.OnHold))
            .OrderBy(p => p.Name)
            .Select(p => new { p.Name, p.Phase, Lead = p.Lead!.DisplayName, p.Lead.PhoneNumber, p.Lead.Email })
            .Take(5)
            .ToListAsync(HttpContext.RequestAborted);
        var result = items.Select(p => new Item(p.Name, p.Lead, p.Phase switch
        {
            Phase.Intake => "Contact.Role.Sales",
            Phase.Operations => "Contact.Role.CloudCentre",
            _ => "Contact.Role.ProjectLead",
        }, p.PhoneNumber, p.Email)).ToList();
        return result.Count == 0 ? Content(string.Empty) : View("~/Features/Shared/_YourContact.cshtml", result);
    }
}
