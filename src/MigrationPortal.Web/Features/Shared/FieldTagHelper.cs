using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace MigrationPortal.Web.Features.Shared;

/// <summary>
/// One labelled form field, wired for screen readers, from the model: <c>&lt;field asp-for="Title" /&gt;</c>. The label is
/// the property's <c>[Display]</c> name in the user's language (a star when it is <c>[Required]</c>), the input is named
/// exactly as it binds, a value the server could not read comes back as typed, and the first error sits under the field
/// with <c>aria-invalid</c> and <c>aria-describedby</c> pointing at it (and at the help text, if any). An input for text,
/// numbers, dates, times, e-mail and URLs; a text area with <c>rows</c>; a select with <c>asp-items</c>; a check box for a bool.
/// </summary>
[HtmlTargetElement("field", Attributes = "asp-for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldTagHelper(IHtmlGenerator generator, IStringLocalizer<SharedResource> l) : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = default!;

    /// <summary>The choices of a select.</summary>
    [HtmlAttributeName("asp-items")]
    public IEnumerable<SelectListItem>? Items { get; set; }

    /// <summary>The first, empty choice of a select (a resource key), for "none".</summary>
    public string? Empty { get; set; }

    /// <summary>A resource key for a line of help under the field.</summary>
    public string? Help { get; set; }

    /// <summary>The input type when the model's type does not say it (url, email, tel).</summary>
    public string? Type { get; set; }

    /// <summary>A text area of this many rows instead of an input.</summary>
    public int? Rows { get; set; }

    public string? Autocomplete { get; set; }

    /// <summary>The keyboard a phone shows (<c>numeric</c> for a one-time code, which is not a number to count with).</summary>
    public string? Inputmode { get; set; }

    /// <summary>Marks the field required where no <c>[Required]</c> says it (a rule of its own, such as the organisation number).</summary>
    public bool? Required { get; set; }

    /// <summary>Classes for the wrapping element (default <c>mb-3</c>).</summary>
    public string? Wrapper { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var error = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) ? entry.Errors.FirstOrDefault()?.ErrorMessage : null;
        var describedBy = string.Join(' ', new[] { Help is null ? null : id + "-help", error is null ? null : id + "-error" }.OfType<string>());
        var type = Nullable.GetUnderlyingType(For.Metadata.ModelType) ?? For.Metadata.ModelType;
        var isCheckBox = type == typeof(bool) && For.Metadata.ModelType == typeof(bool);

        var attributes = new Dictionary<string, object?>
        {
            ["id"] = id,
            ["class"] = (isCheckBox ? "form-check-input" : Items is null ? "form-control" : "form-select") + (error is null ? string.Empty : " is-invalid"),
            ["aria-invalid"] = error is null ? null : "true",
            ["aria-describedby"] = describedBy.Length == 0 ? null : describedBy,
            ["required"] = IsRequired ? "required" : null,
            ["autocomplete"] = Autocomplete,
            ["inputmode"] = Inputmode,
        };
        foreach (var key in attributes.Where(a => a.Value is null).Select(a => a.Key).ToList())
        {
            attributes.Remove(key);
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", Wrapper ?? (isCheckBox ? "form-check mb-3" : "mb-3"));
        var label = generator.GenerateLabel(ViewContext, For.ModelExplorer, For.Name, labelText: null, htmlAttributes: new { @class = isCheckBox ? "form-check-label" : "form-label" });
        if (IsRequired)
        {
            label.InnerHtml.AppendHtml("<span aria-hidden=\"true\"> *</span>");
        }

        var control = isCheckBox
            ? generator.GenerateCheckBox(ViewContext, For.ModelExplorer, For.Name, isChecked: null, attributes)
            : Rows is { } rows ? generator.GenerateTextArea(ViewContext, For.ModelExplorer, For.Name, rows, 0, attributes)
            : Items is { } items ? generator.GenerateSelect(ViewContext, For.ModelExplorer, Empty is null ? null : l[Empty].Value, For.Name, items, allowMultiple: false, attributes)
            : TextBox(type, attributes);
        if (isCheckBox)
        {
            output.Content.AppendHtml(control);
            output.Content.AppendHtml(generator.GenerateHiddenForCheckbox(ViewContext, For.ModelExplorer, For.Name));
            output.Content.AppendHtml(label);
        }
        else
        {
            output.Content.AppendHtml(label);
            output.Content.AppendHtml(control);
        }

        if (Help is not null)
        {
            output.Content.AppendHtml($"<div id=\"{id}-help\" class=\"form-text\">");
            output.Content.Append(l[Help]);
            output.Content.AppendHtml("</div>");
        }

        if (error is not null)
        {
            // Shown even beside a check box, whose sibling order Bootstrap's .invalid-feedback would otherwise hide.
            output.Content.AppendHtml($"<div id=\"{id}-error\" class=\"invalid-feedback d-block\">");
            output.Content.Append(error);
            output.Content.AppendHtml("</div>");
        }
    }

    private bool IsRequired => Required ?? For.Metadata.ValidatorMetadata.OfType<RequiredAttribute>().Any();

    private TagBuilder TextBox(Type type, Dictionary<string, object?> attributes)
    {
        var (inputType, format) = type switch
        {
            _ when type == typeof(DateOnly) => ("date", "{0:yyyy-MM-dd}"),
            _ when type == typeof(TimeOnly) => ("time", "{0:HH:mm}"),
            _ when type == typeof(int) => ("number", null),
            _ when For.Metadata.ValidatorMetadata.OfType<EmailAddressAttribute>().Any() => ("email", null),
            _ => ("text", null),
        };
        var box = generator.GenerateTextBox(ViewContext, For.ModelExplorer, For.Name, value: For.Model, format: format, htmlAttributes: attributes);
        box.MergeAttribute("type", Type ?? inputType, replaceExisting: true);
        return box;
    }
}
