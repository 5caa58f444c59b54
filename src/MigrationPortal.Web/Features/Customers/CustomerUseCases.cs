using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Authorization;

namespace MigrationPortal.Web.Features.Customers;

public static class CustomerList
{
    public const int PageSize = 25;

    public sealed record Item(int Id, string Name, string OrgNumber, CustomerType Type, string? City, int Projects);

    public sealed record ViewModel(string? Q, IReadOnlyList<Item> Items, int Total, int Page, int PageCount, bool CanCreate);

    public sealed class Handler(PortalDb db, IAuthorizationService authz)
    {
        public async Task<ViewModel> GetAsync(string? q, int page, ClaimsPrincipal user, CancellationToken ct)
        {
            var customers = db.Customers.AsNoTracking().VisibleTo(user);
            if (!string.IsNullOrWhiteSpace(q))
            {
                var term = SearchFold.Fold(q);
                var digits = OrgNumber.Normalize(q);
                customers = customers.Where(c => c.SearchText.Contains(term) || (digits.Length > 0 && c.OrgNumber.Contains(digits)));
            }

            var total = await customers.CountAsync(ct);
            var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
            page = Math.Clamp(page, 1, pageCount);
            var items = await customers.OrderBy(c => c.Name).ThenBy(c => c.Id).Skip((page - 1) * PageSize).Take(PageSize)
                .Select(c => new Item(c.Id, c.Name, c.OrgNumber, c.Type, c.City, c.Projects.Count))
                .ToListAsync(ct);
            var canCreate = (await authz.AuthorizeAsync(user, Policies.CustomerEditor)).Succeeded;
            return new ViewModel(q, items, total, page, pageCount, canCreate);
        }
    }
}

public static class CustomerDetails
{
    public sealed record ContactItem(int Id, string Name, string? Title, string Email, string? Phone, bool HasSigningAuthority, bool HasLogin);

    public sealed record ProjectItem(int Id, string Name, Phase Phase);

    public sealed record ViewModel(int Id, string Name, string OrgNumber, CustomerType Type, string? StreetAddress, string? PostalCode, string? City, string PreferredLanguage, IReadOnlyList<ContactItem> Contacts, IReadOnlyList<ProjectItem> Projects, bool CanEdit);

    public sealed class Handler(PortalDb db, IAuthorizationService authz)
    {
        public async Task<ViewModel?> GetAsync(int id, ClaimsPrincipal user, CancellationToken ct)
        {
            var vm = await db.Customers.AsNoTracking().VisibleTo(user).Where(c => c.Id == id)
                .Select(c => new ViewModel(c.Id, c.Name, c.OrgNumber, c.Type, c.StreetAddress, c.PostalCode, c.City, c.PreferredLanguage,
                    c.Contacts.OrderBy(x => x.Name).Select(x => new ContactItem(x.Id, x.Name, x.Title, x.Email, x.Phone, x.HasSigningAuthority, x.UserId != null)).ToList(),
                    c.Projects.OrderBy(p => p.Project!.Name).Select(p => new ProjectItem(p.ProjectId, p.Project!.Name, p.Project.Phase)).ToList(),
                    false))
                .SingleOrDefaultAsync(ct);
            if (vm is null || !(await authz.AuthorizeAsync(user, new CustomerResource(id), CustomerOperations.View)).Succeeded)
            {
                return null;
            }

            return vm with { CanEdit = (await authz.AuthorizeAsync(user, new CustomerResource(id), CustomerOperations.Edit)).Succeeded };
        }
    }
}

public static class SaveCustomer
{
    public enum Outcome
    {
        Saved,
        NotFound,
        Forbidden,
        DuplicateOrgNumber,
        Conflict,
    }

    public sealed class Handler(PortalDb db, IAuthorizationService authz)
    {
        /// <summary>The edit form for an existing customer: null when it is not the user's to see.</summary>
        public async Task<(Outcome, CustomerForm?)> GetAsync(int id, ClaimsPrincipal user, CancellationToken ct)
        {
            var form = await db.Customers.AsNoTracking().VisibleTo(user).Where(c => c.Id == id)
                .Select(c => new CustomerForm
                {
                    Id = c.Id, Version = c.Version, Name = c.Name, OrgNumber = c.OrgNumber, Type = c.Type,
                    StreetAddress = c.StreetAddress, PostalCode = c.PostalCode, City = c.City, PreferredLanguage = c.PreferredLanguage,
                })
                .SingleOrDefaultAsync(ct);
            if (form is null)
            {
                return (Outcome.NotFound, null);
            }

            return (await authz.AuthorizeAsync(user, new CustomerResource(id), CustomerOperations.Edit)).Succeeded
                ? (Outcome.Saved, form)
                : (Outcome.Forbidden, null);
        }

