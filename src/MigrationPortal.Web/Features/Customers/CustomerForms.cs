using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Localization;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Customers;

public sealed class CustomerForm : IValidatableObject, IVersionedForm
{
    [FromRoute(Name = "id")]
    public int? Id { get; set; }
    public int Version { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Customer.Name")]
    public string Name { get; set; } = string.Empty;

    [Display(Name = "Customer.OrgNumber")]
    [ValidOrgNumber]
    public string OrgNumber { get; set; } = string.Empty;

    [Display(Name = "Customer.Type")]
    public CustomerType Type { get; set; } = CustomerType.Municipality;

    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Customer.StreetAddress")]
    public string? StreetAddress { get; set; }

    [RegularExpression("^[0-9]{4}$", ErrorMessage = "Validation.PostalCode")]
    [Display(Name = "Customer.PostalCode")]
    public string? PostalCode { get; set; }

    [StringLength(100, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Customer.City")]
    public string? City { get; set; }

    [Display(Name = "Customer.PreferredLanguage")]
    public string PreferredLanguage { get; set; } = "nb-NO";

    /// <summary>The systems the customer runs today (the installed base), which decide the go-live steps.</summary>
    [Display(Name = "Customer.InstalledProducts")]
    public List<int> InstalledProductIds { get; set; } = [];

    [StringLength(50, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Customer.WebSakVersion")]
    public string? WebSakVersion { get; set; }

    /// <summary>The products to choose from; filled by the handler, never bound.</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public IReadOnlyList<(int Id, string Name)> ProductOptions { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var l = validationContext.Localizer();
        if (!Enum.IsDefined(Type))
        {
            yield return new ValidationResult(l["Validation.ValueInvalidNoValue", l["Customer.Type"]], [nameof(Type)]);
        }

        if (!LocalizationSetup.Cultures.Contains(PreferredLanguage))
        {
            yield return new ValidationResult(l["Validation.ValueInvalidNoValue", l["Customer.PreferredLanguage"]], [nameof(PreferredLanguage)]);
        }
    }
}

public sealed class ContactForm : IVersionedForm
{
    [FromRoute(Name = "id")]
    public int CustomerId { get; set; }

    [FromRoute(Name = "contactId")]
    public int? Id { get; set; }
    public int Version { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Contact.Name")]
    public string Name { get; set; } = string.Empty;

    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Contact.Title")]
    public string? Title { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Validation.Email")]
    [StringLength(256, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Contact.Email")]
    public string Email { get; set; } = string.Empty;

    [Phone(ErrorMessage = "Validation.Phone")]
    [StringLength(40, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Contact.Phone")]
    public string? Phone { get; set; }

    [Display(Name = "Contact.HasSigningAuthority")]
    public bool HasSigningAuthority { get; set; }
}

/// <summary>A Norwegian organisation number, with a message that says what is wrong with it (runs with the other field checks).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ValidOrgNumberAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        ArgumentNullException.ThrowIfNull(validationContext);
        var problem = Domain.OrgNumber.Validate(value as string);
        return problem == Domain.OrgNumber.Problem.None
            ? ValidationResult.Success
            : new ValidationResult(validationContext.Localizer()["Validation.OrgNumber." + problem], [validationContext.MemberName ?? string.Empty]);
    }
}
