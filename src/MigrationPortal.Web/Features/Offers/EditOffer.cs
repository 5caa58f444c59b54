using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Authorization;
using MigrationPortal.Web.Infrastructure.Localization;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Offers;

/// <summary>Editing a draft: its texts, one-off activities and yearly costs, each bad number named by row and field.</summary>
public static class EditOffer
{
    public sealed class ActivityRow
    {
        public string? Description { get; set; }

        [Display(Name = "Offer.PriceKind")]
        public PriceKind PriceKind { get; set; } = PriceKind.Unit;

        [Display(Name = "Offer.Quantity")]
        public decimal? Quantity { get; set; }

        public string? Unit { get; set; }

        [Display(Name = "Offer.UnitPrice")]
        public decimal? UnitPrice { get; set; }

        [Display(Name = "Offer.FixedPrice")]
        public decimal? FixedPrice { get; set; }

        public string? DurationWeeks { get; set; }

        /// <summary>The plan step (template key) the activity is carried out as; empty for a step of its own.</summary>
        [Display(Name = "Offer.PlanStep")]
        public string? PlanKey { get; set; }

        [Display(Name = "Offer.RemoveRow")]
        public bool Remove { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Description) && UnitPrice is null && FixedPrice is null;
    }

    public sealed class YearlyRow
    {
        public string? Description { get; set; }
        public int? ProductId { get; set; }

        [Display(Name = "Offer.AmountPerYear")]
        public decimal? AmountPerYear { get; set; }

        [Display(Name = "Offer.RemoveRow")]
        public bool Remove { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Description) && AmountPerYear is null;
    }

    public sealed class Form : IVersionedForm
    {
        [FromRoute(Name = "id")]
        public int RevisionId { get; set; }

