using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Authorization;
using MigrationPortal.Web.Infrastructure.Localization;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Projects;

/// <summary>
/// Creating a project (its steps come from the products' templates) and changing its lead, status, dates, customers and
/// products. The phase is not a field: it moves only through its transitions (<see cref="PhaseGate"/>).
/// </summary>
public static class SaveProject
{
    public sealed class Form : IValidatableObject, IVersionedForm
    {
        [FromRoute(Name = "id")]
        public int? Id { get; set; }

        public int Version { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Project.Name")]
        public string Name { get; set; } = string.Empty;

        [Display(Name = "Project.Status")]
        public ProjectStatus Status { get; set; } = ProjectStatus.Active;

        [Display(Name = "Project.Lead")]
        public string? LeadUserId { get; set; }

        [Display(Name = "Project.PlannedStart")]
        public DateOnly? PlannedStart { get; set; }

        [Display(Name = "Project.PlannedGoLive")]
        public DateOnly? PlannedGoLive { get; set; }

        [Display(Name = "Project.Customers")]
        public List<int> CustomerIds { get; set; } = [];

        [Display(Name = "Project.Products")]
        public List<int> ProductIds { get; set; } = [];

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            var l = validationContext.Localizer();
            if (CustomerIds.Count == 0)
            {
                yield return new ValidationResult(l["Validation.ProjectNeedsCustomer"], [nameof(CustomerIds)]);
            }

            if (ProductIds.Count == 0)
            {
                yield return new ValidationResult(l["Validation.ProjectNeedsProduct"], [nameof(ProductIds)]);
            }

            if (PlannedStart is { } s && PlannedGoLive is { } g && g < s)
            {
                yield return new ValidationResult(l["Validation.GoLiveBeforeStart"], [nameof(PlannedGoLive)]);
            }

            if (!Enum.IsDefined(Status))
            {
                yield return new ValidationResult(l["Validation.ValueInvalidNoValue", l["Project.Status"]], [nameof(Status)]);
            }
        }
    }

    public sealed record Option<T>(T Id, string Name);

    public sealed record Page(Form Form, IReadOnlyList<Option<int>> Customers, IReadOnlyList<Option<int>> Products, IReadOnlyList<Option<string>> Leads) : IFormPage
    {
        object IFormPage.Form => Form;
    }

    public sealed class Handler(PortalDb db, ResourceAccess access, TimeProvider clock)
    {
        public async Task<Result<Page>> GetAsync(int? id, ClaimsPrincipal user, CancellationToken ct)
        {
            if (await AccessAsync(id, user, ct) is { } denied)
            {
                return denied;
            }

            var form = id is null
                ? new Form { PlannedStart = Display.TodayInOslo(clock) }
                : await db.Projects.AsNoTracking().Where(p => p.Id == id)
                    .Select(p => new Form
                    {
                        Id = p.Id, Version = p.Version, Name = p.Name, Status = p.Status, LeadUserId = p.LeadUserId,
                        PlannedStart = p.PlannedStart, PlannedGoLive = p.PlannedGoLive,
                        CustomerIds = p.Customers.Select(c => c.CustomerId).ToList(), ProductIds = p.Products.Select(x => x.ProductId).ToList(),
                    })
                    .SingleAsync(ct);
            return await PageAsync(form, ct);
        }

