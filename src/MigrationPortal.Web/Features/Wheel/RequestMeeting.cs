using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Authorization;
using MigrationPortal.Web.Infrastructure.Localization;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Wheel;

/// <summary>A contact of a customer in operation asks for an extra meeting: a topic and a preferred date.</summary>
public static class RequestMeeting
{
    public sealed class Form
    {
        [FromRoute(Name = "id")]
        public int ProjectId { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(2000, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "MeetingRequest.Topic")]
        [DataType(DataType.MultilineText)]
        public string Topic { get; set; } = string.Empty;

        [Display(Name = "MeetingRequest.PreferredDate")]
        public DateOnly? PreferredDate { get; set; }
    }

    public sealed record Page(Form Form, string ProjectName) : IFormPage
    {
        object IFormPage.Form => Form;
    }

    public sealed class Handler(PortalDb db, ResourceAccess access, TimeProvider clock)
    {
        public async Task<Result<Page>> GetAsync(int projectId, ClaimsPrincipal user, CancellationToken ct) =>
            await AccessAsync(projectId, user, ct) is { } denied ? denied : await PageAsync(new Form { ProjectId = projectId }, ct);

        public async Task<Result<int>> SaveAsync(Form form, bool valid, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(form);
            if (await AccessAsync(form.ProjectId, user, ct) is { } denied)
            {
                return denied;
            }

            if (!valid || string.IsNullOrWhiteSpace(form.Topic))
            {
                return Result.Invalid(await PageAsync(form, ct), valid ? [new FieldError(nameof(form.Topic), "Validation.Required", new Label("MeetingRequest.Topic"))] : []);
            }

            var today = Display.TodayInOslo(clock);
            if (form.PreferredDate is { } d && d < today)
            {
                return Result.Invalid(await PageAsync(form, ct), new FieldError(nameof(form.PreferredDate), "MeetingRequest.PastDate"));
            }

            if (DateRules.Check(DateKind.Meeting, nameof(form.PreferredDate), "MeetingRequest.PreferredDate", form.PreferredDate, today) is { } outOfRange)
            {
                return Result.Invalid(await PageAsync(form, ct), outOfRange);
            }

            var request = db.MeetingRequests.Add(new MeetingRequest
            {
                ProjectId = form.ProjectId,
                RequestedByUserId = user.UserId(),
                RequestedByName = user.DisplayName(),
                Topic = form.Topic.Trim(),
                PreferredDate = form.PreferredDate,
                CreatedUtc = clock.GetUtcNow().UtcDateTime,
                Status = MeetingRequestStatus.Open,
            }).Entity;
            await db.SaveChangesAsync(ct);
            return request.Id;
        }

        /// <summary>Not found when not theirs to see; forbidden for staff and for a customer whose project is not in operation.</summary>
        private async Task<Failure?> AccessAsync(int projectId, ClaimsPrincipal user, CancellationToken ct) =>
            await access.ProjectAsync(projectId, user, ProjectOperations.Participate, ct) is { } denied ? denied
            : user.CustomerId() is null || !await db.Projects.InOperation().AnyAsync(p => p.Id == projectId, ct) ? Result.Forbidden
            : null;

        private async Task<Page> PageAsync(Form form, CancellationToken ct) =>
            new(form, await db.Projects.Where(p => p.Id == form.ProjectId).Select(p => p.Name).SingleAsync(ct));
    }
}
