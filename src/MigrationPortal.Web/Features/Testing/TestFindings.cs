using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Authorization;
using MigrationPortal.Web.Infrastructure.Localization;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Testing;

/// <summary>The customer reports what they find while testing (title, description, severity); it starts open.</summary>
public static class ReportFinding
{
    public sealed class Form : IValidatableObject
    {
        [FromRoute(Name = "id")]
        public int ProjectId { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Finding.Title")]
        public string Title { get; set; } = string.Empty;

        [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Finding.Description")]
        [DataType(DataType.MultilineText)]
        public string? Description { get; set; }

        [Display(Name = "Finding.Severity")]
        public FindingSeverity Severity { get; set; } = FindingSeverity.Medium;

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            if (!Enum.IsDefined(Severity))
            {
                yield return new ValidationResult(validationContext.Localizer()["Validation.ValueInvalidNoValue", validationContext.Localizer()["Finding.Severity"]], [nameof(Severity)]);
            }
        }
    }

    public sealed record Page(Form Form, string ProjectName) : IFormPage
    {
        object IFormPage.Form => Form;
    }

    public sealed class Handler(PortalDb db, ResourceAccess access, TimeProvider clock)
    {
        public async Task<Result<Page>> GetAsync(int projectId, ClaimsPrincipal user, CancellationToken ct) =>
            await access.ProjectAsync(projectId, user, ProjectOperations.Participate, ct) is { } denied
                ? denied
                : await PageAsync(new Form { ProjectId = projectId }, ct);

        /// <summary>Records the finding and returns its id.</summary>
        public async Task<Result<int>> SaveAsync(Form form, bool valid, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(form);
            if (await access.ProjectAsync(form.ProjectId, user, ProjectOperations.Participate, ct) is { } denied)
            {
                return denied;
            }

            if (!valid)
            {
                return Result.Invalid(await PageAsync(form, ct));
            }

            var finding = db.TestFindings.Add(new TestFinding
            {
                ProjectId = form.ProjectId, Title = form.Title.Trim(), Description = string.IsNullOrWhiteSpace(form.Description) ? null : form.Description.Trim(),
                Severity = form.Severity, Status = FindingStatus.Open, ReportedByUserId = user.UserId(), ReportedByName = user.DisplayName(),
                ReportedUtc = clock.GetUtcNow().UtcDateTime,
            }).Entity;
            await db.SaveChangesAsync(ct);
            return finding.Id;
        }

        private async Task<Page> PageAsync(Form form, CancellationToken ct) =>
            new(form, await db.Projects.Where(p => p.Id == form.ProjectId).Select(p => p.Name).SingleAsync(ct));
    }
}

/// <summary>Staff who run the project set a finding's status and say how it was resolved.</summary>
public static class EditFinding
{
    public sealed class Form : IValidatableObject, IVersionedForm
    {
        [FromRoute(Name = "id")]
        public int ProjectId { get; set; }

        [FromRoute(Name = "findingId")]
        public int FindingId { get; set; }

        public int Version { get; set; }

        [Display(Name = "Finding.Status")]
        public FindingStatus Status { get; set; }

        [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Finding.Resolution")]
        [DataType(DataType.MultilineText)]
        public string? Resolution { get; set; }

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            if (!Enum.IsDefined(Status))
            {
                yield return new ValidationResult(validationContext.Localizer()["Validation.ValueInvalidNoValue", validationContext.Localizer()["Finding.Status"]], [nameof(Status)]);
            }
        }
    }

    public sealed record Page(Form Form, string ProjectName, string Title, string? Description, FindingSeverity Severity, string ReportedByName, DateTime ReportedUtc) : IFormPage
    {
        object IFormPage.Form => Form;
    }

    public sealed class Handler(PortalDb db, ResourceAccess access)
    {
        public async Task<Result<Page>> GetAsync(int projectId, int findingId, ClaimsPrincipal user, CancellationToken ct)
        {
            if (await CheckAsync(projectId, findingId, user, ct) is { } denied)
            {
                return denied;
            }

            var f = await db.TestFindings.AsNoTracking().SingleAsync(x => x.Id == findingId, ct);
            return await PageAsync(new Form { ProjectId = projectId, FindingId = findingId, Version = f.Version, Status = f.Status, Resolution = f.Resolution }, f, ct);
        }

        public async Task<Result<int>> SaveAsync(Form form, bool valid, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(form);
            if (await CheckAsync(form.ProjectId, form.FindingId, user, ct) is { } denied)
            {
                return denied;
            }

            var finding = await db.TestFindings.SingleAsync(x => x.Id == form.FindingId, ct);
            if (!valid)
            {
                return Result.Invalid(await PageAsync(form, finding, ct));
            }

            return await db.SaveVersionedAsync(finding, form,
                f =>
                {
                    f.Status = form.Status;
                    f.Resolution = string.IsNullOrWhiteSpace(form.Resolution) ? null : form.Resolution.Trim();
                },
                ok: () => finding.Id,
                conflictPage: async () => await PageAsync(form, finding, ct),
                ct);
        }

        /// <summary>Not found unless the finding is in the project and the project is the user's to see; forbidden for those who may not edit.</summary>
        private Task<Failure?> CheckAsync(int projectId, int findingId, ClaimsPrincipal user, CancellationToken ct) =>
            access.ProjectAsync(projectId, user, ProjectOperations.Edit, ct,
                partVisible: _ => db.TestFindings.AnyAsync(f => f.Id == findingId && f.ProjectId == projectId, ct));

        private async Task<Page> PageAsync(Form form, TestFinding f, CancellationToken ct) =>
            new(form, await db.Projects.Where(p => p.Id == form.ProjectId).Select(p => p.Name).SingleAsync(ct), f.Title, f.Description, f.Severity, f.ReportedByName, f.ReportedUtc);
    }
}
