using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Authorization;
using MigrationPortal.Web.Infrastructure.Paging;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Customers;

public static class CustomerList
{
    public const int PageSize = 25;

    public sealed record Item(int Id, string Name, string OrgNumber, CustomerType Type, string? City, int Projects);

    public sealed record ViewModel([property: Display(Name = "Customers.Search")] string? Q, IReadOnlyList<Item> Items, PageInfo Paging, bool CanCreate);

    public sealed class Handler(PortalDb db, ResourceAccess access)
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

            var (items, paging) = await customers.OrderBy(c => c.Name).ThenBy(c => c.Id)
                .Select(c => new Item(c.Id, c.Name, c.OrgNumber, c.Type, c.City, c.Projects.Count))
                .PageAsync(page, PageSize, ct);
            var canCreate = await access.PolicyAsync(user, Policies.CustomerEditor) is null;
            return new ViewModel(q, items, paging, canCreate);
        }
    }
}

public static class CustomerDetails
{
    public sealed record ContactItem(int Id, string Name, string? Title, string Email, string? Phone, bool HasSigningAuthority, bool HasLogin);

    public sealed record ProjectItem(int Id, string Name, Phase Phase);

    public sealed record ViewModel(int Id, string Name, string OrgNumber, CustomerType Type, string? StreetAddress, string? PostalCode, string? City, string PreferredLanguage, IReadOnlyList<ContactItem> Contacts, IReadOnlyList<ProjectItem> Projects, bool CanEdit)
    {
        /// <summary>The systems the customer runs today, e.g. "WebSak 2022.3", "FOKUS".</summary>
        public IReadOnlyList<string> Installed { get; init; } = [];
    }

    public sealed class Handler(PortalDb db, ResourceAccess access)
    {
        public async Task<Result<ViewModel>> GetAsync(int id, ClaimsPrincipal user, CancellationToken ct)
        {
            var vm = await db.Customers.AsNoTracking().VisibleTo(user).Where(c => c.Id == id)
                .Select(c => new ViewModel(c.Id, c.Name, c.OrgNumber, c.Type, c.StreetAddress, c.PostalCode, c.City, c.PreferredLanguage,
                    c.Contacts.OrderBy(x => x.Name).Select(x => new ContactItem(x.Id, x.Name, x.Title, x.Email, x.Phone, x.HasSigningAuthority, x.UserId != null)).ToList(),
                    c.Projects.OrderBy(p => p.Project!.Name).Select(p => new ProjectItem(p.ProjectId, p.Project!.Name, p.Project.Phase)).ToList(),
                    false))
                .SingleOrDefaultAsync(ct);
            // The query is already limited to what the user may see; the handler still has the last word.
            if (vm is null || !await access.CanCustomerAsync(id, user, CustomerOperations.View))
            {
                return Result.NotFound;
            }

            var installed = await db.CustomerProducts.AsNoTracking().Where(i => i.CustomerId == id).OrderBy(i => i.Product!.Name)
                .Select(i => i.Version == null ? i.Product!.Name : i.Product!.Name + " " + i.Version).ToListAsync(ct);
            return vm with { CanEdit = await access.CanCustomerAsync(id, user, CustomerOperations.Edit), Installed = installed };
        }
    }
}

public static class SaveCustomer
{
    public sealed class Handler(PortalDb db, ResourceAccess access)
    {
        /// <summary>The form for a new customer.</summary>
        public async Task<Result<CustomerForm>> NewAsync(ClaimsPrincipal user, CancellationToken ct) =>
            await access.PolicyAsync(user, Policies.CustomerEditor) is { } denied ? denied : await WithOptionsAsync(new CustomerForm(), ct);

        /// <summary>The edit form of an existing customer.</summary>
        public async Task<Result<CustomerForm>> GetAsync(int id, ClaimsPrincipal user, CancellationToken ct) =>
            await access.CustomerAsync(id, user, CustomerOperations.Edit, ct) is { } denied ? denied
                : await WithOptionsAsync(await db.Customers.AsNoTracking().Where(c => c.Id == id)
                    .Select(c => new CustomerForm
                    {
                        Id = c.Id, Version = c.Version, Name = c.Name, OrgNumber = c.OrgNumber, Type = c.Type,
                        StreetAddress = c.StreetAddress, PostalCode = c.PostalCode, City = c.City, PreferredLanguage = c.PreferredLanguage,
                        InstalledProductIds = c.InstalledProducts.Select(i => i.ProductId).ToList(),
                        WebSakVersion = c.InstalledProducts.Where(i => i.Product!.Code == "websak").Select(i => i.Version).FirstOrDefault(),
                    })
                    .SingleAsync(ct), ct);

        /// <summary>Every product, retired ones too: a customer may still run the old FOKUS client.</summary>
        private async Task<CustomerForm> WithOptionsAsync(CustomerForm form, CancellationToken ct)
        {
            form.ProductOptions = (await db.Products.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(ct))
                .Select(p => (p.Id, p.Name)).ToList();
            return form;
        }

