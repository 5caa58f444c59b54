using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Authorization;
using MigrationPortal.Web.Infrastructure.Localization;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Training;

/// <summary>Planning a training session. Times are entered in Oslo time and stored in UTC; a video has no time, but a link.</summary>
public static class SaveTrainingSession
{
    public sealed class Form : IValidatableObject, IVersionedForm
    {
        [FromRoute(Name = "id")]
        public int ProjectId { get; set; }

        [FromRoute(Name = "sessionId")]
        public int? Id { get; set; }

        public int Version { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Training.SessionTitle")]
        public string Title { get; set; } = string.Empty;

        [Display(Name = "Training.Format")]
        public TrainingFormat Format { get; set; } = TrainingFormat.AtCustomer;

        [StringLength(400, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Training.Audience")]
        public string? Audience { get; set; }

        [Display(Name = "Training.Date")]
        public DateOnly? Date { get; set; }

        [Display(Name = "Training.Time")]
        public TimeOnly? Time { get; set; }

        [Range(1, 1440, ErrorMessage = "Validation.Range")]
        [Display(Name = "Training.DurationMinutes")]
        public int? DurationMinutes { get; set; }

        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Training.Location")]
        public string? Location { get; set; }

        [StringLength(2000, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Training.Participants")]
        [DataType(DataType.MultilineText)]
        public string? Participants { get; set; }

        [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Training.Materials")]
        [DataType(DataType.MultilineText)]
        public string? Materials { get; set; }

        [StringLength(500, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Training.VideoUrl")]
        public string? VideoUrl { get; set; }

        [Display(Name = "Training.CustomerVisible")]
        public bool CustomerVisible { get; set; } = true;

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            var l = validationContext.Localizer();
            if (!Enum.IsDefined(Format))
            {
                yield return new ValidationResult(l["Validation.ValueInvalidNoValue", l["Training.Format"]], [nameof(Format)]);
                yield break;
            }

            if (Format == TrainingFormat.Video)
            {
                if (Date is not null || Time is not null)
                {
                    yield return new ValidationResult(l["Validation.VideoHasNoDate"], [nameof(Date)]);
                }

                if (string.IsNullOrWhiteSpace(VideoUrl))
                {
                    yield return new ValidationResult(l["Validation.VideoNeedsLink"], [nameof(VideoUrl)]);
                }
            }
            else
            {
                if (Date is null)
                {
                    yield return new ValidationResult(l["Validation.Required", l["Training.Date"]], [nameof(Date)]);
                }

                if (Time is null)
                {
                    yield return new ValidationResult(l["Validation.Required", l["Training.Time"]], [nameof(Time)]);
                }
            }

            // The hour skipped when summer time starts does not exist in Oslo.
            if (Date is { } d && Time is { } t && d > DateOnly.MinValue && d < DateOnly.MaxValue && Display.Oslo.IsInvalidTime(d.ToDateTime(t)))
            {
                yield return new ValidationResult(l["Validation.TimeDoesNotExist"], [nameof(Time)]);
            }

            // Only secure web links: a javascript:, data: or plain http: URL is refused.
            if (!string.IsNullOrWhiteSpace(VideoUrl) && !IsHttps(VideoUrl))
            {
                yield return new ValidationResult(l["Validation.HttpsUrl"], [nameof(VideoUrl)]);
            }
        }

        public static bool IsHttps(string url) =>
            Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.Host.Length > 0;
    }

    public sealed record Page(Form Form, string ProjectName) : IFormPage
    {
        object IFormPage.Form => Form;
    }

    public sealed class Handler(PortalDb db, ResourceAccess access, TimeProvider clock)
    {
        public async Task<Result<Page>> GetAsync(int projectId, int? sessionId, ClaimsPrincipal user, CancellationToken ct)
        {
            if (await AccessAsync(projectId, sessionId, user, ct) is { } denied)
            {
                return denied;
            }

            Form form;
            if (sessionId is null)
            {
                form = new Form { ProjectId = projectId, Date = Display.TodayInOslo(clock).AddDays(14), Time = new TimeOnly(9, 0), DurationMinutes = 120 };
            }
            else
            {
                var s = await db.TrainingSessions.AsNoTracking().SingleAsync(x => x.Id == sessionId, ct);
                var start = s.StartUtc is { } utc ? Display.ToOslo(utc) : (DateTime?)null;
                form = new Form
                {
                    ProjectId = projectId, Id = s.Id, Version = s.Version, Title = s.Title, Format = s.Format, Audience = s.Audience,
                    Date = start is { } d ? DateOnly.FromDateTime(d) : null, Time = start is { } t ? TimeOnly.FromDateTime(t) : null,
                    DurationMinutes = s.DurationMinutes, Location = s.Location, Participants = s.Participants, Materials = s.Materials,
                    VideoUrl = s.VideoUrl, CustomerVisible = s.CustomerVisible,
                };
            }

            return await PageAsync(form, ct);
        }

        /// <summary>Saves and returns the session's id.</summary>
        public async Task<Result<int>> SaveAsync(Form form, bool valid, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(form);
            if (await AccessAsync(form.ProjectId, form.Id, user, ct) is { } denied)
            {
                return denied;
            }

            var errors = new[] { DateRules.Check(DateKind.Meeting, nameof(form.Date), "Training.Date", form.Date, Display.TodayInOslo(clock)) }.OfType<FieldError>().ToList();
            if (!valid || errors.Count > 0)
            {
                return Result.Invalid(await PageAsync(form, ct), errors);
            }

            var session = form.Id is { } id
                ? await db.TrainingSessions.SingleAsync(s => s.Id == id, ct)
                : db.TrainingSessions.Add(new TrainingSession { ProjectId = form.ProjectId, Title = form.Title }).Entity;
            return await db.SaveVersionedAsync(session, form,
                s =>
                {
                    s.Title = form.Title.Trim();
                    s.Format = form.Format;
                    s.Audience = Blank(form.Audience);
                    s.StartUtc = form.Format == TrainingFormat.Video ? null : Display.FromOslo(form.Date!.Value.ToDateTime(form.Time!.Value));
                    s.DurationMinutes = form.DurationMinutes;
                    s.Location = Blank(form.Location);
                    s.Participants = Blank(form.Participants);
                    s.Materials = Blank(form.Materials);
                    s.VideoUrl = Blank(form.VideoUrl);
                    s.CustomerVisible = form.CustomerVisible;
                },
                ok: () => session.Id,
                conflictPage: async () => await PageAsync(form, ct),
                ct);
        }

        /// <summary>Deletes the session as of the version the person saw.</summary>
        public async Task<Result<int>> DeleteAsync(int projectId, int sessionId, int version, ClaimsPrincipal user, CancellationToken ct)
        {
            if (await AccessAsync(projectId, sessionId, user, ct) is { } denied)
            {
                return denied;
            }

            var session = await db.TrainingSessions.SingleAsync(s => s.Id == sessionId, ct);
            db.ExpectVersion(session, version);
            db.TrainingSessions.Remove(session);
            return await db.TrySaveAsync(ct) ? sessionId : Result.Refused("Common.Conflict");
        }

        /// <summary>Not found unless the session is in the project and the user may see it; forbidden for those who may not edit.</summary>
        private Task<Failure?> AccessAsync(int projectId, int? sessionId, ClaimsPrincipal user, CancellationToken ct) =>
            access.ProjectAsync(projectId, user, ProjectOperations.Edit, ct,
                partVisible: sessionId is not { } sid ? null : internalToo => db.TrainingSessions.AnyAsync(s => s.Id == sid && s.ProjectId == projectId && (internalToo || s.CustomerVisible), ct));

        private async Task<Page> PageAsync(Form form, CancellationToken ct) =>
            new(form, await db.Projects.Where(p => p.Id == form.ProjectId).Select(p => p.Name).SingleAsync(ct));

        private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
    }
}
