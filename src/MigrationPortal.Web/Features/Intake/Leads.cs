using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Authorization;
using MigrationPortal.Web.Infrastructure.Localization;
using MigrationPortal.Web.Infrastructure.Paging;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Intake;

/// <summary>First contact: a lead for an existing or a new customer, which becomes a project in phase 1.</summary>
public static class Leads
{
    public const int PageSize = 25;

    public sealed record ListPage(LeadStatus Status, IReadOnlyList<Item> Items, PageInfo Paging);

    public sealed record Item(int Id, string Customer, int CustomerId, IReadOnlyList<string> Products, LeadSource Source, string? TenderReference, DateOnly? TenderDeadline, string? Owner, LeadStatus Status, int? ProjectId, DateTime CreatedUtc);

    public sealed class LeadForm : IValidatableObject, IVersionedForm
    {
        [FromRoute(Name = "id")]
        public int? Id { get; set; }

        public int Version { get; set; }

        /// <summary>An existing customer, or none to register a new one with the fields below.</summary>
        [Display(Name = "Lead.ExistingCustomer")]
        public int? CustomerId { get; set; }

        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Lead.NewCustomerName")]
        public string? NewCustomerName { get; set; }

        [Display(Name = "Lead.NewCustomerOrgNumber")]
        public string? NewCustomerOrgNumber { get; set; }

        [Display(Name = "Customer.Type")]
        public CustomerType NewCustomerType { get; set; } = CustomerType.Municipality;

        [Display(Name = "Lead.Products")]
        public List<int> ProductIds { get; set; } = [];

        [Display(Name = "Lead.Source")]
        public LeadSource Source { get; set; } = LeadSource.CustomerInquiry;

