using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Authorization;
using MigrationPortal.Web.Infrastructure.Localization;
using MigrationPortal.Web.Infrastructure.Mail;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Checklist;

/// <summary>Staff who may edit the project add, change and remove checklist items, or add the standard ones to an empty list.</summary>
public static class EditChecklistItem
{
    public sealed class Form : IValidatableObject, IVersionedForm
    {
        [FromRoute(Name = "id")]
        public int ProjectId { get; set; }

        [FromRoute(Name = "itemId")]
        public int? Id { get; set; }

        public int Version { get; set; }

        [Display(Name = "Checklist.Category")]
        public ChecklistCategory Category { get; set; } = ChecklistCategory.Access;

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Checklist.ItemTitle")]
        public string? Title { get; set; }

        [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Checklist.Description")]
        [DataType(DataType.MultilineText)]
        public string? Description { get; set; }

        [Display(Name = "Checklist.Owner")]
        public ResponsibleParty Owner { get; set; } = ResponsibleParty.Customer;

        [Display(Name = "Checklist.OwnerContact")]
        public int? OwnerContactId { get; set; }

        [Display(Name = "Checklist.Due")]
        public DateOnly? Due { get; set; }

        [Display(Name = "Checklist.Status")]
        public ChecklistStatus Status { get; set; }

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            var l = validationContext.Localizer();
            foreach (var (ok, field, label) in new[]
            {
                (Enum.IsDefined(Category), nameof(Category), "Checklist.Category"),
                (Enum.IsDefined(Owner), nameof(Owner), "Checklist.Owner"),
                (Enum.IsDefined(Status), nameof(Status), "Checklist.Status"),
            })
            {
                if (!ok)
                {
                    yield return new ValidationResult(l["Validation.ValueInvalidNoValue", l[label]], [field]);
                }
            }
        }
    }

    public sealed record Page(Form Form, string ProjectName, IReadOnlyList<(int Id, string Name)> Contacts) : IFormPage
    {
        object IFormPage.Form => Form;

        public bool IsNew => Form.Id is null;
    }

    public sealed class Handler(PortalDb db, ResourceAccess access, TimeProvider clock, IStringLocalizer<SharedResource> l, ProjectNotifier notifier)
    {
        public async Task<Result<Page>> GetAsync(int projectId, int? itemId, ClaimsPrincipal user, CancellationToken ct)
        {
            if (await CheckAsync(projectId, itemId, user, ct) is { } denied)
            {
                return denied;
            }

            var form = new Form { ProjectId = projectId, Id = itemId };
            if (itemId is { } id)
            {
                var i = await db.ChecklistItems.AsNoTracking().SingleAsync(x => x.Id == id, ct);
                (form.Category, form.Title, form.Description, form.Owner, form.OwnerContactId, form.Due, form.Status, form.Version) =
                    (i.Category, i.Title, i.Description, i.Owner, i.OwnerContactId, i.Due, i.Status, i.Version);
            }

            return await PageAsync(form, ct);
        }

        public async Task<Result<int>> SaveAsync(Form form, bool valid, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(form);
            if (await CheckAsync(form.ProjectId, form.Id, user, ct) is { } denied)
            {
                return denied;
            }

            var page = await PageAsync(form, ct);
            if (form.OwnerContactId is { } contact && page.Contacts.All(c => c.Id != contact))
            {
                return Result.Invalid(page, new FieldError(nameof(form.OwnerContactId), "Validation.UnknownContact"));
            }

            if (!valid)
            {
                return Result.Invalid(page);
            }

            if (DateRules.Check(DateKind.Plan, nameof(form.Due), "Checklist.Due", form.Due, Display.TodayInOslo(clock)) is { } outOfRange)
            {
                return Result.Invalid(page, outOfRange);
            }

            ChecklistItem item;
            if (form.Id is { } id)
            {
                item = await db.ChecklistItems.SingleAsync(x => x.Id == id, ct);
            }
            else
            {
                var last = await db.ChecklistItems.Where(x => x.ProjectId == form.ProjectId).MaxAsync(x => (int?)x.SortOrder, ct) ?? 0;
                item = new ChecklistItem { ProjectId = form.ProjectId, Title = string.Empty, SortOrder = last + 10 };
                db.ChecklistItems.Add(item);
            }

            // The contact given the item is told, in the same transaction (a new item needs its id first).
            var assigned = form.Owner == ResponsibleParty.Customer && form.OwnerContactId is { } to
                && (form.Id is null || item.Owner != ResponsibleParty.Customer || item.OwnerContactId != to) ? form.OwnerContactId : null;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var saved = await db.SaveVersionedAsync(item, form,
                i =>
                {
                    i.Category = form.Category;
                    i.Title = form.Title!.Trim();
                    i.Description = string.IsNullOrWhiteSpace(form.Description) ? null : form.Description.Trim();
                    i.Owner = form.Owner;
                    i.OwnerContactId = form.OwnerContactId;
                    i.Due = form.Due;
                    i.SetStatus(form.Status, clock.GetUtcNow().UtcDateTime, user.DisplayName());
                },
                ok: () => item.Id,
                conflictPage: async () => await PageAsync(form, ct),
                ct);
            if (saved.IsOk && assigned is { } contactId)
            {
                var project = await db.Projects.Where(p => p.Id == item.ProjectId).Select(p => p.Name).SingleAsync(ct);
                await notifier.NotifyAsync($"checklist-assigned:{item.Id}:{item.Version}", NotificationKind.ChecklistAssigned, item.ProjectId, $"/projects/{item.ProjectId}/checklist/{item.Id}",
                    await notifier.ContactsAsync(item.ProjectId, [contactId], ct), user.UserId(),
                    l => new NoticeText(l["Notice.ChecklistAssigned.Subject", item.Title],
                        [l["Notice.ChecklistAssigned.Body", item.Title, project, user.DisplayName()], .. item.Due is { } due ? [l["Notice.ChecklistAssigned.Due", Display.Date(due)].Value] : Array.Empty<string>()],
                        l["Notice.ChecklistAssigned.Link"]), ct);
                await db.SaveChangesAsync(ct);
            }

            await transaction.CommitAsync(ct);
            return saved;
        }

