using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Infrastructure;
using MigrationPortal.Web.Infrastructure.Authorization;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Calendar;

/// <summary>"Add to calendar" on a meeting's page: the one meeting as an .ics, to whoever may see the page.</summary>
public static class MeetingFile
{
    public sealed class Handler(PortalDb db, ResourceAccess access, IStringLocalizer<SharedResource> l, IOptions<PortalOptions> portal, TimeProvider clock)
    {
        /// <summary>Not found, as the meeting's page is, when the meeting does not exist, is another project's, or is not the user's to see.</summary>
        public async Task<Result<IcsFile>> GetAsync(int projectId, int meetingId, ClaimsPrincipal user, CancellationToken ct)
        {
            var staff = await access.SeesInternalAsync(user);
            var row = await db.Meetings.AsNoTracking()
                .Where(m => m.Id == meetingId && m.ProjectId == projectId && (staff || m.CustomerVisible))
                .Where(m => db.Projects.VisibleTo(user).Any(p => p.Id == m.ProjectId))
                .Select(CalendarFiles.Row)
                .SingleOrDefaultAsync(ct);
            return row is null
                ? Result.NotFound
                : new IcsFile(CalendarFiles.Publish([row], l, portal.Value.PublicUrl, clock.GetUtcNow().UtcDateTime), $"meeting-{row.Id}.ics");
        }
    }
}
