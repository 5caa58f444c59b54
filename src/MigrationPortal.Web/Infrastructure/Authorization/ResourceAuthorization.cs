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

    /// <summary>True when the user may perform the operation on the project; false also when it is not theirs to see.</summary>
    public static async Task<bool> CanAsync(this IAuthorizationService authz, PortalDb db, ClaimsPrincipal user, int projectId, OperationAuthorizationRequirement op, CancellationToken ct)
    {
        var resource = await db.FindProjectResourceAsync(projectId, user, ct);
        return resource is not null && (await authz.AuthorizeAsync(user, resource, op)).Succeeded;
    }
}
