using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Authorization;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Projects;

public static class ShowMeeting
{
    public sealed record ViewModel(int ProjectId, string ProjectName, int Id, MeetingKind Kind, string Title, DateTime StartUtc, DateTime EndUtc, string? Location, string? OnlineLink, string? Agenda, string? Minutes, bool CustomerVisible, IReadOnlyList<string> Participants)
    {
        public bool CanEdit { get; init; }

        public int Version { get; init; }

        /// <summary>Set when the meeting was cancelled: it is shown as such and can no longer be changed.</summary>
        public DateTime? CancelledUtc { get; init; }
    }

    public sealed class Handler(PortalDb db, ResourceAccess access)
    {
        /// <summary>Not found when the meeting does not exist, belongs to another project, or is not the user's to see.</summary>
        public async Task<Result<ViewModel>> GetAsync(int projectId, int meetingId, ClaimsPrincipal user, CancellationToken ct)
        {
            var staff = await access.SeesInternalAsync(user);
            var vm = await db.Meetings.AsNoTracking()
                .Where(m => m.Id == meetingId && m.ProjectId == projectId && (staff || m.CustomerVisible))
                .Where(m => db.Projects.VisibleTo(user).Any(p => p.Id == m.ProjectId))
                .Select(m => new ViewModel(m.ProjectId, m.Project!.Name, m.Id, m.Kind, m.Title, m.StartUtc, m.EndUtc, m.Location, m.OnlineLink, m.Agenda, m.Minutes, m.CustomerVisible,
                    m.Participants.OrderBy(x => x.Name).Select(x => x.Name).ToList())
                { Version = m.Version, CancelledUtc = m.CancelledUtc })
                .SingleOrDefaultAsync(ct);
            return vm is null ? Result.NotFound : vm with { CanEdit = await access.CanAsync(projectId, user, ProjectOperations.ManageMeetings, ct) };
        }
    }
}