        /// <summary>Removes the item with its discussion, unless someone changed it since the person saw it.</summary>
        public async Task<Result<int>> DeleteAsync(int projectId, int itemId, int version, ClaimsPrincipal user, CancellationToken ct)
        {
            if (await CheckAsync(projectId, itemId, user, ct) is { } denied)
            {
                return denied;
            }

            var item = await db.ChecklistItems.SingleAsync(x => x.Id == itemId, ct);
            db.Comments.RemoveRange(await db.Comments.Where(c => c.ChecklistItemId == itemId).ToListAsync(ct));
            db.ExpectVersion(item, version);
            db.ChecklistItems.Remove(item);
            return await db.TrySaveAsync(ct) ? itemId : Result.Conflict(null);
        }

        /// <summary>
        /// The standard items for the project's products, due from its planned start (today if none), in its customer's
        /// language; only on an empty checklist. The project's version guards a double click.
        /// </summary>
        public async Task<Result<int>> AddStandardAsync(int projectId, ClaimsPrincipal user, CancellationToken ct)
        {
            if (await CheckAsync(projectId, null, user, ct) is { } denied)
            {
                return denied;
            }

            if (await db.ChecklistItems.AnyAsync(i => i.ProjectId == projectId, ct))
            {
                return Result.Refused("Checklist.NotEmpty");
            }

            var project = await db.Projects.SingleAsync(p => p.Id == projectId, ct);
            var codes = await db.ProjectProducts.Where(pp => pp.ProjectId == projectId).Select(pp => pp.Product!.Code).ToListAsync(ct);
            var language = await db.ProjectCustomers.Where(pc => pc.ProjectId == projectId).OrderBy(pc => pc.Customer!.Name)
                .Select(pc => pc.Customer!.PreferredLanguage).FirstOrDefaultAsync(ct) ?? LocalizationSetup.DefaultCulture;
            List<ChecklistItem> items;
            using (new CultureScope(language))
            {
                items = MigrationChecklist.Standard(codes, project.PlannedStart ?? Display.TodayInOslo(clock), key => l[key].Value).ToList();
            }

            foreach (var item in items)
            {
                item.ProjectId = projectId;
                db.ChecklistItems.Add(item);
            }

            db.Entry(project).Property(p => p.Version).IsModified = true;
            return await db.TrySaveAsync(ct) ? items.Count : Result.Conflict(null);
        }

        /// <summary>Not found unless the project (and the item, when named) is the user's to see; forbidden without Edit.</summary>
        private Task<Failure?> CheckAsync(int projectId, int? itemId, ClaimsPrincipal user, CancellationToken ct) =>
            access.ProjectAsync(projectId, user, ProjectOperations.Edit, ct,
                partVisible: itemId is { } id ? _ => db.ChecklistItems.AnyAsync(i => i.Id == id && i.ProjectId == projectId, ct) : null);

        private async Task<Page> PageAsync(Form form, CancellationToken ct)
        {
            var projectName = await db.Projects.Where(p => p.Id == form.ProjectId).Select(p => p.Name).SingleAsync(ct);
            var contacts = await db.Contacts.AsNoTracking()
                .Where(c => db.ProjectCustomers.Any(pc => pc.ProjectId == form.ProjectId && pc.CustomerId == c.CustomerId))
                .OrderBy(c => c.Name).Select(c => new { c.Id, c.Name, Customer = c.Customer!.Name }).ToListAsync(ct);
            return new Page(form, projectName, contacts.Select(c => (c.Id, $"{c.Name} ({c.Customer})")).ToList());
        }
    }
}
