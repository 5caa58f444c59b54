using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;

namespace MigrationPortal.Web.Features.Admin;

/// <summary>The systems that can be moved to the cloud. WebSak and the forms tool are seeded; admins add more.</summary>
public static class Products
{
    public sealed record Item(int Id, string Code, string Name, string? Description, bool IsActive, int Projects, int Templates);

    public sealed class ProductForm
    {
        public int? Id { get; set; }
        public int Version { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [RegularExpression("^[a-z0-9-]{2,40}$", ErrorMessage = "Validation.ProductCode")]
        [Display(Name = "Product.Code")]
        public string Code { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(100, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Product.Name")]
        public string Name { get; set; } = string.Empty;

        [StringLength(1000, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Product.Description")]
        public string? Description { get; set; }

        [Display(Name = "Product.IsActive")]
        public bool IsActive { get; set; } = true;
    }

    public enum Outcome
    {
        Saved,
        NotFound,
        DuplicateCode,
        Conflict,
    }

    public sealed class Handler(PortalDb db)
    {
        public async Task<IReadOnlyList<Item>> ListAsync(CancellationToken ct) =>
            await db.Products.AsNoTracking().OrderBy(p => p.Name)
                .Select(p => new Item(p.Id, p.Code, p.Name, p.Description, p.IsActive,
                    db.ProjectProducts.Count(pp => pp.ProductId == p.Id), db.StepTemplates.Count(t => t.ProductId == p.Id)))
                .ToListAsync(ct);

        public Task<ProductForm?> GetAsync(int id, CancellationToken ct) =>
            db.Products.AsNoTracking().Where(p => p.Id == id)
                .Select(p => new ProductForm { Id = p.Id, Version = p.Version, Code = p.Code, Name = p.Name, Description = p.Description, IsActive = p.IsActive })
                .SingleOrDefaultAsync(ct);

        public async Task<Outcome> SaveAsync(ProductForm form, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(form);
            Product product;
            if (form.Id is { } id)
            {
                if (await db.Products.SingleOrDefaultAsync(p => p.Id == id, ct) is not { } existing)
                {
                    return Outcome.NotFound;
                }

                if (existing.Version != form.Version)
                {
                    form.Version = existing.Version;
                    return Outcome.Conflict;
                }

                product = existing;
                db.Entry(product).Property(p => p.Version).OriginalValue = form.Version;
            }
            else
            {
                product = new Product { Code = form.Code, Name = form.Name };
                db.Products.Add(product);
            }

            if (await db.Products.AnyAsync(p => p.Code == form.Code && p.Id != product.Id, ct))
            {
                return Outcome.DuplicateCode;
            }

            product.Code = form.Code;
            product.Name = form.Name.Trim();
            product.Description = string.IsNullOrWhiteSpace(form.Description) ? null : form.Description.Trim();
            product.IsActive = form.IsActive;
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
    }
}
