using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Localization;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Admin;

/// <summary>The step templates of a product: what a new project with that product gets, dated from its start.</summary>
public static class Templates
{
    public sealed record Item(int Id, string Key, Phase Phase, string Title, ResponsibleParty Responsible, bool CustomerVisible, int OffsetDays, int DurationDays, int SortOrder);

    public sealed record ListPage(int ProductId, string ProductName, IReadOnlyList<Item> Items);

    public sealed class TemplateForm : IValidatableObject, IVersionedForm
    {
        [FromRoute(Name = "productId")]
        public int ProductId { get; set; }

        [FromRoute(Name = "id")]
        public int? Id { get; set; }

        public int Version { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [RegularExpression("^[a-z0-9.-]{2,100}$", ErrorMessage = "Validation.TemplateKey")]
        [Display(Name = "Template.Key")]
        public string Key { get; set; } = string.Empty;

        [Display(Name = "Template.Phase")]
        public Phase Phase { get; set; } = Phase.Setup;

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Template.Title")]
        public string Title { get; set; } = string.Empty;

        [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Template.Description")]
        [DataType(DataType.MultilineText)]
        public string? Description { get; set; }

        [Display(Name = "Template.Responsible")]
        public ResponsibleParty Responsible { get; set; } = ResponsibleParty.Vendor;

        [Display(Name = "Template.CustomerVisible")]
        public bool CustomerVisible { get; set; } = true;

        [Range(0, 3650, ErrorMessage = "Validation.Range")]
        [Display(Name = "Template.OffsetDays")]
        public int OffsetDays { get; set; }

        [Range(0, 730, ErrorMessage = "Validation.Range")]
        [Display(Name = "Template.DurationDays")]
        public int DurationDays { get; set; } = 7;

        [Range(0, 10000, ErrorMessage = "Validation.Range")]
        [Display(Name = "Template.SortOrder")]
        public int SortOrder { get; set; } = 10;

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            var l = validationContext.Localizer();
            if (!Enum.IsDefined(Phase) || !Enum.IsDefined(Responsible))
            {
                yield return new ValidationResult(l["Validation.ValueInvalidNoValue", l["Template.Phase"]], [nameof(Phase)]);
            }
        }
    }

    public sealed record FormPage(string ProductName, TemplateForm Form) : IFormPage
    {
        object IFormPage.Form => Form;
    }

    public sealed class Handler(PortalDb db)
    {
        public async Task<Result<ListPage>> ListAsync(int productId, CancellationToken ct)
        {
            var name = await db.Products.Where(p => p.Id == productId).Select(p => p.Name).SingleOrDefaultAsync(ct);
            if (name is null)
            {
                return Result.NotFound;
            }

            var items = await db.StepTemplates.AsNoTracking().Where(t => t.ProductId == productId)
                .Select(t => new Item(t.Id, t.Key, t.Phase, t.Title, t.Responsible, t.CustomerVisible, t.OffsetDays, t.DurationDays, t.SortOrder))
                .ToListAsync(ct);
            return new ListPage(productId, name, items.OrderBy(i => i.Phase).ThenBy(i => i.SortOrder).ThenBy(i => i.OffsetDays).ToList());
        }

        public async Task<Result<FormPage>> GetAsync(int productId, int? id, CancellationToken ct)
        {
            var name = await db.Products.Where(p => p.Id == productId).Select(p => p.Name).SingleOrDefaultAsync(ct);
            if (name is null)
            {
                return Result.NotFound;
            }

            if (id is null)
            {
                return new FormPage(name, new TemplateForm { ProductId = productId });
            }

            var form = await db.StepTemplates.AsNoTracking().Where(t => t.Id == id && t.ProductId == productId)
                .Select(t => new TemplateForm
                {
                    ProductId = t.ProductId, Id = t.Id, Version = t.Version, Key = t.Key, Phase = t.Phase, Title = t.Title, Description = t.Description,
                    Responsible = t.Responsible, CustomerVisible = t.CustomerVisible, OffsetDays = t.OffsetDays, DurationDays = t.DurationDays, SortOrder = t.SortOrder,
                })
                .SingleOrDefaultAsync(ct);
            return form is null ? Result.NotFound : new FormPage(name, form);
        }

        /// <summary>Saves and returns the product's id.</summary>
        public async Task<Result<int>> SaveAsync(TemplateForm form, bool valid, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(form);
            var name = await db.Products.Where(p => p.Id == form.ProductId).Select(p => p.Name).SingleOrDefaultAsync(ct);
            var template = name is null ? null
                : form.Id is { } id ? await db.StepTemplates.SingleOrDefaultAsync(t => t.Id == id && t.ProductId == form.ProductId, ct)
                : db.StepTemplates.Add(new StepTemplate { ProductId = form.ProductId, Key = form.Key, Title = form.Title }).Entity;
            if (template is null)
            {
                return Result.NotFound;
            }

            var page = new FormPage(name!, form);
            if (!valid)
            {
                return Result.Invalid(page);
            }

            if (await db.StepTemplates.AnyAsync(t => t.ProductId == form.ProductId && t.Key == form.Key && t.Id != template.Id, ct))
            {
                return Result.Invalid(page, new FieldError(nameof(form.Key), "Validation.TemplateKeyTaken"));
            }

            return await db.SaveVersionedAsync(template, form,
                t =>
                {
                    t.Key = form.Key;
                    t.Phase = form.Phase;
                    t.Title = form.Title.Trim();
                    t.Description = string.IsNullOrWhiteSpace(form.Description) ? null : form.Description.Trim();
                    t.Responsible = form.Responsible;
                    t.CustomerVisible = form.CustomerVisible;
                    t.OffsetDays = form.OffsetDays;
                    t.DurationDays = form.DurationDays;
                    t.SortOrder = form.SortOrder;
                },
                ok: () => form.ProductId,
                conflictPage: () => Task.FromResult<object>(page),
                ct);
        }

        /// <summary>Removes a template; steps already made from it stay in their projects.</summary>
        public async Task<Result<int>> DeleteAsync(int productId, int id, CancellationToken ct)
        {
            if (await db.StepTemplates.SingleOrDefaultAsync(t => t.Id == id && t.ProductId == productId, ct) is not { } template)
            {
                return Result.NotFound;
            }

            db.StepTemplates.Remove(template);
            await db.SaveChangesAsync(ct);
            return productId;
        }
    }
}
