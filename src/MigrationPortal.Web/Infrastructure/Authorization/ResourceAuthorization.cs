using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;

namespace MigrationPortal.Web.Infrastructure.Authorization;

public static class ProjectOperations
{
    public static readonly OperationAuthorizationRequirement View = new() { Name = nameof(View) };
    public static readonly OperationAuthorizationRequirement Edit = new() { Name = nameof(Edit) };

    /// <summary>Plan meetings and write minutes: every staff role (sales hold the intake meetings).</summary>
    public static readonly OperationAuthorizationRequirement ManageMeetings = new() { Name = nameof(ManageMeetings) };

    /// <summary>See what is the vendor's own: history, internal steps and meetings, offer drafts and revisions side by side.</summary>
    public static readonly OperationAuthorizationRequirement ViewInternal = new() { Name = nameof(ViewInternal) };

    /// <summary>Write, send and revise the project's offers: sales and admins.</summary>
    public static readonly OperationAuthorizationRequirement EditOffers = new() { Name = nameof(EditOffers) };

    /// <summary>Accept or decline the project's offers: a contact at one of its customers (signing authority is an offer rule).</summary>
    public static readonly OperationAuthorizationRequirement DecideOffers = new() { Name = nameof(DecideOffers) };

    /// <summary>Fill in the mapping questionnaire: the customer's contacts, sales, admins and project leads.</summary>
    public static readonly OperationAuthorizationRequirement FillInMapping = new() { Name = nameof(FillInMapping) };

    /// <summary>
    /// Take part as the customer: comment, mark the customer's own steps and checklist items done, report test findings,
    /// sign off the test. A contact at one of the project's customers, or staff who may edit the project.
    /// </summary>
    public static readonly OperationAuthorizationRequirement Participate = new() { Name = nameof(Participate) };

    /// <summary>Run the project from phase 2 on: the plan, phase gates and overrides, go-live, handover. Project leads and admins.</summary>
    public static readonly OperationAuthorizationRequirement Lead = new() { Name = nameof(Lead) };

    /// <summary>Accept a project handed over to operations: the cloud centre and admins.</summary>
    public static readonly OperationAuthorizationRequirement AcceptHandover = new() { Name = nameof(AcceptHandover) };
}

public static class CustomerOperations
{
    public static readonly OperationAuthorizationRequirement View = new() { Name = nameof(View) };
    public static readonly OperationAuthorizationRequirement Edit = new() { Name = nameof(Edit) };
}

/// <summary>What the authorization handlers need to know of a project: whose it is.</summary>
public sealed record ProjectResource(int ProjectId, IReadOnlyCollection<int> CustomerIds, Phase Phase);

public sealed record CustomerResource(int CustomerId);

public sealed class ProjectAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, ProjectResource>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, ProjectResource resource)
    {
        var user = context.User;
        var allowed = requirement.Name switch
        {
            nameof(ProjectOperations.View) => user.IsStaff() || (user.CustomerId() is { } cid && resource.CustomerIds.Contains(cid)),
            // Sales own phase 1 (intake and mapping); project leads and the cloud centre the rest.
            nameof(ProjectOperations.Edit) => Policies.StepEditorRoles.Any(user.IsInRole) || (user.IsInRole(Roles.Sales) && resource.Phase == Phase.Intake),
            nameof(ProjectOperations.ManageMeetings) => user.IsStaff(),
            nameof(ProjectOperations.ViewInternal) => user.IsStaff(),
            nameof(ProjectOperations.EditOffers) => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Sales),
            nameof(ProjectOperations.DecideOffers) => user.IsInRole(Roles.Customer) && user.CustomerId() is { } own && resource.CustomerIds.Contains(own),
            nameof(ProjectOperations.FillInMapping) => Policies.MappingRoles.Any(user.IsInRole)
                && (!user.IsInRole(Roles.Customer) || (user.CustomerId() is { } mine && resource.CustomerIds.Contains(mine))),
            nameof(ProjectOperations.Participate) => Policies.StepEditorRoles.Any(user.IsInRole)
                || (user.IsInRole(Roles.Customer) && user.CustomerId() is { } ours && resource.CustomerIds.Contains(ours)),
            nameof(ProjectOperations.Lead) => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.ProjectLead),
            nameof(ProjectOperations.AcceptHandover) => user.IsInRole(Roles.Admin) || user.IsInRole(Roles.CloudCenter),
            _ => false,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

public sealed class CustomerAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, CustomerResource>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, CustomerResource resource)
    {
        var user = context.User;
        var allowed = requirement.Name switch
        {
            nameof(CustomerOperations.View) => user.IsStaff() || user.CustomerId() == resource.CustomerId,
            nameof(CustomerOperations.Edit) => Policies.CustomerEditorRoles.Any(user.IsInRole),
            _ => false,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// Queries filtered by the user's organisation at the source: a customer user's query never returns
/// another organisation's rows, whatever id the URL names.
/// </summary>
public static class AccessQueries
{
    public static IQueryable<Project> VisibleTo(this IQueryable<Project> projects, ClaimsPrincipal user)
    {
        if (user.IsStaff())
        {
            return projects;
        }

        var cid = user.CustomerId();
        return cid is null ? projects.Where(_ => false) : projects.Where(p => p.Customers.Any(c => c.CustomerId == cid));
    }

    public static IQueryable<Customer> VisibleTo(this IQueryable<Customer> customers, ClaimsPrincipal user)
    {
        if (user.IsStaff())
        {
            return customers;
        }

        var cid = user.CustomerId();
        return cid is null ? customers.Where(_ => false) : customers.Where(c => c.Id == cid);
    }

    /// <summary>Loads the project's ownership (null when it does not exist or is not visible) for an authorization check.</summary>
    public static async Task<ProjectResource?> FindProjectResourceAsync(this PortalDb db, int projectId, ClaimsPrincipal user, CancellationToken ct)
    {
        var found = await db.Projects.VisibleTo(user).Where(p => p.Id == projectId)
            .Select(p => new { Customers = p.Customers.Select(c => c.CustomerId).ToList(), p.Phase })
            .FirstOrDefaultAsync(ct);
        return found is null ? null : new ProjectResource(projectId, found.Customers, found.Phase);
    }

    /// <summary>True when the customer exists and is the user's to see.</summary>
    public static Task<bool> CustomerExistsAsync(this PortalDb db, int customerId, ClaimsPrincipal user, CancellationToken ct) =>
        db.Customers.VisibleTo(user).AnyAsync(c => c.Id == customerId, ct);
}
