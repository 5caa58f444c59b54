using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure;
using MigrationPortal.Web.Infrastructure.Localization;
using MigrationPortal.Web.Infrastructure.Paging;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Admin;

public static class Users
{
    public const int PageSize = 50;

    public sealed record ListPage([property: Display(Name = "Users.Search")] string? Q, IReadOnlyList<Item> Items, PageInfo Paging);

    public sealed record Item(string Id, string Name, string Email, IReadOnlyList<string> Roles, string? Customer, bool IsActive, bool IsLockedOut);

    public sealed class UserForm : IValidatableObject
    {
        [FromRoute(Name = "id")]
        public string? Id { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "User.Name")]
        public string DisplayName { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [EmailAddress(ErrorMessage = "Validation.Email")]
        [Display(Name = "User.Email")]
        public string Email { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "User.Role")]
        public string Role { get; set; } = Roles.ProjectLead;

        /// <summary>For a customer user: the contact person the login belongs to.</summary>
        [Display(Name = "User.Contact")]
        public int? ContactId { get; set; }

        [Display(Name = "User.IsActive")]
        public bool IsActive { get; set; } = true;

        /// <summary>Identity's concurrency token, as loaded: two admins editing one user conflict instead of overwriting.</summary>
        public string? ConcurrencyStamp { get; set; }

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            var l = validationContext.Localizer();
            if (!Roles.All.Contains(Role))
            {
                yield return new ValidationResult(l["Validation.ValueInvalidNoValue", l["User.Role"]], [nameof(Role)]);
            }
            else if (Role == Roles.Customer && ContactId is null)
            {
                yield return new ValidationResult(l["Validation.CustomerNeedsContact"], [nameof(ContactId)]);
            }
        }
    }

    public sealed record FormPage(UserForm Form, IReadOnlyList<(int Id, string Label)> Contacts) : IFormPage
    {
        object IFormPage.Form => Form;
    }

    /// <summary>A saved user: whether the invitation went out, and to whom.</summary>
    public sealed record Saved(string Email, bool Created);

    public sealed class Handler(PortalDb db, UserManager<PortalUser> users, PasswordLinkSender sender, TimeProvider clock, Infrastructure.Security.SecurityLog securityLog)
    {
        /// <summary>The users matching a search (name or e-mail), by name, a page at a time, with roles and customer in the same query.</summary>
        public async Task<ListPage> ListAsync(string? q, int page, CancellationToken ct)
        {
            var found = db.Users.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(q))
            {
                var term = SearchFold.Fold(q);
                found = found.Where(u => u.SearchText.Contains(term));
            }

            var now = clock.GetUtcNow();
            var (rows, paging) = await found.OrderBy(u => u.DisplayName).ThenBy(u => u.Id)
                .Select(u => new
                {
                    u.Id, u.DisplayName, u.Email, u.IsActive, u.LockoutEnd,
                    Customer = db.Customers.Where(c => c.Id == u.CustomerId).Select(c => c.Name).FirstOrDefault(),
                })
                .PageAsync(page, PageSize, ct);

            // The page's roles by the page's user ids: joined into the page query, the roles of every user were read.
            var ids = rows.Select(u => u.Id).ToList();
            var roles = (await db.UserRoles.Where(ur => ids.Contains(ur.UserId)).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
                .ToListAsync(ct)).ToLookup(x => x.UserId, x => x.Name!);
            return new ListPage(q, rows.Select(u => new Item(u.Id, u.DisplayName, u.Email ?? string.Empty, roles[u.Id].Order(StringComparer.Ordinal).ToList(), u.Customer, u.IsActive, u.LockoutEnd > now)).ToList(), paging);
        }

        public async Task<Result<FormPage>> GetAsync(string? id, CancellationToken ct)
        {
            var form = new UserForm();
            if (id is not null)
            {
                var user = await users.FindByIdAsync(id);
                if (user is null)
                {
                    return Result.NotFound;
                }

                form = new UserForm
                {
                    Id = user.Id, DisplayName = user.DisplayName, Email = user.Email ?? string.Empty, IsActive = user.IsActive, ConcurrencyStamp = user.ConcurrencyStamp,
                    Role = (await users.GetRolesAsync(user)).FirstOrDefault() ?? Roles.ProjectLead,
                    ContactId = await db.Contacts.Where(c => c.UserId == user.Id).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct),
                };
            }

            return await PageAsync(form, ct);
        }

        public async Task<FormPage> PageAsync(UserForm form, CancellationToken ct)
        {
            var contacts = await db.Contacts.AsNoTracking().Where(c => c.UserId == null || c.UserId == form.Id)
                .OrderBy(c => c.Customer!.Name).ThenBy(c => c.Name)
                .Select(c => new { c.Id, c.Name, Customer = c.Customer!.Name, c.Email }).ToListAsync(ct);
            return new FormPage(form, contacts.Select(c => (c.Id, $"{c.Customer}: {c.Name} ({c.Email})")).ToList());
        }

        /// <summary>Creates (and invites) or updates a user, with their role and contact link.</summary>
        public async Task<Result<Saved>> SaveAsync(UserForm form, bool valid, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(form);
            if (!valid)
            {
                return Result.Invalid(await PageAsync(form, ct));
            }

            if (form.ContactId is { } contactId && !await db.Contacts.AnyAsync(c => c.Id == contactId, ct))
            {
                return Result.Invalid(await PageAsync(form, ct), new FieldError(nameof(form.ContactId), "Validation.ValueInvalidNoValue", new Label("User.Contact")));
            }

            Contact? contact = null;
            if (form.Role == Roles.Customer)
            {
                contact = await db.Contacts.SingleOrDefaultAsync(c => c.Id == form.ContactId && (c.UserId == null || c.UserId == form.Id), ct);
                if (contact is null)
                {
                    return Result.Invalid(await PageAsync(form, ct), new FieldError(nameof(form.ContactId), "Validation.CustomerNeedsContact"));
                }
            }

            // User, role and contact link change together or not at all.
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var created = form.Id is null;
            var user = created ? new PortalUser { DisplayName = form.DisplayName } : await users.FindByIdAsync(form.Id!);
            if (user is null)
            {
                return Result.NotFound;
            }

            if (!created)
            {
                if (user.ConcurrencyStamp != form.ConcurrencyStamp)
                {
                    return Result.Invalid(await PageAsync(form, ct), new FieldError(string.Empty, "Common.Conflict"));
                }

                db.ExpectToken(user, nameof(user.ConcurrencyStamp), form.ConcurrencyStamp);
            }

            var (wasActive, oldCustomer) = (user.IsActive, user.CustomerId);
            user.DisplayName = form.DisplayName.Trim();
            user.Email = form.Email.Trim();
            user.UserName = user.Email;
            user.EmailConfirmed = true;
            user.IsActive = form.IsActive;
            user.CustomerId = contact?.CustomerId;
            var result = created ? await users.CreateAsync(user) : await users.UpdateAsync(user);
            if (!result.Succeeded)
            {
                // Identity's messages are already in the user's language (LocalizedIdentityErrors): shown as they are.
                return Result.Invalid(await PageAsync(form, ct), result.Errors.Select(e => new FieldError(nameof(form.Email), e.Description)));
            }

            var current = await users.GetRolesAsync(user);
            var events = new List<(SecurityEventKind Kind, string? Detail)>();
            if (!current.SequenceEqual([form.Role]))
            {
                await users.RemoveFromRolesAsync(user, current);
                await users.AddToRoleAsync(user, form.Role);
                events.Add((SecurityEventKind.RoleChanged, $"{(current.Count == 0 ? "–" : string.Join(", ", current))} → {form.Role}"));
            }

            if (created)
            {
                events.Insert(0, (SecurityEventKind.UserCreated, form.Role));
            }
            else if (wasActive != user.IsActive)
            {
                events.Add((user.IsActive ? SecurityEventKind.UserActivated : SecurityEventKind.UserDeactivated, null));
            }

            if (!created && oldCustomer != user.CustomerId)
            {
                var names = await db.Customers.Where(c => c.Id == oldCustomer || c.Id == user.CustomerId).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
                string Name(int? id) => id is { } i && names.TryGetValue(i, out var n) ? n : "–";
                events.Add((SecurityEventKind.OrganisationChanged, $"{Name(oldCustomer)} → {Name(user.CustomerId)}"));
            }

            foreach (var old in await db.Contacts.Where(c => c.UserId == user.Id && (contact == null || c.Id != contact.Id)).ToListAsync(ct))
            {
                old.UserId = null;
            }

            if (contact is not null)
            {
                contact.UserId = user.Id;
            }

            await db.SaveChangesAsync(ct);

            // Role or organisation changed: sign the user out everywhere so the new rights apply at once.
            await users.UpdateSecurityStampAsync(user);

            // The invitation is made after the new stamp (which would void its token) and committed with the user.
            if (created)
            {
                await sender.SendAsync(user, invitation: true, ct);
            }

            await tx.CommitAsync(ct);
            foreach (var (kind, detail) in events)
            {
                await securityLog.RecordAsync(kind, user.Id, user.Email, detail, ct);
            }

            return new Saved(user.Email ?? string.Empty, created);
        }
    }
}
