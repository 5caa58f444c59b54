using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Authorization;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Training;

/// <summary>The tailored training plan: sessions upcoming first, and the videos to watch at any time.</summary>
public static class ShowTrainingPlan
{
    public sealed record SessionRow(int Id, int Version, string Title, TrainingFormat Format, string? Audience, DateTime? StartUtc, int? DurationMinutes, string? Location, string? Participants, string? Materials, string? VideoUrl, bool CustomerVisible)
    {
        public DateTime? EndUtc => StartUtc is { } s && DurationMinutes is { } d ? s.AddMinutes(d) : null;
    }

    public sealed record ViewModel(int ProjectId, string ProjectName, IReadOnlyList<SessionRow> Upcoming, IReadOnlyList<SessionRow> Past, IReadOnlyList<SessionRow> Videos)
    {
        public bool CanEdit { get; init; }
    }

    public sealed class Handler(PortalDb db, ResourceAccess access, TimeProvider clock)
    {
        public async Task<Result<ViewModel>> GetAsync(int projectId, ClaimsPrincipal user, CancellationToken ct)
        {
            if (await access.ProjectAsync(projectId, user, ProjectOperations.View, ct) is { } denied)
            {
                return denied;
            }

            var internalToo = await access.CanAsync(projectId, user, ProjectOperations.ViewInternal, ct);
            var projectName = await db.Projects.Where(p => p.Id == projectId).Select(p => p.Name).SingleAsync(ct);
            var sessions = await db.TrainingSessions.AsNoTracking()
                .Where(s => s.ProjectId == projectId && (internalToo || s.CustomerVisible))
                .Select(s => new SessionRow(s.Id, s.Version, s.Title, s.Format, s.Audience, s.StartUtc, s.DurationMinutes, s.Location, s.Participants, s.Materials, s.VideoUrl, s.CustomerVisible))
                .ToListAsync(ct);

            // A session still running counts as upcoming; the nearest comes first, the most recent past one first below.
            var now = clock.GetUtcNow().UtcDateTime;
            var held = sessions.Where(s => s.Format != TrainingFormat.Video).ToList();
            var upcoming = held.Where(s => s.StartUtc is null || (s.EndUtc ?? s.StartUtc) >= now).OrderBy(s => s.StartUtc ?? DateTime.MaxValue).ThenBy(s => s.Title).ToList();
            var past = held.Except(upcoming).OrderByDescending(s => s.StartUtc).ToList();
            var videos = sessions.Where(s => s.VideoUrl is not null || s.Format == TrainingFormat.Video).OrderBy(s => s.Title).ToList();
            return new ViewModel(projectId, projectName, upcoming, past, videos)
            {
                CanEdit = await access.CanAsync(projectId, user, ProjectOperations.Edit, ct),
            };
        }
    }
}
