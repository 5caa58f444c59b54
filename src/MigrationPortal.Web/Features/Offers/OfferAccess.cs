using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Authorization;

namespace MigrationPortal.Web.Features.Offers;

public enum OfferOutcome
{
    Ok,
    NotFound,
    Forbidden,
    Invalid,
    Conflict,
    Locked,
}

/// <summary>
/// Who may see and change an offer revision: its project's people may read it (customers only once sent),
/// sales and admins write it. Anything a user may not see is "not found".
/// </summary>
public sealed class OfferAccess(PortalDb db, IAuthorizationService authz)
{
    public sealed record Target(int RevisionId, int OfferId, int ProjectId, OfferStatus Status);

    public async Task<(OfferOutcome Outcome, Target? Target)> CheckAsync(int revisionId, ClaimsPrincipal user, bool write, CancellationToken ct)
    {
        var target = await db.OfferRevisions.AsNoTracking().Where(r => r.Id == revisionId)
            .Select(r => new Target(r.Id, r.OfferId, r.Offer!.ProjectId, r.Status)).SingleOrDefaultAsync(ct);
        if (target is null || (!user.IsStaff() && target.Status == OfferStatus.Draft))
        {
            return (OfferOutcome.NotFound, null);
        }

        var resource = await db.FindProjectResourceAsync(target.ProjectId, user, ct);
        if (resource is null || !(await authz.AuthorizeAsync(user, resource, ProjectOperations.View)).Succeeded)
        {
            return (OfferOutcome.NotFound, null);
        }

        if (write && !(await authz.AuthorizeAsync(user, Policies.OfferEditor)).Succeeded)
        {
            return (OfferOutcome.Forbidden, target);
        }

        return (OfferOutcome.Ok, target);
    }

    public async Task<OfferOutcome> CheckProjectAsync(int projectId, ClaimsPrincipal user, bool write, CancellationToken ct)
    {
        var resource = await db.FindProjectResourceAsync(projectId, user, ct);
        if (resource is null || !(await authz.AuthorizeAsync(user, resource, ProjectOperations.View)).Succeeded)
        {
            return OfferOutcome.NotFound;
        }

        return write && !(await authz.AuthorizeAsync(user, Policies.OfferEditor)).Succeeded ? OfferOutcome.Forbidden : OfferOutcome.Ok;
    }
}
