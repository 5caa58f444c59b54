using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Infrastructure.Authorization;
using MigrationPortal.Web.Infrastructure.Mail;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Projects;

/// <summary>Cancelling a planned meeting: it stays on record, marked cancelled, and every invitee gets a METHOD:CANCEL in the same save.</summary>
public static class CancelMeeting
{
    public sealed class Handler(PortalDb db, ResourceAccess access, TimeProvider clock, IMeetingInvitations invitations)
    {
        /// <summary>Cancels the meeting as of the version the person saw; the meeting's id when done.</summary>
        public async Task<Result<int>> CancelAsync(int projectId, int meetingId, int version, ClaimsPrincipal user, CancellationToken ct)
        {
            if (await access.ProjectAsync(projectId, user, ProjectOperations.ManageMeetings, ct,
                    partVisible: internalToo => db.Meetings.AnyAsync(m => m.Id == meetingId && m.ProjectId == projectId && (internalToo || m.CustomerVisible), ct)) is { } denied)
            {
                return denied;
            }

            var meeting = await db.Meetings.SingleAsync(m => m.Id == meetingId, ct);
            if (meeting.CancelledUtc is not null)
            {
                return Result.Refused("Meeting.AlreadyCancelled");
            }

            db.ExpectVersion(meeting, version);
            meeting.CancelledUtc = clock.GetUtcNow().UtcDateTime;
            meeting.Sequence++;

            // The tracked meeting (cancelled, its new sequence) is what the invitations read; one save writes both.
            await invitations.InviteAsync(meeting.Id, ct);
            return await db.TrySaveAsync(ct) ? meeting.Id : Result.Conflict(null);
        }
    }
}
