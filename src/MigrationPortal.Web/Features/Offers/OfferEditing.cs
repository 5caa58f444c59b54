using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Authorization;
using MigrationPortal.Web.Infrastructure.Localization;

namespace MigrationPortal.Web.Features.Offers;

/// <summary>Creating an offer with sensible defaults, editing a draft, sending it, and starting a new revision.</summary>
public static partial class OfferEditing
{
    public sealed class ActivityRow
    {
        public string? Description { get; set; }
        public PriceKind PriceKind { get; set; } = PriceKind.Unit;
        public string? Quantity { get; set; }
        public string? Unit { get; set; }
        public string? UnitPrice { get; set; }
        public string? FixedPrice { get; set; }
        public string? DurationWeeks { get; set; }
        public bool Remove { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Description) && string.IsNullOrWhiteSpace(UnitPrice) && string.IsNullOrWhiteSpace(FixedPrice);
    }

    public sealed class YearlyRow
    {
        public string? Description { get; set; }
        public int? ProductId { get; set; }
        public string? AmountPerYear { get; set; }
        public bool Remove { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Description) && string.IsNullOrWhiteSpace(AmountPerYear);
    }

    public sealed class Form
    {
        public int RevisionId { get; set; }
        public int Version { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Offer.Title")]
        public string Title { get; set; } = string.Empty;

        [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Offer.Summary")]
        public string? Summary { get; set; }

        [StringLength(8000, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Offer.Terms")]
        public string? Terms { get; set; }

        [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Offer.Caveats")]
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

    public sealed record Page(Form Form, string OfferNumber, int Revision, int ProjectId, string ProjectName, IReadOnlyList<(string Id, string Name)> Staff, IReadOnlyList<(int Id, string Name)> Products, QueueInfo Queue);

    /// <summary>What sales sees of the cloud queue while writing: its length and where a new project would land.</summary>
    public sealed record QueueInfo(int Waiting, int PerMonth, DateOnly ExpectedStartIfAcceptedNow);

    public sealed partial class Handler(PortalDb db, OfferAccess access, IStringLocalizer<SharedResource> l, TimeProvider clock, OfferPdf pdf, ILogger<Handler> logger)
    {
        public const int BlankRows = 3;

        public async Task<(OfferOutcome, int RevisionId)> CreateAsync(int projectId, ClaimsPrincipal user, CancellationToken ct)
        {
            var outcome = await access.CheckProjectAsync(projectId, user, write: true, ct);
            if (outcome != OfferOutcome.Ok)
            {
                return (outcome, 0);
            }

            if (await db.OfferRevisions.AnyAsync(r => r.Offer!.ProjectId == projectId && r.Status == OfferStatus.Accepted, ct))
            {
                return (OfferOutcome.Locked, 0);
            }

            var project = await db.Projects.AsNoTracking().Where(p => p.Id == projectId)
                .Select(p => new
                {
                    p.Name,
                    Language = p.Customers.OrderBy(c => c.CustomerId).Select(c => c.Customer!.PreferredLanguage).FirstOrDefault(),
                    Products = p.Products.Select(pp => pp.Product!).ToList(),
                })
                .SingleAsync(ct);
            var today = Display.TodayInOslo(clock);
            var queue = await QueueAsync(today, ct);
            var language = project.Language ?? LocalizationSetup.DefaultCulture;
            var now = clock.GetUtcNow().UtcDateTime;
            OfferRevision revision;
            using (new CultureScope(language))
            {
                string T(string key) => l[key];
                revision = new OfferRevision
                {
                    Revision = 1,
                    Title = l["Offer.DefaultTitle", project.Name],
                    Summary = l["Offer.DefaultSummary"],
                    Terms = l["Offer.DefaultTerms"],
                    Caveats = l["Offer.DefaultCaveats", queue.Waiting],
                    ValidUntil = today.AddDays(OfferDefaults.ValidDays),
                    EstimatedStartMonth = queue.ExpectedStartIfAcceptedNow,
                    Language = language,
                    VendorContactUserId = user.UserId(),
                    CreatedUtc = now,
                };
                revision.Activities.AddRange(OfferDefaults.Activities(project.Products.Select(p => p.Code).ToList(), T));
                revision.YearlyCosts.AddRange(OfferDefaults.YearlyCosts(project.Products, T));
                revision.EstimatedDurationWeeks = revision.Activities.Sum(a => a.DurationWeeks ?? 0) is var w and > 0 ? w : null;
            }

            // Numbers are per year and unique; two people creating at once retry with the next number.
            for (var attempt = 0; ; attempt++)
            {
                var prefix = $"T-{today.Year}-";
                var count = await db.Offers.CountAsync(o => o.Number.StartsWith(prefix), ct);
                var offer = new Offer { ProjectId = projectId, Number = $"{prefix}{count + 1 + attempt:D4}", CreatedUtc = now };
                offer.Revisions.Add(revision);
                db.Offers.Add(offer);
                try
                {
                    await db.SaveChangesAsync(ct);
                    return (OfferOutcome.Ok, revision.Id);
                }
                catch (DbUpdateException) when (attempt < 3)
                {
                    db.Entry(offer).State = EntityState.Detached;
                    db.Entry(revision).State = EntityState.Detached;
                }
            }
        }

        public async Task<(OfferOutcome, Page?)> GetAsync(int revisionId, ClaimsPrincipal user, CancellationToken ct)
        {
            var (outcome, target) = await access.CheckAsync(revisionId, user, write: true, ct);
            if (outcome != OfferOutcome.Ok)
            {
                return (outcome, null);
            }

            if (target!.Status != OfferStatus.Draft)
            {
                return (OfferOutcome.Locked, null);
            }

            var r = await db.OfferRevisions.AsNoTracking().Include(x => x.Activities).Include(x => x.YearlyCosts).SingleAsync(x => x.Id == revisionId, ct);
            var form = new Form
            {
                RevisionId = r.Id, Version = r.Version, Title = r.Title, Summary = r.Summary, Terms = r.Terms, Caveats = r.Caveats, ValidUntil = r.ValidUntil,
                EstimatedStartMonth = r.EstimatedStartMonth?.ToString("yyyy-MM", CultureInfo.InvariantCulture), EstimatedDurationWeeks = r.EstimatedDurationWeeks,
                VendorContactUserId = r.VendorContactUserId, Language = r.Language,
                Activities = r.Activities.OrderBy(a => a.SortOrder).Select(a => new ActivityRow
                {
                    Description = a.Description, PriceKind = a.PriceKind, Quantity = MoneyText.ForInput(a.Quantity), Unit = a.Unit,
                    UnitPrice = MoneyText.ForInput(a.UnitPrice), FixedPrice = MoneyText.ForInput(a.FixedPrice), DurationWeeks = a.DurationWeeks?.ToString(CultureInfo.InvariantCulture),
                }).ToList(),
                YearlyCosts = r.YearlyCosts.OrderBy(c => c.SortOrder).Select(c => new YearlyRow
                {
                    Description = c.Description, ProductId = c.ProductId, AmountPerYear = MoneyText.ForInput(c.AmountPerYear),
                }).ToList(),
            };
            return (OfferOutcome.Ok, await PageAsync(form, ct));
        }

        /// <summary>Validates the rows (each bad number named by row and field) and saves the draft.</summary>
        public async Task<(OfferOutcome Outcome, Page? Page, List<(string Field, string Message)> Errors)> SaveAsync(Form form, bool valid, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(form);
            var errors = new List<(string, string)>();
            var (outcome, target) = await access.CheckAsync(form.RevisionId, user, write: true, ct);
            if (outcome != OfferOutcome.Ok)
            {
                return (outcome, null, errors);
            }

            if (target!.Status != OfferStatus.Draft)
            {
                return (OfferOutcome.Locked, null, errors);
            }

            var activities = new List<OfferActivity>();
            foreach (var (row, i) in form.Activities.Select((r, i) => (r, i)))
            {
                if (row.Remove || row.IsBlank)
                {
                    continue;
                }

                var prefix = $"Activities[{i}].";
                if (string.IsNullOrWhiteSpace(row.Description))
                {
                    errors.Add((prefix + nameof(row.Description), l["Validation.RowDescription", i + 1]));
                }
                else if (row.Description.Trim().Length > 300)
                {
                    errors.Add((prefix + nameof(row.Description), l["Validation.RowTooLong", i + 1, 300]));
                }

                if (row.Unit is { Length: > 20 })
                {
                    errors.Add((prefix + nameof(row.Unit), l["Validation.RowTooLong", i + 1, 20]));
                }

                var quantity = Number(row.Quantity, prefix + nameof(row.Quantity), i, "Offer.Quantity", errors, defaultValue: 1);
                var unitPrice = Number(row.UnitPrice, prefix + nameof(row.UnitPrice), i, "Offer.UnitPrice", errors);
                var fixedPrice = Number(row.FixedPrice, prefix + nameof(row.FixedPrice), i, "Offer.FixedPrice", errors);
                int? weeks = null;
                if (!string.IsNullOrWhiteSpace(row.DurationWeeks))
                {
                    if (int.TryParse(row.DurationWeeks, NumberStyles.None, CultureInfo.InvariantCulture, out var w) && w is >= 0 and <= 520)
                    {
                        weeks = w;
                    }
                    else
                    {
                        errors.Add((prefix + nameof(row.DurationWeeks), l["Validation.RowWeeks", i + 1]));
                    }
                }

                activities.Add(new OfferActivity
                {
                    Description = (row.Description ?? string.Empty).Trim(), PriceKind = Enum.IsDefined(row.PriceKind) ? row.PriceKind : PriceKind.Unit,
                    Quantity = quantity, Unit = string.IsNullOrWhiteSpace(row.Unit) ? null : row.Unit.Trim(), UnitPrice = unitPrice, FixedPrice = fixedPrice,
                    DurationWeeks = weeks, SortOrder = activities.Count + 1,
                });
            }

            var yearly = new List<OfferYearlyCost>();
            foreach (var (row, i) in form.YearlyCosts.Select((r, i) => (r, i)))
            {
                if (row.Remove || row.IsBlank)
                {
                    continue;
                }

                var prefix = $"YearlyCosts[{i}].";
                if (string.IsNullOrWhiteSpace(row.Description))
                {
                    errors.Add((prefix + nameof(row.Description), l["Validation.RowDescription", i + 1]));
                }
                else if (row.Description.Trim().Length > 300)
                {
                    errors.Add((prefix + nameof(row.Description), l["Validation.RowTooLong", i + 1, 300]));
                }

                if (row.ProductId is { } productId && !await db.Products.AnyAsync(p => p.Id == productId, ct))
                {
                    errors.Add((prefix + nameof(row.ProductId), l["Validation.ValueInvalidNoValue", l["Offer.Product"]]));
                }

                var amount = Number(row.AmountPerYear, prefix + nameof(row.AmountPerYear), i, "Offer.AmountPerYear", errors);
                yearly.Add(new OfferYearlyCost { Description = (row.Description ?? string.Empty).Trim(), ProductId = row.ProductId, AmountPerYear = amount, SortOrder = yearly.Count + 1 });
            }

            if (activities.Count == 0)
            {
                errors.Add((nameof(form.Activities), l["Validation.OfferNeedsActivity"]));
            }

            var today = Display.TodayInOslo(clock);
            if (form.ValidUntil is { } until && until < today)
            {
                errors.Add((nameof(form.ValidUntil), l["Validation.ValidUntilPast"]));
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
                    errors.Add((nameof(form.EstimatedStartMonth), l["Validation.Month"]));
                }
            }

            if (!LocalizationSetup.Cultures.Contains(form.Language))
            {
                errors.Add((nameof(form.Language), l["Validation.ValueInvalidNoValue", l["Offer.Language"]]));
            }

            if (form.VendorContactUserId is { Length: > 0 } contact && !await db.Users.AnyAsync(u => u.Id == contact && u.CustomerId == null, ct))
            {
                errors.Add((nameof(form.VendorContactUserId), l["Validation.UnknownAssignee"]));
            }

            if (!valid || errors.Count > 0)
            {
                return (OfferOutcome.Invalid, await PageAsync(form, ct), errors);
            }

            var r = await db.OfferRevisions.Include(x => x.Offer).Include(x => x.Activities).Include(x => x.YearlyCosts).SingleAsync(x => x.Id == form.RevisionId, ct);
            if (r.Version != form.Version)
            {
                form.Version = r.Version;
                return (OfferOutcome.Conflict, await PageAsync(form, ct), errors);
            }

            db.Entry(r).Property(x => x.Version).OriginalValue = form.Version;
            db.Entry(r).Property(x => x.Version).IsModified = true;
            r.Title = form.Title.Trim();
            r.Summary = Blank(form.Summary);
            r.Terms = Blank(form.Terms);
            r.Caveats = Blank(form.Caveats);
            r.ValidUntil = form.ValidUntil!.Value;
            r.EstimatedStartMonth = startMonth;
            r.EstimatedDurationWeeks = form.EstimatedDurationWeeks;
            r.VendorContactUserId = string.IsNullOrEmpty(form.VendorContactUserId) ? null : form.VendorContactUserId;
            r.Language = form.Language;
            db.OfferActivities.RemoveRange(r.Activities);
            db.OfferYearlyCosts.RemoveRange(r.YearlyCosts);
            r.Activities.Clear();
            r.YearlyCosts.Clear();
            r.Activities.AddRange(activities);
            r.YearlyCosts.AddRange(yearly);
            try
            {
                await db.SaveChangesAsync(ct);
                return (OfferOutcome.Ok, null, errors);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                form.Version = await db.OfferRevisions.Where(x => x.Id == form.RevisionId).Select(x => x.Version).SingleAsync(ct);
                return (OfferOutcome.Conflict, await PageAsync(form, ct), errors);
            }
        }

        /// <summary>
        /// Sends a draft: renders the PDF once and keeps it with its SHA-256, so what the customer reads,
        /// downloads and accepts is byte for byte the same. An earlier sent revision is superseded.
        /// </summary>
        public async Task<OfferOutcome> SendAsync(int revisionId, int version, ClaimsPrincipal user, CancellationToken ct)
        {
            var (outcome, target) = await access.CheckAsync(revisionId, user, write: true, ct);
            if (outcome != OfferOutcome.Ok)
            {
                return outcome;
            }

            var r = await db.OfferRevisions.Include(x => x.Offer).Include(x => x.Activities).SingleAsync(x => x.Id == revisionId, ct);
            if (r.Status != OfferStatus.Draft || await db.OfferRevisions.AnyAsync(x => x.OfferId == r.OfferId && x.Status == OfferStatus.Accepted, ct))
            {
                return OfferOutcome.Locked;
            }

            if (r.Version != version)
            {
                return OfferOutcome.Conflict;
            }

            var today = Display.TodayInOslo(clock);
            if (r.Activities.Count == 0 || r.ValidUntil < today)
            {
                return OfferOutcome.Invalid;
            }

            // A start estimate that has gone by is refreshed from the queue as it is now.
            var queue = await QueueAsync(today, ct);
            if (r.EstimatedStartMonth is null || r.EstimatedStartMonth < queue.ExpectedStartIfAcceptedNow)
            {
                r.EstimatedStartMonth = queue.ExpectedStartIfAcceptedNow;
            }

            // Status, PDF and hash land together or not at all; the offer row's version makes a send
            // conflict with an acceptance or another send of the same offer at the same moment.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.Entry(r).Property(x => x.Version).OriginalValue = version;
            db.Entry(r.Offer!).Property(o => o.Version).IsModified = true;
            r.Status = OfferStatus.Sent;
            r.SentUtc = clock.GetUtcNow().UtcDateTime;
            foreach (var earlier in await db.OfferRevisions.Where(x => x.OfferId == r.OfferId && x.Id != r.Id && x.Status == OfferStatus.Sent).ToListAsync(ct))
            {
                earlier.Status = OfferStatus.Superseded;
            }

            try
            {
                await db.SaveChangesAsync(ct);

                // Rendered inside the transaction, after the status change, so the PDF carries the sent date and no draft mark.
                var bytes = await pdf.RenderAsync(r.Id, ct);
                r.PdfContent = bytes;
                r.PdfSha256 = OfferRevision.Sha256(bytes);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return OfferOutcome.Conflict;
            }

            LogSent(logger, r.Offer!.Number, r.Revision, target!.ProjectId);
            return OfferOutcome.Ok;
        }

        /// <summary>A new draft revision copied from the newest one; a sent revision itself never changes.</summary>
        public async Task<(OfferOutcome, int RevisionId)> ReviseAsync(int revisionId, ClaimsPrincipal user, CancellationToken ct)
        {
            var (outcome, target) = await access.CheckAsync(revisionId, user, write: true, ct);
            if (outcome != OfferOutcome.Ok)
            {
                return (outcome, 0);
            }

            var revisions = await db.OfferRevisions.Include(x => x.Activities).Include(x => x.YearlyCosts).Where(x => x.OfferId == target!.OfferId).ToListAsync(ct);
            if (revisions.Any(x => x.Status == OfferStatus.Accepted))
            {
                return (OfferOutcome.Locked, 0);
            }

            if (revisions.FirstOrDefault(x => x.Status == OfferStatus.Draft) is { } draft)
            {
                return (OfferOutcome.Ok, draft.Id);
            }

            var latest = revisions.OrderByDescending(x => x.Revision).First();
            var today = Display.TodayInOslo(clock);
            var copy = new OfferRevision
            {
                OfferId = latest.OfferId, Revision = latest.Revision + 1, Title = latest.Title, Summary = latest.Summary, Terms = latest.Terms,
                Caveats = latest.Caveats, ValidUntil = latest.ValidUntil < today.AddDays(14) ? today.AddDays(OfferDefaults.ValidDays) : latest.ValidUntil,
                EstimatedStartMonth = latest.EstimatedStartMonth, EstimatedDurationWeeks = latest.EstimatedDurationWeeks,
                VendorContactUserId = latest.VendorContactUserId, Language = latest.Language, CreatedUtc = clock.GetUtcNow().UtcDateTime,
            };
            copy.Activities.AddRange(latest.Activities.OrderBy(a => a.SortOrder).Select(a => new OfferActivity
            {
                Description = a.Description, PriceKind = a.PriceKind, Quantity = a.Quantity, Unit = a.Unit, UnitPrice = a.UnitPrice, FixedPrice = a.FixedPrice,
                DurationWeeks = a.DurationWeeks, SortOrder = a.SortOrder,
            }));
            copy.YearlyCosts.AddRange(latest.YearlyCosts.OrderBy(c => c.SortOrder).Select(c => new OfferYearlyCost
            {
                Description = c.Description, ProductId = c.ProductId, AmountPerYear = c.AmountPerYear, SortOrder = c.SortOrder,
            }));
            copy.Offer = await db.Offers.SingleAsync(o => o.Id == latest.OfferId, ct);
            db.Entry(copy.Offer).Property(o => o.Version).IsModified = true;
            db.OfferRevisions.Add(copy);
            try
            {
                await db.SaveChangesAsync(ct);
                return (OfferOutcome.Ok, copy.Id);
            }
            catch (DbUpdateException)
            {
                // Two clicks at once: the other one made the draft.
                db.ChangeTracker.Clear();
                var draftId = await db.OfferRevisions.Where(x => x.OfferId == latest.OfferId && x.Status == OfferStatus.Draft).Select(x => (int?)x.Id).FirstOrDefaultAsync(ct);
                return draftId is { } id ? (OfferOutcome.Ok, id) : (OfferOutcome.Conflict, 0);
            }
        }

        private async Task<QueueInfo> QueueAsync(DateOnly today, CancellationToken ct)
        {
            var waiting = await db.CloudQueue.CountAsync(q => q.StartedUtc == null, ct);
            var perMonth = await db.StartsPerMonthAsync(ct);
            return new QueueInfo(waiting, perMonth, CloudQueue.ExpectedStartMonth(waiting + 1, perMonth, today));
        }

        private async Task<Page> PageAsync(Form form, CancellationToken ct)
        {
            var info = await db.OfferRevisions.AsNoTracking().Where(r => r.Id == form.RevisionId)
                .Select(r => new { r.Offer!.Number, r.Revision, r.Offer.ProjectId, ProjectName = r.Offer.Project!.Name }).SingleAsync(ct);
            var staff = (await db.Users.AsNoTracking().Where(u => u.CustomerId == null && (u.IsActive || u.Id == form.VendorContactUserId)).OrderBy(u => u.DisplayName)
                .Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct)).Select(u => (u.Id, u.DisplayName)).ToList();
            var products = (await db.Products.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(ct)).Select(p => (p.Id, p.Name)).ToList();

            // Room for new rows at the end of both tables.
            while (form.Activities.Count(a => a.IsBlank) < BlankRows)
            {
                form.Activities.Add(new ActivityRow());
            }

            if (!form.YearlyCosts.Any(c => c.IsBlank))
            {
                form.YearlyCosts.Add(new YearlyRow());
            }

            return new Page(form, info.Number, info.Revision, info.ProjectId, info.ProjectName, staff, products, await QueueAsync(Display.TodayInOslo(clock), ct));
        }

        private decimal Number(string? text, string field, int row, string labelKey, List<(string, string)> errors, decimal defaultValue = 0)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return defaultValue;
            }

            if (MoneyText.TryParse(text, out var value) && value >= 0)
            {
                return value;
            }

            errors.Add((field, l["Validation.RowNumber", l[labelKey], row + 1, text]));
            return 0;
        }

        private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

        [LoggerMessage(Level = LogLevel.Information, Message = "Offer {OfferNumber} revision {Revision} sent for project {ProjectId}")]
        private static partial void LogSent(ILogger logger, string offerNumber, int revision, int projectId);
    }
}
