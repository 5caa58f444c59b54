using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Authorization;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Wheel;

/// <summary>The cloud centre answers a meeting request: planned (linked to a meeting of the project) or declined.</summary>
public static class DecideMeetingRequest
{
    public sealed class Form : IVersionedForm
    {
        [FromRoute(Name = "requestId")]
        public int Id { get; set; }

        public int Version { get; set; }

        [Display(Name = "MeetingRequest.Meeting")]
        public int? MeetingId { get; set; }

        public bool Decline { get; set; }
    }

    public sealed record MeetingChoice(int Id, string Title, DateTime StartUtc);

    public sealed record Page(Form Form, int ProjectId, string ProjectName, string Topic, DateOnly? PreferredDate, string ByName, DateTime CreatedUtc, MeetingRequestStatus Status, IReadOnlyList<MeetingChoice> Meetings) : IFormPage
    {
        object IFormPage.Form => Form;
    }

    public sealed class Handler(PortalDb db, ResourceAccess access, TimeProvider clock)
    {
        public async Task<Result<Page>> GetAsync(int requestId, ClaimsPrincipal user, CancellationToken ct)
        {
            var request = await db.MeetingRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, ct);
            if (request is null)
            {
                return Result.NotFound;
            }

            return await access.ProjectAsync(request.ProjectId, user, ProjectOperations.ManageMeetings, ct) is { } denied
                ? denied
                : await PageAsync(new Form { Id = request.Id, Version = request.Version, MeetingId = request.MeetingId }, request, ct);
        }

        public async Task<Result<int>> SaveAsync(Form form, bool valid, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(form);
            var request = await db.MeetingRequests.SingleOrDefaultAsync(r => r.Id == form.Id, ct);
            if (request is null)
            {
                return Result.NotFound;
            }

            if (await access.ProjectAsync(request.ProjectId, user, ProjectOperations.ManageMeetings, ct) is { } denied)
            {
                return denied;
            }

            var page = await PageAsync(form, request, ct);
            if (!valid)
            {
                return Result.Invalid(page);
            }

            if (!form.Decline && (form.MeetingId is not { } mid || page.Meetings.All(m => m.Id != mid)))
            {
                return Result.Invalid(page, new FieldError(nameof(form.MeetingId), "MeetingRequest.ChooseMeeting"));
            }

            return await db.SaveVersionedAsync(request, form,
                r =>
                {
                    r.Status = form.Decline ? MeetingRequestStatus.Declined : MeetingRequestStatus.Planned;
                    r.MeetingId = form.Decline ? null : form.MeetingId;
                },
                ok: () => request.ProjectId,
                conflictPage: () => Task.FromResult<object>(page),
                ct);
        }

        private async Task<Page> PageAsync(Form form, MeetingRequest request, CancellationToken ct)
        {
            var now = clock.GetUtcNow().UtcDateTime.AddDays(-1);
            var name = await db.Projects.Where(p => p.Id == request.ProjectId).Select(p => p.Name).SingleAsync(ct);
            var meetings = await db.Meetings.AsNoTracking()
                .Where(m => m.ProjectId == request.ProjectId && m.CancelledUtc == null && (m.StartUtc >= now || m.Id == request.MeetingId))
                .OrderBy(m => m.StartUtc).Select(m => new MeetingChoice(m.Id, m.Title, m.StartUtc)).ToListAsync(ct);
            return new Page(form, request.ProjectId, name, request.Topic, request.PreferredDate, request.RequestedByName, request.CreatedUtc, request.Status, meetings);
        }
    }
}
