using System.Security.Claims;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Authorization;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Offers;

/// <summary>
/// Who may see and change an offer revision: its project's people may read it (customers only once sent: a draft is
/// the vendor's own), and the operation is asked of the project (<see cref="ProjectOperations.EditOffers"/>,
/// <see cref="ProjectOperations.DecideOffers"/>). Anything a user may not see is "not found".
/// </summary>
public sealed class OfferAccess(PortalDb db, ResourceAccess access)
{
    public sealed record Target(int RevisionId, int OfferId, int ProjectId, OfferStatus Status);

    public async Task<Result<Target>> CheckAsync(int revisionId, ClaimsPrincipal user, OperationAuthorizationRequirement operation, CancellationToken ct)
    {
        var target = await db.OfferRevisions.AsNoTracking().Where(r => r.Id == revisionId)
            .Select(r => new Target(r.Id, r.OfferId, r.Offer!.ProjectId, r.Status)).SingleOrDefaultAsync(ct);
        if (target is null)
        {
            return Result.NotFound;
        }

        return await access.ProjectAsync(target.ProjectId, user, operation, ct, partVisible: internalToo => Task.FromResult(internalToo || target.Status != OfferStatus.Draft)) is { } denied
            ? denied
            : target;
    }

    public Task<bool> CanAsync(int projectId, ClaimsPrincipal user, OperationAuthorizationRequirement operation, CancellationToken ct) =>
        access.CanAsync(projectId, user, operation, ct);

    public Task<Failure?> CheckProjectAsync(int projectId, ClaimsPrincipal user, OperationAuthorizationRequirement operation, CancellationToken ct) =>
        access.ProjectAsync(projectId, user, operation, ct);
}
