using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Infrastructure.Authorization;

/// <summary>
/// The one access check of every use case on a project or a customer: not found when the caller may not see it
/// (or the part of it the URL names), forbidden when they may see it but not do this. The rules themselves live in
/// <see cref="ProjectAuthorizationHandler"/> and <see cref="CustomerAuthorizationHandler"/>.
/// </summary>
public sealed class ResourceAccess(PortalDb db, IAuthorizationService authz)
{
    // Scoped to the request: a page asking several questions of one project loads its ownership once.
    private readonly Dictionary<(int, ClaimsPrincipal), ProjectResource?> projects = [];

    /// <summary>
    /// Null when the user may perform <paramref name="operation"/> on the project. <paramref name="partVisible"/>, when given,
    /// says whether the step, meeting or offer the URL names belongs to the project and is visible to this user (its argument
    /// tells whether the user sees internal things); it is asked before the operation so a hidden part is a 404, never a 403.
    /// </summary>
    public async Task<Failure?> ProjectAsync(int projectId, ClaimsPrincipal user, OperationAuthorizationRequirement operation, CancellationToken ct, Func<bool, Task<bool>>? partVisible = null)
    {
        var resource = await FindAsync(projectId, user, ct);
        if (resource is null || !await CanAsync(user, resource, ProjectOperations.View))
        {
            return Result.NotFound;
        }

        if (partVisible is not null && !await partVisible(await CanAsync(user, resource, ProjectOperations.ViewInternal)))
        {
            return Result.NotFound;
        }

        return operation == ProjectOperations.View || await CanAsync(user, resource, operation) ? null : Result.Forbidden;
    }

    /// <summary>True when the user may perform the operation on the project; false also when it is not theirs to see.</summary>
    public async Task<bool> CanAsync(int projectId, ClaimsPrincipal user, OperationAuthorizationRequirement operation, CancellationToken ct) =>
        await FindAsync(projectId, user, ct) is { } resource && await CanAsync(user, resource, operation);

    /// <summary>Null when the user may perform <paramref name="operation"/> on the customer.</summary>
    public async Task<Failure?> CustomerAsync(int customerId, ClaimsPrincipal user, OperationAuthorizationRequirement operation, CancellationToken ct)
    {
        var resource = new CustomerResource(customerId);
        if (!await db.CustomerExistsAsync(customerId, user, ct) || !await CanAsync(user, resource, CustomerOperations.View))
        {
            return Result.NotFound;
        }

        return operation == CustomerOperations.View || await CanAsync(user, resource, operation) ? null : Result.Forbidden;
    }

    public async Task<bool> CanCustomerAsync(int customerId, ClaimsPrincipal user, OperationAuthorizationRequirement operation) =>
        await CanAsync(user, new CustomerResource(customerId), operation);

    /// <summary>A role policy (creating projects, customers ...), where there is no resource yet.</summary>
    public async Task<Failure?> PolicyAsync(ClaimsPrincipal user, string policy) =>
        (await authz.AuthorizeAsync(user, policy)).Succeeded ? null : Result.Forbidden;

    /// <summary>Whether the user sees the vendor's internal things (history, internal steps, drafts) in general, not of one project.</summary>
    public async Task<bool> SeesInternalAsync(ClaimsPrincipal user) => (await authz.AuthorizeAsync(user, Policies.Staff)).Succeeded;

    private async Task<ProjectResource?> FindAsync(int projectId, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!projects.TryGetValue((projectId, user), out var resource))
        {
            resource = projects[(projectId, user)] = await db.FindProjectResourceAsync(projectId, user, ct);
        }

        return resource;
    }

    private async Task<bool> CanAsync(ClaimsPrincipal user, object resource, OperationAuthorizationRequirement operation) =>
        (await authz.AuthorizeAsync(user, resource, operation)).Succeeded;
}
