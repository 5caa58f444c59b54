using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Localization;

namespace MigrationPortal.Web.Features.Admin;

/// <summary>The step templates of a product: what a new project with that product gets, dated from its start.</summary>
public static class Templates
{
    public sealed record Item(int Id, string Key, Phase Phase, string Title, ResponsibleParty Responsible, bool CustomerVisible, int OffsetDays, int DurationDays, int SortOrder);

    public sealed record ListPage(int ProductId, string ProductName, IReadOnlyList<Item> Items);

    public sealed class TemplateForm : IValidatableObject
    {
        public int ProductId { get; set; }
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

    public sealed record FormPage(string ProductName, TemplateForm Form);

    public enum Outcome
    {
        Saved,
        NotFound,
        DuplicateKey,
        Conflict,
    }

    public sealed class Handler(PortalDb db)
    {
        public async Task<ListPage?> ListAsync(int productId, CancellationToken ct)
        {
            var name = await db.Products.Where(p => p.Id == productId).Select(p => p.Name).SingleOrDefaultAsync(ct);
            if (name is null)
            {
                return null;
            }

            var items = await db.StepTemplates.AsNoTracking().Where(t => t.ProductId == productId)
                .Select(t => new Item(t.Id, t.Key, t.Phase, t.Title, t.Responsible, t.CustomerVisible, t.OffsetDays, t.DurationDays, t.SortOrder))
                .ToListAsync(ct);
            return new ListPage(productId, name, items.OrderBy(i => i.Phase).ThenBy(i => i.SortOrder).ThenBy(i => i.OffsetDays).ToList());
        }

        public async Task<FormPage?> GetAsync(int productId, int? id, CancellationToken ct)
        {
            var name = await db.Products.Where(p => p.Id == productId).Select(p => p.Name).SingleOrDefaultAsync(ct);
            if (name is null)
            {
                return null;
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
            return form is null ? null : new FormPage(name, form);
        }

        public async Task<Outcome> SaveAsync(TemplateForm form, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(form);
            if (!await db.Products.AnyAsync(p => p.Id == form.ProductId, ct))
            {
                return Outcome.NotFound;
            }

            StepTemplate template;
            if (form.Id is { } id)
            {
                if (await db.StepTemplates.SingleOrDefaultAsync(t => t.Id == id && t.ProductId == form.ProductId, ct) is not { } existing)
                {
                    return Outcome.NotFound;
                }

                if (existing.Version != form.Version)
                {
                    form.Version = existing.Version;
                    return Outcome.Conflict;
                }

                template = existing;
                db.Entry(template).Property(t => t.Version).OriginalValue = form.Version;
            }
            else
            {
                template = new StepTemplate { ProductId = form.ProductId, Key = form.Key, Title = form.Title };
                db.StepTemplates.Add(template);
            }

            if (await db.StepTemplates.AnyAsync(t => t.ProductId == form.ProductId && t.Key == form.Key && t.Id != template.Id, ct))
            {
                return Outcome.DuplicateKey;
            }

            template.Key = form.Key;
            template.Phase = form.Phase;
            template.Title = form.Title.Trim();
            template.Description = string.IsNullOrWhiteSpace(form.Description) ? null : form.Description.Trim();
            template.Responsible = form.Responsible;
            template.CustomerVisible = form.CustomerVisible;
            template.OffsetDays = form.OffsetDays;
            template.DurationDays = form.DurationDays;
            template.SortOrder = form.SortOrder;
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

        /// <summary>Removes a template; steps already made from it stay in their projects.</summary>
        public async Task<bool> DeleteAsync(int productId, int id, CancellationToken ct)
        {
            if (await db.StepTemplates.SingleOrDefaultAsync(t => t.Id == id && t.ProductId == productId, ct) is not { } template)
            {
                return false;
            }

            db.StepTemplates.Remove(template);
            await db.SaveChangesAsync(ct);
            return true;
        }
    }
}
