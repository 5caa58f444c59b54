using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Admin;

/// <summary>The systems that can be moved to the cloud. WebSak and the forms tool are seeded; admins add more.</summary>
public static class Products
{
    public sealed record Item(int Id, string Code, string Name, string? Description, bool IsActive, int Projects, int Templates);

    public sealed class ProductForm : IVersionedForm
    {
        [FromRoute(Name = "id")]
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

    public sealed class Handler(PortalDb db)
    {
        public async Task<IReadOnlyList<Item>> ListAsync(CancellationToken ct) =>
            await db.Products.AsNoTracking().OrderBy(p => p.Name)
                .Select(p => new Item(p.Id, p.Code, p.Name, p.Description, p.IsActive,
                    db.ProjectProducts.Count(pp => pp.ProductId == p.Id), db.StepTemplates.Count(t => t.ProductId == p.Id)))
                .ToListAsync(ct);

        public async Task<Result<ProductForm>> GetAsync(int id, CancellationToken ct) =>
            await db.Products.AsNoTracking().Where(p => p.Id == id)
                .Select(p => new ProductForm { Id = p.Id, Version = p.Version, Code = p.Code, Name = p.Name, Description = p.Description, IsActive = p.IsActive })
                .SingleOrDefaultAsync(ct) is { } form ? form : Result.NotFound;

        /// <summary>Saves and returns the product's id.</summary>
        public async Task<Result<int>> SaveAsync(ProductForm form, bool valid, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(form);
            var product = form.Id is { } id
                ? await db.Products.SingleOrDefaultAsync(p => p.Id == id, ct)
                : db.Products.Add(new Product { Code = form.Code, Name = form.Name }).Entity;
            if (product is null)
            {
                return Result.NotFound;
            }

            if (!valid)
            {
                return Result.Invalid(form);
            }

            if (await db.Products.AnyAsync(p => p.Code == form.Code && p.Id != product.Id, ct))
            {
                return Result.Invalid(form, new FieldError(nameof(form.Code), "Validation.ProductCodeTaken"));
            }

            return await db.SaveVersionedAsync(product, form,
                p =>
                {
                    p.Code = form.Code;
                    p.Name = form.Name.Trim();
                    p.Description = string.IsNullOrWhiteSpace(form.Description) ? null : form.Description.Trim();
                    p.IsActive = form.IsActive;
                },
                ok: () => product.Id,
                conflictPage: () => Task.FromResult<object>(form),
                ct);
        }
    }
}