        /// <summary>Saves and returns the customer's id.</summary>
        public async Task<Result<int>> SaveAsync(CustomerForm form, bool valid, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(form);

            // Access first: an invalid form for someone else's customer is a 404, not a form.
            var denied = form.Id is { } existing
                ? await access.CustomerAsync(existing, user, CustomerOperations.Edit, ct)
                : await access.PolicyAsync(user, Policies.CustomerEditor);
            if (denied is not null)
            {
                return denied;
            }

            await WithOptionsAsync(form, ct);
            if (!valid)
            {
                return Result.Invalid(form);
            }

            var installed = form.InstalledProductIds.Distinct().ToList();
            if (installed.Any(i => form.ProductOptions.All(o => o.Id != i)))
            {
                return Result.Invalid(form, new FieldError(nameof(form.InstalledProductIds), "Validation.ProjectNeedsProduct"));
            }

            var websak = await db.Products.Where(p => p.Code == "websak").Select(p => (int?)p.Id).SingleOrDefaultAsync(ct);
            var orgNumber = OrgNumber.Normalize(form.OrgNumber);
            var customer = form.Id is { } id
                ? await db.Customers.Include(c => c.InstalledProducts).SingleAsync(c => c.Id == id, ct)
                : db.Customers.Add(new Customer { Name = form.Name, OrgNumber = orgNumber }).Entity;
            var duplicate = Result.Invalid(form, new FieldError(nameof(form.OrgNumber), "Validation.OrgNumber.Duplicate"));
            if (await db.Customers.AnyAsync(c => c.OrgNumber == orgNumber && c.Id != customer.Id, ct))
            {
                return duplicate;
            }

            try
            {
                return await db.SaveVersionedAsync(customer, form,
                    c =>
                    {
                        c.Name = form.Name.Trim();
                        c.OrgNumber = orgNumber;
                        c.Type = form.Type;
                        c.StreetAddress = Blank(form.StreetAddress);
                        c.PostalCode = Blank(form.PostalCode);
                        c.City = Blank(form.City);
                        c.PreferredLanguage = form.PreferredLanguage;
                        c.InstalledProducts.RemoveAll(i => !installed.Contains(i.ProductId));
                        c.InstalledProducts.AddRange(installed.Where(i => c.InstalledProducts.All(x => x.ProductId != i)).Select(i => new CustomerProduct { ProductId = i }));
                        foreach (var i in c.InstalledProducts)
                        {
                            i.Version = i.ProductId == websak ? Blank(form.WebSakVersion) : null;
                        }
                    },
                    ok: () => customer.Id,
                    conflictPage: () => Task.FromResult<object>(form),
                    ct);
            }
            catch (DbUpdateException)
            {
                // Two people registering the same organisation at once: the unique index decides.
                db.ChangeTracker.Clear();
                if (await db.Customers.AnyAsync(c => c.OrgNumber == orgNumber && c.Id != customer.Id, ct))
                {
                    return duplicate;
                }

                throw;
            }
        }

        /// <summary>The form for a new contact (no <paramref name="contactId"/>) or one of the customer's contacts.</summary>
        public async Task<Result<ContactPage>> GetContactAsync(int customerId, int? contactId, ClaimsPrincipal user, CancellationToken ct)
        {
            if (await access.CustomerAsync(customerId, user, CustomerOperations.Edit, ct) is { } denied)
            {
                return denied;
            }

            var form = contactId is null ? new ContactForm { CustomerId = customerId }
                : await db.Contacts.AsNoTracking().Where(c => c.Id == contactId && c.CustomerId == customerId)
                    .Select(c => new ContactForm
                    {
                        CustomerId = c.CustomerId, Id = c.Id, Version = c.Version, Name = c.Name, Title = c.Title, Email = c.Email, Phone = c.Phone,
                        HasSigningAuthority = c.HasSigningAuthority,
                    })
                    .SingleOrDefaultAsync(ct);
            return form is null ? Result.NotFound : await ContactPageAsync(form, ct);
        }

        /// <summary>Saves a contact and returns the customer's id.</summary>
        public async Task<Result<int>> SaveContactAsync(ContactForm form, bool valid, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(form);
            if (await access.CustomerAsync(form.CustomerId, user, CustomerOperations.Edit, ct) is { } denied)
            {
                return denied;
            }

            var contact = form.Id is { } id
                ? await db.Contacts.SingleOrDefaultAsync(c => c.Id == id && c.CustomerId == form.CustomerId, ct)
                : db.Contacts.Add(new Contact { CustomerId = form.CustomerId, Name = form.Name, Email = form.Email }).Entity;
            if (contact is null)
            {
                return Result.NotFound;
            }

            if (!valid)
            {
                db.ChangeTracker.Clear();
                return Result.Invalid(await ContactPageAsync(form, ct));
            }

            return await db.SaveVersionedAsync(contact, form,
                c =>
                {
                    c.Name = form.Name.Trim();
                    c.Title = Blank(form.Title);
                    c.Email = form.Email.Trim();
                    c.Phone = Blank(form.Phone);
                    c.HasSigningAuthority = form.HasSigningAuthority;
                },
                ok: () => form.CustomerId,
                conflictPage: async () => await ContactPageAsync(form, ct),
                ct);
        }

        private async Task<ContactPage> ContactPageAsync(ContactForm form, CancellationToken ct) =>
            new(await db.Customers.Where(c => c.Id == form.CustomerId).Select(c => c.Name).SingleAsync(ct), form);

        private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
    }
}

public sealed record ContactPage(string CustomerName, ContactForm Form) : IFormPage
{
    object IFormPage.Form => Form;
}
