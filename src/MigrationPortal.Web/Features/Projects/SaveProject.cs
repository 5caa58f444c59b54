using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Authorization;
using MigrationPortal.Web.Infrastructure.Localization;

namespace MigrationPortal.Web.Features.Projects;

/// <summary>Creating a project (its steps come from the products' templates) and changing its phase, lead, dates, customers and products.</summary>
public static class SaveProject
{
    public sealed class Form : IValidatableObject
    {
        public int? Id { get; set; }
        public int Version { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Project.Name")]
        public string Name { get; set; } = string.Empty;

        [Display(Name = "Project.Phase")]
        public Phase Phase { get; set; } = Phase.Intake;

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

            if (!Enum.IsDefined(Phase) || !Enum.IsDefined(Status))
            {
                yield return new ValidationResult(l["Validation.ValueInvalidNoValue", l["Project.Phase"]], [nameof(Phase)]);
            }
        }
    }

    public sealed record Option<T>(T Id, string Name);

    public sealed record Page(Form Form, IReadOnlyList<Option<int>> Customers, IReadOnlyList<Option<int>> Products, IReadOnlyList<Option<string>> Leads);

    public enum Outcome
    {
        Saved,
        NotFound,
        Forbidden,
        Invalid,
        Conflict,
    }

    public sealed class Handler(PortalDb db, IAuthorizationService authz, TimeProvider clock)
    {
        public async Task<(Outcome, Page?)> GetAsync(int? id, ClaimsPrincipal user, CancellationToken ct)
        {
            if (id is null)
            {
                return await CanCreateAsync(user) ? (Outcome.Saved, await PageAsync(new Form { PlannedStart = Display.TodayInOslo(clock) }, ct)) : (Outcome.Forbidden, null);
            }

            var access = await AccessAsync(id.Value, user, ct);
            if (access != Outcome.Saved)
            {
                return (access, null);
            }

            var form = await db.Projects.AsNoTracking().Where(p => p.Id == id)
                .Select(p => new Form
                {
                    Id = p.Id, Version = p.Version, Name = p.Name, Phase = p.Phase, Status = p.Status, LeadUserId = p.LeadUserId,
                    PlannedStart = p.PlannedStart, PlannedGoLive = p.PlannedGoLive,
                    CustomerIds = p.Customers.Select(c => c.CustomerId).ToList(), ProductIds = p.Products.Select(x => x.ProductId).ToList(),
                })
                .SingleAsync(ct);
            return (Outcome.Saved, await PageAsync(form, ct));
        }