        [StringLength(100, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Lead.TenderReference")]
        public string? TenderReference { get; set; }

        [Display(Name = "Lead.TenderDeadline")]
        public DateOnly? TenderDeadline { get; set; }

        [Display(Name = "Lead.Owner")]
        public string? OwnerUserId { get; set; }

        [StringLength(8000, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Lead.Notes")]
        [DataType(DataType.MultilineText)]
        public string? Notes { get; set; }

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            var l = validationContext.Localizer();
            if (CustomerId is null)
            {
                if (string.IsNullOrWhiteSpace(NewCustomerName))
                {
                    yield return new ValidationResult(l["Validation.LeadCustomer"], [nameof(NewCustomerName)]);
                }

                if (OrgNumber.Validate(NewCustomerOrgNumber) is var problem and not OrgNumber.Problem.None)
                {
                    yield return new ValidationResult(l["Validation.OrgNumber." + problem], [nameof(NewCustomerOrgNumber)]);
                }
            }

            if (ProductIds.Count == 0)
            {
                yield return new ValidationResult(l["Validation.ProjectNeedsProduct"], [nameof(ProductIds)]);
            }

            if (Source == LeadSource.PublicTender && string.IsNullOrWhiteSpace(TenderReference))
            {
                yield return new ValidationResult(l["Validation.TenderReference"], [nameof(TenderReference)]);
            }

            if (!Enum.IsDefined(Source) || !Enum.IsDefined(NewCustomerType))
            {
                yield return new ValidationResult(l["Validation.ValueInvalidNoValue", l["Lead.Source"]], [nameof(Source)]);
            }
        }
    }

    public sealed record FormPage(LeadForm Form, IReadOnlyList<(int Id, string Name)> Customers, IReadOnlyList<(int Id, string Name)> Products, IReadOnlyList<(string Id, string Name)> Staff) : IFormPage
    {
        object IFormPage.Form => Form;
    }

    public sealed class Handler(PortalDb db, TimeProvider clock)
    {
        /// <summary>The leads of a status, newest first, a page at a time.</summary>
        public async Task<ListPage> ListAsync(LeadStatus status, int page, CancellationToken ct)
        {
            var (items, paging) = await Items(db.Leads.AsNoTracking().Where(l => l.Status == status).OrderByDescending(l => l.CreatedUtc).ThenByDescending(l => l.Id))
                .PageAsync(page, PageSize, ct);
            return new ListPage(status, items, paging);
        }

        /// <summary>The first few leads of a status (the nearest tender deadline first) and how many there are in all.</summary>
        public async Task<(IReadOnlyList<Item> Items, int Total)> FirstAsync(LeadStatus status, int count, CancellationToken ct)
        {
            var leads = db.Leads.AsNoTracking().Where(l => l.Status == status);
            var items = await Items(leads.OrderBy(l => l.TenderDeadline == null).ThenBy(l => l.TenderDeadline).ThenByDescending(l => l.CreatedUtc)).Take(count).ToListAsync(ct);
            return (items, await leads.CountAsync(ct));
        }

        private IQueryable<Item> Items(IQueryable<Lead> leads) => leads.Select(l => new Item(
            l.Id, l.Customer!.Name, l.CustomerId, l.Products.Select(p => p.Product!.Name).ToList(), l.Source, l.TenderReference, l.TenderDeadline,
            db.Users.Where(u => u.Id == l.OwnerUserId).Select(u => u.DisplayName).FirstOrDefault(), l.Status, l.ProjectId, l.CreatedUtc));

        public async Task<Result<FormPage>> GetAsync(int? id, ClaimsPrincipal user, CancellationToken ct)
        {
            var form = new LeadForm { OwnerUserId = user.UserId() };
            if (id is not null)
            {
                var lead = await db.Leads.AsNoTracking().Include(l => l.Products).SingleOrDefaultAsync(l => l.Id == id, ct);
                if (lead is null)
                {
                    return Result.NotFound;
                }

                form = new LeadForm
                {
                    Id = lead.Id, Version = lead.Version, CustomerId = lead.CustomerId, ProductIds = lead.Products.Select(p => p.ProductId).ToList(), Source = lead.Source,
                    TenderReference = lead.TenderReference, TenderDeadline = lead.TenderDeadline, OwnerUserId = lead.OwnerUserId, Notes = lead.Notes,
                };
            }

            return await PageAsync(form, ct);
        }

        /// <summary>Saves and returns the lead's id.</summary>
        public async Task<Result<int>> SaveAsync(LeadForm form, bool valid, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(form);
            if (!valid)
            {
                return Result.Invalid(await PageAsync(form, ct));
            }

            var errors = new List<FieldError>();
            if (form.CustomerId is { } cid && !await db.Customers.AnyAsync(c => c.Id == cid, ct))
            {
                errors.Add(new(nameof(form.CustomerId), "Validation.LeadCustomer"));
            }

            var newOrg = OrgNumber.Normalize(form.NewCustomerOrgNumber);
            if (form.CustomerId is null && await db.Customers.AnyAsync(c => c.OrgNumber == newOrg, ct))
            {
                errors.Add(new(nameof(form.NewCustomerOrgNumber), "Validation.OrgNumber.Duplicate"));
            }

            if (form.OwnerUserId is { Length: > 0 } owner && !await db.Users.AnyAsync(u => u.Id == owner && u.CustomerId == null, ct))
            {
                errors.Add(new(nameof(form.OwnerUserId), "Validation.UnknownAssignee"));
            }

            if (await db.Products.CountAsync(p => form.ProductIds.Contains(p.Id) && p.IsActive, ct) != form.ProductIds.Distinct().Count())
            {
                errors.Add(new(nameof(form.ProductIds), "Validation.ProjectNeedsProduct"));
            }

            // A deadline typed now must make sense; one stored long ago stays as it is when the lead is edited.
            var storedDeadline = form.Id is { } existing ? await db.Leads.Where(l => l.Id == existing).Select(l => l.TenderDeadline).SingleOrDefaultAsync(ct) : null;
            if (form.Source == LeadSource.PublicTender && form.TenderDeadline != storedDeadline)
            {
                DateRules.AddTo(errors, Display.TodayInOslo(clock), (DateKind.TenderDeadline, nameof(form.TenderDeadline), "Lead.TenderDeadline", form.TenderDeadline));
            }

            if (errors.Count > 0)
            {
                return Result.Invalid(await PageAsync(form, ct), errors);
            }

            var lead = form.Id is { } id
                ? await db.Leads.Include(l => l.Products).SingleOrDefaultAsync(l => l.Id == id, ct)
                : db.Leads.Add(new Lead { CreatedUtc = clock.GetUtcNow().UtcDateTime }).Entity;
            if (lead is null)
            {
                return Result.NotFound;
            }

            return await db.SaveVersionedAsync(lead, form,
                x =>
                {
                    if (form.CustomerId is { } customerId)
                    {
                        x.CustomerId = customerId;
                    }
                    else
                    {
                        x.Customer = new Customer { Name = form.NewCustomerName!.Trim(), OrgNumber = newOrg, Type = form.NewCustomerType };
                        db.Customers.Add(x.Customer);
                    }

                    x.Source = form.Source;
                    x.TenderReference = form.Source == LeadSource.PublicTender ? form.TenderReference?.Trim() : null;
                    x.TenderDeadline = form.Source == LeadSource.PublicTender ? form.TenderDeadline : null;
                    x.OwnerUserId = string.IsNullOrEmpty(form.OwnerUserId) ? null : form.OwnerUserId;
                    x.Notes = string.IsNullOrWhiteSpace(form.Notes) ? null : form.Notes.Trim();
                    var productIds = form.ProductIds.Distinct().ToList();
                    x.Products.RemoveAll(p => !productIds.Contains(p.ProductId));
                    x.Products.AddRange(productIds.Where(p => x.Products.All(y => y.ProductId != p)).Select(p => new LeadProduct { ProductId = p }));
                },
                ok: () => lead.Id,
                conflictPage: async () => await PageAsync(form, ct),
                ct);
        }

        /// <summary>The lead becomes a project in phase 1 with its customer, products and owner as lead; its steps come from the templates.</summary>
        public async Task<Result<int>> ConvertAsync(int id, CancellationToken ct)
        {
            var lead = await db.Leads.Include(l => l.Products).Include(l => l.Customer).SingleOrDefaultAsync(l => l.Id == id, ct);
            if (lead is null)
            {
                return Result.NotFound;
            }

            if (lead is { Status: LeadStatus.Converted, ProjectId: { } existing })
            {
                return existing;
            }

            if (lead.Status != LeadStatus.Open)
            {
                return Result.NotFound;
            }

            var today = Display.TodayInOslo(clock);
            var project = new Project
            {
                Name = $"{lead.Customer!.Name}: {string.Join(" og ", await db.Products.Where(p => lead.Products.Select(x => x.ProductId).Contains(p.Id)).OrderBy(p => p.Name).Select(p => p.Name).ToListAsync(ct))}",
                Phase = Phase.Intake, LeadUserId = lead.OwnerUserId, PlannedStart = today, CreatedUtc = clock.GetUtcNow().UtcDateTime,
            };
            project.Customers.Add(new ProjectCustomer { CustomerId = lead.CustomerId });
            project.Products.AddRange(lead.Products.Select(p => new ProjectProduct { ProductId = p.ProductId }));
            var productIds = lead.Products.Select(p => p.ProductId).ToList();
            // Phase 1 steps now; the later phases come when the offer is accepted, dated from the queue.
            project.AddStepsFromTemplates(await db.StepTemplates.AsNoTracking().Where(t => productIds.Contains(t.ProductId) && t.Phase == Phase.Intake).ToListAsync(ct), today);

            // Project and lead change together; the lead's version stops a double click from making two projects.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.Projects.Add(project);
            db.Entry(lead).Property(l => l.Version).IsModified = true;
            if (!await db.TrySaveAsync(ct))
            {
                // A double click: the other request converted it; both land on the same project.
                await transaction.RollbackAsync(ct);
                return await db.Leads.Where(l => l.Id == id).Select(l => l.ProjectId).SingleAsync(ct) is { } made ? made : Result.NotFound;
            }

            lead.Status = LeadStatus.Converted;
            lead.ProjectId = project.Id;
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return project.Id;
        }

        public async Task<Result<int>> MarkLostAsync(int id, CancellationToken ct)
        {
            if (await db.Leads.SingleOrDefaultAsync(l => l.Id == id && l.Status == LeadStatus.Open, ct) is not { } lead)
            {
                return Result.NotFound;
            }

            lead.Status = LeadStatus.Lost;
            await db.SaveChangesAsync(ct);
            return lead.Id;
        }

        private async Task<FormPage> PageAsync(LeadForm form, CancellationToken ct) => new(
            form,
            (await db.Customers.AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(ct)).Select(c => (c.Id, c.Name)).ToList(),
            (await db.Products.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(ct)).Select(p => (p.Id, p.Name)).ToList(),
            (await db.Users.AsNoTracking().Where(u => u.CustomerId == null && (u.IsActive || u.Id == form.OwnerUserId)).OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct)).Select(u => (u.Id, u.DisplayName)).ToList());
    }
}
