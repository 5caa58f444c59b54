using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Authorization;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Wheel;

/// <summary>The annual wheel of one customer in operation, for its contacts and staff.</summary>
public static class ShowWheel
{
    public sealed record OpenRequest(int Id, string Topic, DateOnly? PreferredDate, string ByName, DateTime CreatedUtc, Domain.MeetingRequestStatus Status);

    public sealed record Owner(int Id, string Name, int? StatusMonth, int Version);

    public sealed record ViewModel(int ProjectId, string ProjectName, WheelView Wheel, IReadOnlyList<OpenRequest> Requests, bool CanRequest, bool Staff)
    {
        /// <summary>The project's customers and their status months, for the cloud centre's choice (empty for others).</summary>
        public IReadOnlyList<Owner> Owners { get; init; } = [];

        /// <summary>The status-month form's field, named as the action binds it (each customer's form shows its own month).</summary>
        public int? Month => null;
    }

    public sealed class Handler(PortalDb db, ResourceAccess access, WheelItems.Handler items, TimeProvider clock)
    {
        /// <summary>Not found when the project is not the user's to see or not in operation.</summary>
        public async Task<Result<ViewModel>> GetAsync(int projectId, ClaimsPrincipal user, CancellationToken ct)
        {
            if (await access.ProjectAsync(projectId, user, ProjectOperations.View, ct,
                    partVisible: _ => db.Projects.InOperation().AnyAsync(p => p.Id == projectId, ct)) is { } denied)
            {
                return denied;
            }

            var staff = await access.SeesInternalAsync(user);
            var name = await db.Projects.Where(p => p.Id == projectId).Select(p => p.Name).SingleAsync(ct);
            var first = WheelItems.FirstMonth(clock);
            var wheel = new WheelView(first, [.. (await items.ForAsync([projectId], first, staff, ct))[projectId]]);
            var requests = await db.MeetingRequests.AsNoTracking().Where(r => r.ProjectId == projectId)
                .OrderByDescending(r => r.CreatedUtc).Take(20)
                .Select(r => new OpenRequest(r.Id, r.Topic, r.PreferredDate, r.RequestedByName, r.CreatedUtc, r.Status))
                .ToListAsync(ct);
            var owners = await access.CanAsync(projectId, user, ProjectOperations.AcceptHandover, ct)
                ? await db.ProjectCustomers.AsNoTracking().Where(pc => pc.ProjectId == projectId).OrderBy(pc => pc.Customer!.Name)
                    .Select(pc => new Owner(pc.CustomerId, pc.Customer!.Name, pc.Customer.StatusMeetingMonth, pc.Customer.Version)).ToListAsync(ct)
                : [];
            var canRequest = user.CustomerId() is not null && await access.CanAsync(projectId, user, ProjectOperations.Participate, ct);
            return new ViewModel(projectId, name, wheel, requests, canRequest, staff) { Owners = owners };
        }
    }
}