        /// <summary>Saves; on Invalid the returned errors are keyed by field.</summary>
        public async Task<(Outcome Outcome, int Id, Page? Page, List<(string Field, string Key)> Errors)> SaveAsync(Form form, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(form);
            var errors = new List<(string, string)>();
            Project project;
            if (form.Id is { } id)
            {
                var access = await AccessAsync(id, user, ct);
                if (access != Outcome.Saved)
                {
                    return (access, id, null, errors);
                }

                project = await db.Projects.Include(p => p.Customers).Include(p => p.Products).Include(p => p.Steps).SingleAsync(p => p.Id == id, ct);
                if (project.Version != form.Version)
                {
                    form.Version = project.Version;
                    return (Outcome.Conflict, id, await PageAsync(form, ct), errors);
                }

                db.Entry(project).Property(p => p.Version).OriginalValue = form.Version;
            }
            else
            {
                if (!await CanCreateAsync(user))
                {
                    return (Outcome.Forbidden, 0, null, errors);
                }

                project = new Project { Name = form.Name, CreatedUtc = clock.GetUtcNow().UtcDateTime };
                db.Projects.Add(project);
            }

            var customerIds = form.CustomerIds.Distinct().ToList();
            var productIds = form.ProductIds.Distinct().ToList();
            if (await db.Customers.CountAsync(c => customerIds.Contains(c.Id), ct) != customerIds.Count)
            {
                errors.Add((nameof(form.CustomerIds), "Validation.ProjectNeedsCustomer"));
            }

            // An inactive product can stay on a project that has it, but not be added.
            var existingProducts = project.Products.Select(p => p.ProductId).ToHashSet();
            if (await db.Products.CountAsync(p => productIds.Contains(p.Id) && (p.IsActive || existingProducts.Contains(p.Id)), ct) != productIds.Count)
            {
                errors.Add((nameof(form.ProductIds), "Validation.ProjectNeedsProduct"));
            }

            if (form.LeadUserId is { Length: > 0 } lead && lead != project.LeadUserId && !await db.Users.AnyAsync(u => u.Id == lead && u.CustomerId == null && u.IsActive, ct))
            {
                errors.Add((nameof(form.LeadUserId), "Validation.UnknownAssignee"));
            }

            if (errors.Count > 0)
            {
                return (Outcome.Invalid, project.Id, await PageAsync(form, ct), errors);
            }

            project.Name = form.Name.Trim();
            project.Phase = form.Phase;
            project.Status = form.Status;
            project.LeadUserId = string.IsNullOrEmpty(form.LeadUserId) ? null : form.LeadUserId;
            project.PlannedStart = form.PlannedStart;
            project.PlannedGoLive = form.PlannedGoLive;
            project.Customers.RemoveAll(c => !customerIds.Contains(c.CustomerId));
            project.Customers.AddRange(customerIds.Where(c => project.Customers.All(x => x.CustomerId != c)).Select(c => new ProjectCustomer { CustomerId = c }));
            project.Products.RemoveAll(p => !productIds.Contains(p.ProductId));
            project.Products.AddRange(productIds.Where(p => project.Products.All(x => x.ProductId != p)).Select(p => new ProjectProduct { ProductId = p }));

            // The version is checked and bumped even when only the customer or product lists change:
            // a stale form must not put back a customer someone just removed (and with it, access).
            db.Entry(project).Property(p => p.Version).IsModified = true;

            // New products bring their steps; steps of a removed product stay, with their history.
            var templates = await db.StepTemplates.AsNoTracking().Where(t => productIds.Contains(t.ProductId)).ToListAsync(ct);
            project.AddStepsFromTemplates(templates, form.PlannedStart ?? Display.TodayInOslo(clock));
            try
            {
                await db.SaveChangesAsync(ct);
                return (Outcome.Saved, project.Id, null, errors);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                form.Version = await db.Projects.Where(p => p.Id == project.Id).Select(p => p.Version).SingleAsync(ct);
                return (Outcome.Conflict, project.Id, await PageAsync(form, ct), errors);
            }
        }

        private async Task<bool> CanCreateAsync(ClaimsPrincipal user) => (await authz.AuthorizeAsync(user, Policies.ProjectCreator)).Succeeded;

        private async Task<Outcome> AccessAsync(int id, ClaimsPrincipal user, CancellationToken ct)
        {
            var resource = await db.FindProjectResourceAsync(id, user, ct);
            if (resource is null || !(await authz.AuthorizeAsync(user, resource, ProjectOperations.View)).Succeeded)
            {
                return Outcome.NotFound;
            }

            return (await authz.AuthorizeAsync(user, resource, ProjectOperations.Edit)).Succeeded ? Outcome.Saved : Outcome.Forbidden;
        }

        private async Task<Page> PageAsync(Form form, CancellationToken ct)
        {
            var customers = await db.Customers.AsNoTracking().OrderBy(c => c.Name).Select(c => new Option<int>(c.Id, c.Name)).ToListAsync(ct);
            var products = await db.Products.AsNoTracking().Where(p => p.IsActive || form.ProductIds.Contains(p.Id)).OrderBy(p => p.Name).Select(p => new Option<int>(p.Id, p.Name)).ToListAsync(ct);
            var leads = await db.Users.AsNoTracking().Where(u => u.CustomerId == null && (u.IsActive || u.Id == form.LeadUserId)).OrderBy(u => u.DisplayName).Select(u => new Option<string>(u.Id, u.DisplayName)).ToListAsync(ct);
            return new Page(form, customers, products, leads);
        }
    }
}
