using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Features.Shared;
using MigrationPortal.Web.Infrastructure.Authorization;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Checklist;

/// <summary>The customer's part: marking their own items done or open again, and commenting on any item.</summary>
public static class ChecklistCommands
{
    public sealed class Handler(PortalDb db, ResourceAccess access, TimeProvider clock, ShowChecklist.Handler show, Discussion.Handler discussion)
    {
        /// <summary>Done or open again; only items the customer owns (a vendor item is forbidden), as of the version the person saw.</summary>
        public async Task<Result<int>> SetDoneAsync(int projectId, int itemId, bool done, int version, ClaimsPrincipal user, CancellationToken ct)
        {
            if (await CheckAsync(projectId, itemId, user, ct) is { } denied)
            {
                return denied;
            }

            var item = await db.ChecklistItems.SingleAsync(i => i.Id == itemId, ct);
            if (item.Owner != ResponsibleParty.Customer)
            {
                return Result.Forbidden;
            }

            if (item.Status == ChecklistStatus.NotApplicable)
            {
                return Result.Refused("Checklist.NotApplicableLocked");
            }

            db.ExpectVersion(item, version);
            item.SetStatus(done ? ChecklistStatus.Done : ChecklistStatus.Open, clock.GetUtcNow().UtcDateTime, user.DisplayName());
            return await db.TrySaveAsync(ct) ? itemId : Result.Conflict(null);
        }

        /// <summary>A comment on the item; an internal note only from vendor staff. Nothing is saved when the text is empty or too long.</summary>
        public async Task<Result<int>> CommentAsync(int projectId, int itemId, Discussion.Form form, bool valid, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(form);
            if (await CheckAsync(projectId, itemId, user, ct) is { } denied)
            {
                return denied;
            }

            return await discussion.AddAsync(projectId, null, itemId, form, valid, user, async () => await show.ItemPageAsync(projectId, itemId, user, form, ct), ct);
        }

        private Task<Failure?> CheckAsync(int projectId, int itemId, ClaimsPrincipal user, CancellationToken ct) =>
            access.ProjectAsync(projectId, user, ProjectOperations.Participate, ct, partVisible: _ => show.ItemExistsAsync(projectId, itemId, ct));
    }
}