        public int Version { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Offer.Title")]
        public string Title { get; set; } = string.Empty;

        [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Offer.Summary")]
        [DataType(DataType.MultilineText)]
        public string? Summary { get; set; }

        [StringLength(8000, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Offer.Terms")]
        [DataType(DataType.MultilineText)]
        public string? Terms { get; set; }

        [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Offer.Caveats")]
        [DataType(DataType.MultilineText)]
        public string? Caveats { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Offer.ValidUntil")]
        public DateOnly? ValidUntil { get; set; }

        [Display(Name = "Offer.EstimatedStart")]
        public string? EstimatedStartMonth { get; set; }

        [Range(1, 520, ErrorMessage = "Validation.Range")]
        [Display(Name = "Offer.DurationWeeks")]
        public int? EstimatedDurationWeeks { get; set; }

        [Display(Name = "Offer.VendorContact")]
        public string? VendorContactUserId { get; set; }

        [Display(Name = "Offer.Language")]
        public string Language { get; set; } = "nb-NO";

        public List<ActivityRow> Activities { get; set; } = [];

        public List<YearlyRow> YearlyCosts { get; set; } = [];
    }

    public sealed record Page(Form Form, string OfferNumber, int Revision, int ProjectId, string ProjectName, IReadOnlyList<(string Id, string Name)> Staff, IReadOnlyList<(int Id, string Name)> Products, QueueInfo Queue,
        IReadOnlyList<(string Key, string Title)> PlanSteps) : IFormPage
    {
        object IFormPage.Form => Form;
    }


    public sealed class Handler(PortalDb db, OfferAccess access, TimeProvider clock)
    {
        public const int BlankRows = 3;

        public async Task<Result<Page>> GetAsync(int revisionId, ClaimsPrincipal user, CancellationToken ct)
        {
            if (await DraftAsync(revisionId, user, ct) is { } denied)
            {
                return denied;
            }

            var r = await db.OfferRevisions.AsNoTracking().Include(x => x.Activities).Include(x => x.YearlyCosts).SingleAsync(x => x.Id == revisionId, ct);
            var form = new Form
            {
                RevisionId = r.Id, Version = r.Version, Title = r.Title, Summary = r.Summary, Terms = r.Terms, Caveats = r.Caveats, ValidUntil = r.ValidUntil,
                EstimatedStartMonth = r.EstimatedStartMonth?.ToString("yyyy-MM", CultureInfo.InvariantCulture), EstimatedDurationWeeks = r.EstimatedDurationWeeks,
                VendorContactUserId = r.VendorContactUserId, Language = r.Language,
                Activities = r.Activities.OrderBy(a => a.SortOrder).Select(a => new ActivityRow
                {
                    Description = a.Description, PriceKind = a.PriceKind, Quantity = a.Quantity, Unit = a.Unit,
                    UnitPrice = a.UnitPrice, FixedPrice = a.FixedPrice, DurationWeeks = a.DurationWeeks?.ToString(CultureInfo.InvariantCulture),
                    PlanKey = a.PlanKey,
                }).ToList(),
                YearlyCosts = r.YearlyCosts.OrderBy(c => c.SortOrder).Select(c => new YearlyRow
                {
                    Description = c.Description, ProductId = c.ProductId, AmountPerYear = c.AmountPerYear,
                }).ToList(),
            };
            return await PageAsync(form, ct);
        }

        /// <summary>Validates the rows (each bad number named by row and field) and saves the draft.</summary>
        public async Task<Result<int>> SaveAsync(Form form, bool valid, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(form);
            if (await DraftAsync(form.RevisionId, user, ct) is { } denied)
            {
                return denied;
            }

            var errors = new List<FieldError>();
            var activities = new List<OfferActivity>();
            var planKeys = (await PlanStepsAsync(await db.OfferRevisions.Where(r => r.Id == form.RevisionId).Select(r => r.Offer!.ProjectId).SingleAsync(ct), ct))
                .Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
            foreach (var (row, i) in form.Activities.Select((r, i) => (r, i)))
            {
                if (row.Remove || row.IsBlank)
                {
                    continue;
                }

                var prefix = $"Activities[{i}].";
                Description(row.Description, prefix, i, errors);

                if (row.Unit is { Length: > 20 })
                {
                    errors.Add(new FieldError(prefix + nameof(row.Unit), "Validation.RowTooLong", i + 1, 20));
                }

                if (!string.IsNullOrWhiteSpace(row.PlanKey) && !planKeys.Contains(row.PlanKey.Trim()))
                {
                    errors.Add(new FieldError(prefix + nameof(row.PlanKey), "Validation.ValueInvalidNoValue", new Label("Offer.PlanStep")));
                }

                // Quantity × unit price, or a fixed price: whichever the row is priced by must be filled in, never taken as 0 or 1.
                var kind = Enum.IsDefined(row.PriceKind) ? row.PriceKind : PriceKind.Unit;
                var quantity = Amount(row.Quantity, prefix + nameof(row.Quantity), i, "Offer.Quantity", required: kind == PriceKind.Unit, errors) ?? 1;
                var unitPrice = Amount(row.UnitPrice, prefix + nameof(row.UnitPrice), i, "Offer.UnitPrice", required: kind == PriceKind.Unit, errors) ?? 0;
                var fixedPrice = Amount(row.FixedPrice, prefix + nameof(row.FixedPrice), i, "Offer.FixedPrice", required: kind == PriceKind.Fixed, errors) ?? 0;
                int? weeks = null;
                if (!string.IsNullOrWhiteSpace(row.DurationWeeks))
                {
                    if (int.TryParse(row.DurationWeeks, NumberStyles.None, CultureInfo.InvariantCulture, out var w) && w is >= 0 and <= 520)
                    {
                        weeks = w;
                    }
                    else
                    {
                        errors.Add(new FieldError(prefix + nameof(row.DurationWeeks), "Validation.RowWeeks", i + 1));
                    }
                }

                activities.Add(new OfferActivity
                {
                    Description = (row.Description ?? string.Empty).Trim(), PriceKind = kind,
                    Quantity = quantity, Unit = string.IsNullOrWhiteSpace(row.Unit) ? null : row.Unit.Trim(), UnitPrice = unitPrice, FixedPrice = fixedPrice,
                    DurationWeeks = weeks, SortOrder = activities.Count + 1,
                    PlanKey = string.IsNullOrWhiteSpace(row.PlanKey) ? null : row.PlanKey.Trim(),
                });
            }

            var yearly = new List<OfferYearlyCost>();
            var productIds = (await db.Products.AsNoTracking().Select(p => p.Id).ToListAsync(ct)).ToHashSet();
            foreach (var (row, i) in form.YearlyCosts.Select((r, i) => (r, i)))
            {
                if (row.Remove || row.IsBlank)
                {
                    continue;
                }

                var prefix = $"YearlyCosts[{i}].";
                Description(row.Description, prefix, i, errors);

                if (row.ProductId is { } productId && !productIds.Contains(productId))
                {
                    errors.Add(new FieldError(prefix + nameof(row.ProductId), "Validation.ValueInvalidNoValue", new Label("Offer.Product")));
                }

                var amount = Amount(row.AmountPerYear, prefix + nameof(row.AmountPerYear), i, "Offer.AmountPerYear", required: true, errors) ?? 0;
                yearly.Add(new OfferYearlyCost { Description = (row.Description ?? string.Empty).Trim(), ProductId = row.ProductId, AmountPerYear = amount, SortOrder = yearly.Count + 1 });
            }

            if (activities.Count == 0)
            {
                errors.Add(new FieldError(nameof(form.Activities), "Validation.OfferNeedsActivity"));
            }

            var today = Display.TodayInOslo(clock);
            if (form.ValidUntil is { } until && until < today)
            {
                errors.Add(new FieldError(nameof(form.ValidUntil), "Validation.ValidUntilPast"));
            }

            DateOnly? startMonth = null;
            if (!string.IsNullOrWhiteSpace(form.EstimatedStartMonth))
            {
                if (DateOnly.TryParseExact(form.EstimatedStartMonth + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m))
                {
                    startMonth = m;
                }
                else
                {
                    errors.Add(new FieldError(nameof(form.EstimatedStartMonth), "Validation.Month"));
                }
            }

            if (!LocalizationSetup.Cultures.Contains(form.Language))
            {
                errors.Add(new FieldError(nameof(form.Language), "Validation.ValueInvalidNoValue", new Label("Offer.Language")));
            }

            if (form.VendorContactUserId is { Length: > 0 } contact && !await db.Users.AnyAsync(u => u.Id == contact && u.CustomerId == null, ct))
            {
                errors.Add(new FieldError(nameof(form.VendorContactUserId), "Validation.UnknownAssignee"));
            }

            if (!valid || errors.Count > 0)
            {
                return Result.Invalid(await PageAsync(form, ct), errors);
            }

            var r = await db.OfferRevisions.Include(x => x.Offer).Include(x => x.Activities).Include(x => x.YearlyCosts).SingleAsync(x => x.Id == form.RevisionId, ct);
            return await db.SaveVersionedAsync(r, form,
                x =>
                {
                    x.Title = form.Title.Trim();
                    x.Summary = Blank(form.Summary);
                    x.Terms = Blank(form.Terms);
                    x.Caveats = Blank(form.Caveats);
                    x.ValidUntil = form.ValidUntil!.Value;
                    x.EstimatedStartMonth = startMonth;
                    x.EstimatedDurationWeeks = form.EstimatedDurationWeeks;
                    x.VendorContactUserId = string.IsNullOrEmpty(form.VendorContactUserId) ? null : form.VendorContactUserId;
                    x.Language = form.Language;
                    db.OfferActivities.RemoveRange(x.Activities);
                    db.OfferYearlyCosts.RemoveRange(x.YearlyCosts);
                    x.Activities.Clear();
                    x.YearlyCosts.Clear();
                    x.Activities.AddRange(activities);
                    x.YearlyCosts.AddRange(yearly);
                },
                ok: () => r.Id,
                conflictPage: async () => await PageAsync(form, ct),
                ct);
        }

        /// <summary>Only sales and admins edit, and only drafts: a sent revision is locked.</summary>
        private async Task<Failure?> DraftAsync(int revisionId, ClaimsPrincipal user, CancellationToken ct)
        {
            var target = await access.CheckAsync(revisionId, user, ProjectOperations.EditOffers, ct);
            return target.Failure ?? (target.Value!.Status == OfferStatus.Draft ? null : Result.Refused("Offer.LockedText"));
        }

        /// <summary>The plan steps an activity can be carried out as: the project's products' templates after intake, one per key.</summary>
        private async Task<List<(string Key, string Title)>> PlanStepsAsync(int projectId, CancellationToken ct) =>
            (await db.StepTemplates.AsNoTracking()
                    .Where(t => t.Phase != Phase.Intake && db.ProjectProducts.Any(pp => pp.ProjectId == projectId && pp.ProductId == t.ProductId))
                    .Select(t => new { t.Key, t.Title, t.Phase, t.SortOrder }).ToListAsync(ct))
                .GroupBy(t => t.Key, StringComparer.Ordinal).Select(g => g.First()).OrderBy(t => t.Phase).ThenBy(t => t.SortOrder)
                .Select(t => (t.Key, t.Title)).ToList();

        private async Task<Page> PageAsync(Form form, CancellationToken ct)
        {
            var info = await db.OfferRevisions.AsNoTracking().Where(r => r.Id == form.RevisionId)
                .Select(r => new { r.Offer!.Number, r.Revision, r.Offer.ProjectId, ProjectName = r.Offer.Project!.Name }).SingleAsync(ct);
            var staff = (await db.Users.AsNoTracking().Where(u => u.CustomerId == null && (u.IsActive || u.Id == form.VendorContactUserId)).OrderBy(u => u.DisplayName)
                .Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct)).Select(u => (u.Id, u.DisplayName)).ToList();
            var products = (await db.Products.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(ct)).Select(p => (p.Id, p.Name)).ToList();

            var planSteps = await PlanStepsAsync(info.ProjectId, ct);

            // Room for new rows at the end of both tables.
            while (form.Activities.Count(a => a.IsBlank) < BlankRows)
            {
                form.Activities.Add(new ActivityRow());
            }

            if (!form.YearlyCosts.Any(c => c.IsBlank))
            {
                form.YearlyCosts.Add(new YearlyRow());
            }

            return new Page(form, info.Number, info.Revision, info.ProjectId, info.ProjectName, staff, products, await db.QueueInfoAsync(Display.TodayInOslo(clock), ct), planSteps);
        }

        /// <summary>
        /// An amount the binder has read (<c>MoneyModelBinder</c>, which also reports what it could not read): it must be
        /// there when the row is priced by it, and never negative.
        /// </summary>
        private static decimal? Amount(decimal? value, string field, int row, string labelKey, bool required, List<FieldError> errors)
        {
            if (value is null && required)
            {
                errors.Add(new FieldError(field, "Validation.RowRequired", new Label(labelKey), row + 1));
            }
            else if (value < 0)
            {
                errors.Add(new FieldError(field, "Validation.RowNumber", new Label(labelKey), row + 1, MoneyText.ForInput(value.Value)));
            }

            return value;
        }

        /// <summary>Every row, activity or yearly cost, needs a description of at most 300 characters.</summary>
        private static void Description(string? text, string prefix, int row, List<FieldError> errors)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                errors.Add(new FieldError(prefix + nameof(ActivityRow.Description), "Validation.RowDescription", row + 1));
            }
            else if (text.Trim().Length > 300)
            {
                errors.Add(new FieldError(prefix + nameof(ActivityRow.Description), "Validation.RowTooLong", row + 1, 300));
            }
        }

        private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
    }
}