        /// <summary>Saves and returns the project's id.</summary>
        public async Task<Result<int>> SaveAsync(Form form, bool valid, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(form);

            // Access first: an invalid form for someone else's project is a 404, not a form.
            if (await AccessAsync(form.Id, user, ct) is { } denied)
            {
                return denied;
            }

            // A date out of range is named beside its own field, also when another rule failed too (a go-live "before" a start in year 9999).
            var today = Display.TodayInOslo(clock);
            var errors = new List<FieldError>();
            DateRules.AddTo(errors, today,
                (DateKind.Plan, nameof(form.PlannedStart), "Project.PlannedStart", form.PlannedStart),
                (DateKind.Plan, nameof(form.PlannedGoLive), "Project.PlannedGoLive", form.PlannedGoLive));
            if (!valid)
            {
                return Result.Invalid(await PageAsync(form, ct), errors);
            }

            var project = form.Id is { } id
                ? await db.Projects.Include(p => p.Customers).Include(p => p.Products).Include(p => p.Steps).SingleAsync(p => p.Id == id, ct)
                : db.Projects.Add(new Project { Name = form.Name, CreatedUtc = clock.GetUtcNow().UtcDateTime }).Entity;
            var customerIds = form.CustomerIds.Distinct().ToList();
            var productIds = form.ProductIds.Distinct().ToList();
            if (await db.Customers.CountAsync(c => customerIds.Contains(c.Id), ct) != customerIds.Count)
            {
                errors.Add(new(nameof(form.CustomerIds), "Validation.ProjectNeedsCustomer"));
            }

            // An inactive product can stay on a project that has it, but not be added.
            var existingProducts = project.Products.Select(p => p.ProductId).ToHashSet();
            if (await db.Products.CountAsync(p => productIds.Contains(p.Id) && (p.IsActive || existingProducts.Contains(p.Id)), ct) != productIds.Count)
            {
                errors.Add(new(nameof(form.ProductIds), "Validation.ProjectNeedsProduct"));
            }

            if (form.LeadUserId is { Length: > 0 } lead && lead != project.LeadUserId && !await db.Users.AnyAsync(u => u.Id == lead && u.CustomerId == null && u.IsActive, ct))
            {
                errors.Add(new(nameof(form.LeadUserId), "Validation.UnknownAssignee"));
            }

            if (errors.Count > 0)
            {
                return Result.Invalid(await PageAsync(form, ct), errors);
            }

            // New products bring their steps (those the customers' installed systems call for); steps of a removed product
            // stay, with their history. Moving the start of a planned project moves its open steps with it.
            var templates = await db.StepTemplates.AsNoTracking().Where(t => productIds.Contains(t.ProductId)).ToListAsync(ct);
            var installed = (await db.CustomerProducts.AsNoTracking().Where(cp => customerIds.Contains(cp.CustomerId)).Select(cp => cp.Product!.Code).ToListAsync(ct))
                .ToHashSet(StringComparer.Ordinal);
            var shift = project.Phase != Phase.Intake && project.PlannedStart is { } was && form.PlannedStart is { } now ? now.DayNumber - was.DayNumber : 0;

            // The version is checked and bumped even when only the customer or product lists change:
            // a stale form must not put back a customer someone just removed (and with it, access).
            return await db.SaveVersionedAsync(project, form,
                p =>
                {
                    p.Name = form.Name.Trim();
                    p.Status = form.Status;
                    p.LeadUserId = string.IsNullOrEmpty(form.LeadUserId) ? null : form.LeadUserId;
                    p.PlannedStart = form.PlannedStart;
                    p.PlannedGoLive = form.PlannedGoLive;
                    p.Customers.RemoveAll(c => !customerIds.Contains(c.CustomerId));
                    p.Customers.AddRange(customerIds.Where(c => p.Customers.All(x => x.CustomerId != c)).Select(c => new ProjectCustomer { CustomerId = c }));
                    p.Products.RemoveAll(x => !productIds.Contains(x.ProductId));
                    p.Products.AddRange(productIds.Where(x => p.Products.All(y => y.ProductId != x)).Select(x => new ProjectProduct { ProductId = x }));
                    ProjectPlan.ShiftOpen(p.Steps, shift);
                    ProjectPlan.AddFromTemplates(p, templates, installed, form.PlannedStart ?? today, countFromFirst: false);
                },
                ok: () => project.Id,
                conflictPage: async () => await PageAsync(form, ct),
                ct);
        }

        /// <summary>A new project needs the creator role; an existing one, edit access to it.</summary>
        private async Task<Failure?> AccessAsync(int? id, ClaimsPrincipal user, CancellationToken ct) =>
            id is { } existing
                ? await access.ProjectAsync(existing, user, ProjectOperations.Edit, ct)
                : await access.PolicyAsync(user, Policies.ProjectCreator);

        private async Task<Page> PageAsync(Form form, CancellationToken ct)
        {
            var customers = await db.Customers.AsNoTracking().OrderBy(c => c.Name).Select(c => new Option<int>(c.Id, c.Name)).ToListAsync(ct);
            var products = await db.Products.AsNoTracking().Where(p => p.IsActive || form.ProductIds.Contains(p.Id)).OrderBy(p => p.Name).Select(p => new Option<int>(p.Id, p.Name)).ToListAsync(ct);
            var leads = await db.Users.AsNoTracking().Where(u => u.CustomerId == null && (u.IsActive || u.Id == form.LeadUserId)).OrderBy(u => u.DisplayName).Select(u => new Option<string>(u.Id, u.DisplayName)).ToListAsync(ct);
            return new Page(form, customers, products, leads);
        }
    }
}