        public async Task<(Outcome Outcome, int Id)> SaveAsync(CustomerForm form, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(form);
            var orgNumber = OrgNumber.Normalize(form.OrgNumber);
            Customer customer;
            if (form.Id is { } id)
            {
                var (access, _) = await GetAsync(id, user, ct);
                if (access != Outcome.Saved)
                {
                    return (access, id);
                }

                customer = await db.Customers.SingleAsync(c => c.Id == id, ct);
                if (customer.Version != form.Version)
                {
                    return (Outcome.Conflict, id);
                }

                db.Entry(customer).Property(c => c.Version).OriginalValue = form.Version;
            }
            else
            {
                if (!(await authz.AuthorizeAsync(user, Policies.CustomerEditor)).Succeeded)
                {
                    return (Outcome.Forbidden, 0);
                }

                customer = new Customer { Name = form.Name, OrgNumber = orgNumber };
                db.Customers.Add(customer);
            }

            if (await db.Customers.AnyAsync(c => c.OrgNumber == orgNumber && c.Id != customer.Id, ct))
            {
                return (Outcome.DuplicateOrgNumber, customer.Id);
            }

            customer.Name = form.Name.Trim();
            customer.OrgNumber = orgNumber;
            customer.Type = form.Type;
            customer.StreetAddress = Blank(form.StreetAddress);
            customer.PostalCode = Blank(form.PostalCode);
            customer.City = Blank(form.City);
            customer.PreferredLanguage = form.PreferredLanguage;
            try
            {
                await db.SaveChangesAsync(ct);
                return (Outcome.Saved, customer.Id);
            }
            catch (DbUpdateConcurrencyException)
            {
                return (Outcome.Conflict, customer.Id);
            }
            catch (DbUpdateException)
            {
                // Two people registering the same organisation at once: the unique index decides.
                db.ChangeTracker.Clear();
                if (await db.Customers.AnyAsync(c => c.OrgNumber == orgNumber && c.Id != customer.Id, ct))
                {
                    return (Outcome.DuplicateOrgNumber, customer.Id);
                }

                throw;
            }
        }

        /// <summary>The edit form of one contact of the customer; null when the contact is not this customer's.</summary>
        public Task<ContactForm?> GetContactAsync(int customerId, int contactId, CancellationToken ct) =>
            db.Contacts.AsNoTracking().Where(c => c.Id == contactId && c.CustomerId == customerId)
                .Select(c => new ContactForm
                {
                    CustomerId = c.CustomerId, Id = c.Id, Version = c.Version, Name = c.Name, Title = c.Title, Email = c.Email, Phone = c.Phone,
                    HasSigningAuthority = c.HasSigningAuthority,
                })
                .SingleOrDefaultAsync(ct);

        public async Task<Outcome> SaveContactAsync(ContactForm form, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(form);
            var (access, _) = await GetAsync(form.CustomerId, user, ct);
            if (access != Outcome.Saved)
            {
                return access;
            }

            Contact contact;
            if (form.Id is { } id)
            {
                if (await db.Contacts.SingleOrDefaultAsync(c => c.Id == id && c.CustomerId == form.CustomerId, ct) is not { } existing)
                {
                    return Outcome.NotFound;
                }

                if (existing.Version != form.Version)
                {
                    form.Version = existing.Version;
                    return Outcome.Conflict;
                }

                contact = existing;
                db.Entry(contact).Property(c => c.Version).OriginalValue = form.Version;
            }
            else
            {
                contact = new Contact { CustomerId = form.CustomerId, Name = form.Name, Email = form.Email };
                db.Contacts.Add(contact);
            }

            contact.Name = form.Name.Trim();
            contact.Title = Blank(form.Title);
            contact.Email = form.Email.Trim();
            contact.Phone = Blank(form.Phone);
            contact.HasSigningAuthority = form.HasSigningAuthority;
            try
            {
                await db.SaveChangesAsync(ct);
                return Outcome.Saved;
            }
            catch (DbUpdateConcurrencyException)
            {
                return Outcome.Conflict;
            }
        }

        private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
    }
}
