using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Features.Shared;
using MigrationPortal.Web.Infrastructure.Localization;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Upgrades;

/// <summary>The cloud centre registers a release and changes it; the webinar is entered in Oslo time and stored in UTC.</summary>
public static class SaveRelease
{
    public sealed class Form : IValidatableObject, IVersionedForm
    {
        [FromRoute(Name = "id")]
        public int? Id { get; set; }

        public int Version { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Upgrade.Product")]
        public int? ProductId { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(50, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Upgrade.Version")]
        public string ProductVersion { get; set; } = string.Empty;

        [Display(Name = "Upgrade.Size")]
        public ReleaseSize Size { get; set; } = ReleaseSize.Small;

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Upgrade.PlannedDate")]
        public DateOnly? PlannedDate { get; set; }

        [StringLength(8000, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Upgrade.Description")]
        [DataType(DataType.MultilineText)]
        public string? Description { get; set; }

        [StringLength(500, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Upgrade.InfoUrl")]
        public string? InfoUrl { get; set; }

        [Display(Name = "Upgrade.WebinarDate")]
        public DateOnly? WebinarDate { get; set; }

        [Display(Name = "Upgrade.WebinarTime")]
        public TimeOnly? WebinarTime { get; set; }

        [StringLength(500, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Upgrade.WebinarUrl")]
        public string? WebinarUrl { get; set; }

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            var l = validationContext.Localizer();
            foreach (var (value, field) in new[] { (InfoUrl, nameof(InfoUrl)), (WebinarUrl, nameof(WebinarUrl)) })
            {
                if (!HttpsLink.IsValidOrEmpty(value))
                {
                    yield return new ValidationResult(l["Validation.HttpsUrl"], [field]);
                }
            }

            if (WebinarDate is null != WebinarTime is null)
            {
                yield return new ValidationResult(l["Upgrade.WebinarDateAndTime"], [WebinarDate is null ? nameof(WebinarDate) : nameof(WebinarTime)]);
            }

            if (WebinarDate is { } d && WebinarTime is { } t && Display.Oslo.IsInvalidTime(d.ToDateTime(t)))
            {
                yield return new ValidationResult(l["Validation.TimeDoesNotExist"], [nameof(WebinarTime)]);
            }

            if (!Enum.IsDefined(Size))
            {
                yield return new ValidationResult(l["Validation.ValueInvalidNoValue", l["Upgrade.Size"]], [nameof(Size)]);
            }
        }
    }

    public sealed record Page(Form Form, IReadOnlyList<(int Id, string Name)> Products) : IFormPage
    {
        object IFormPage.Form => Form;
    }

    public sealed class Handler(PortalDb db, TimeProvider clock)
    {
        public async Task<Result<Page>> GetAsync(int? id, CancellationToken ct)
        {
            if (id is null)
            {
                return await PageAsync(new Form { PlannedDate = Display.TodayInOslo(clock).AddDays(70) }, ct);
            }

            var r = await db.UpgradeReleases.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
            if (r is null)
            {
                return Result.NotFound;
            }

            var webinar = r.WebinarUtc is { } w ? Display.ToOslo(w) : (DateTime?)null;
            return await PageAsync(new Form
            {
                Id = r.Id, Version = r.Version, ProductId = r.ProductId, ProductVersion = r.ProductVersion, Size = r.Size, PlannedDate = r.PlannedDate,
                Description = r.Description, InfoUrl = r.InfoUrl, WebinarUrl = r.WebinarUrl,
                WebinarDate = webinar is { } wd ? DateOnly.FromDateTime(wd) : null, WebinarTime = webinar is { } wt ? TimeOnly.FromDateTime(wt) : null,
            }, ct);
        }

        public async Task<Result<int>> SaveAsync(Form form, bool valid, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(form);
            var release = form.Id is { } id ? await db.UpgradeReleases.SingleOrDefaultAsync(x => x.Id == id, ct) : null;
            if (form.Id is not null && release is null)
            {
                return Result.NotFound;
            }

            var errors = new List<FieldError>();
            var today = Display.TodayInOslo(clock);
            DateRules.AddTo(errors, today,
                (DateKind.Meeting, nameof(form.PlannedDate), "Upgrade.PlannedDate", form.PlannedDate),
                (DateKind.Meeting, nameof(form.WebinarDate), "Upgrade.WebinarDate", form.WebinarDate));
            var version = (form.ProductVersion ?? string.Empty).Trim();
            if (form.ProductId is { } productId)
            {
                if (!await db.Products.AnyAsync(p => p.Id == productId, ct))
                {
                    errors.Add(new FieldError(nameof(form.ProductId), "Validation.ValueInvalidNoValue", new Label("Upgrade.Product")));
                }
                else if (await db.UpgradeReleases.AnyAsync(r => r.ProductId == productId && r.ProductVersion == version && r.Id != (form.Id ?? 0), ct))
                {
                    errors.Add(new FieldError(nameof(form.ProductVersion), "Upgrade.VersionExists", version));
                }
            }

            if (!valid || errors.Count > 0)
            {
                return Result.Invalid(await PageAsync(form, ct), errors);
            }

            if (release is null)
            {
                release = new UpgradeRelease { ProductVersion = version, CreatedUtc = clock.GetUtcNow().UtcDateTime };
                db.UpgradeReleases.Add(release);
            }

            return await db.SaveVersionedAsync(release, form,
                r =>
                {
                    r.ProductId = form.ProductId!.Value;
                    r.ProductVersion = version;
                    r.Size = form.Size;
                    r.PlannedDate = form.PlannedDate!.Value;
                    r.Description = string.IsNullOrWhiteSpace(form.Description) ? null : form.Description.Trim();
                    r.InfoUrl = string.IsNullOrWhiteSpace(form.InfoUrl) ? null : form.InfoUrl.Trim();
                    r.WebinarUrl = string.IsNullOrWhiteSpace(form.WebinarUrl) ? null : form.WebinarUrl.Trim();
                    r.WebinarUtc = form.WebinarDate is { } d && form.WebinarTime is { } t ? Display.FromOslo(d.ToDateTime(t)) : null;
                },
                ok: () => release.Id,
                conflictPage: async () => await PageAsync(form, ct),
                ct);
        }

        private async Task<Page> PageAsync(Form form, CancellationToken ct) =>
            new(form, (await db.Products.AsNoTracking().Where(p => p.IsActive || p.Id == form.ProductId).OrderBy(p => p.Name)
                .Select(p => new { p.Id, p.Name }).ToListAsync(ct)).Select(p => (p.Id, p.Name)).ToList());
    }
}
