using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace MigrationPortal.Web.Features.Shared;

/// <summary>
/// A list of check boxes for a list property (<c>&lt;choices asp-for="CustomerIds" asp-items="..." /&gt;</c>): a fieldset whose
/// legend is the property's <c>[Display]</c> name, one labelled box per choice named exactly as the list binds, ticked from
/// what was posted (when the page comes back with errors) or else from the model, and the first error wired with aria.
/// </summary>
[HtmlTargetElement("choices", Attributes = "asp-for,asp-items", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ChoicesTagHelper(IStringLocalizer<SharedResource> l) : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = default!;

    [HtmlAttributeName("asp-items")]
    public IEnumerable<SelectListItem> Items { get; set; } = [];

    /// <summary>A resource key for a line of help under the legend.</summary>
    public string? Help { get; set; }

    /// <summary>A resource key shown when there is nothing to choose from.</summary>
    public string? None { get; set; }

    /// <summary>Marks the list required where no <c>[Required]</c> says it (at least one must be ticked).</summary>
    public bool Required { get; set; }

    /// <summary>Classes for the box around the choices (a long list scrolls in one).</summary>
    public string? ListClass { get; set; }

    /// <summary>Classes for the fieldset (default <c>mb-3</c>).</summary>
    public string? Wrapper { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(For.Name);
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var state = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) ? entry : null;
        var error = state?.Errors.FirstOrDefault()?.ErrorMessage;
        var ticked = (state?.RawValue switch
        {
            string[] posted => posted,
            string one => [one],
            _ => (For.Model as System.Collections.IEnumerable)?.Cast<object>().Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)).ToArray(),
        } ?? []).ToHashSet(StringComparer.Ordinal);
        var describedBy = string.Join(' ', new[] { Help is null ? null : id + "-help", error is null ? null : id + "-error" }.OfType<string>());

        output.TagName = "fieldset";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", Wrapper ?? "mb-3");
        output.Attributes.SetAttribute("id", id);
        if (describedBy.Length > 0)
        {
            output.Attributes.SetAttribute("aria-describedby", describedBy);
        }

        output.Content.AppendHtml("<legend class=\"form-label fs-6 fw-normal\">");
        output.Content.Append(For.Metadata.GetDisplayName());
        if (Required || For.Metadata.ValidatorMetadata.OfType<RequiredAttribute>().Any())
        {
            output.Content.AppendHtml(" <span aria-hidden=\"true\">*</span>");
        }

        output.Content.AppendHtml("</legend>");
        if (Help is not null)
        {
            output.Content.AppendHtml($"<div id=\"{id}-help\" class=\"form-text mb-1\">");
            output.Content.Append(l[Help]);
            output.Content.AppendHtml("</div>");
        }

        output.Content.AppendHtml(ListClass is null ? "<div>" : $"<div class=\"{ListClass}\">");
        var items = Items.ToList();
        if (items.Count == 0 && None is not null)
        {
            output.Content.AppendHtml("<p class=\"small\">");
            output.Content.Append(l[None]);
            output.Content.AppendHtml("</p>");
        }

        foreach (var item in items)
        {
            var box = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
            var boxId = TagBuilder.CreateSanitizedId($"{id}-{item.Value}", "_");
            box.MergeAttributes(new Dictionary<string, string?> { ["class"] = "form-check-input", ["type"] = "checkbox", ["name"] = name, ["value"] = item.Value, ["id"] = boxId });
            if (ticked.Contains(item.Value))
            {
                box.MergeAttribute("checked", "checked");
            }

            var label = new TagBuilder("label");
            label.MergeAttributes(new Dictionary<string, string?> { ["class"] = "form-check-label", ["for"] = boxId });
            label.InnerHtml.Append(item.Text);
            output.Content.AppendHtml("<div class=\"form-check\">");
            output.Content.AppendHtml(box);
            output.Content.AppendHtml(label);
            output.Content.AppendHtml("</div>");
        }

        output.Content.AppendHtml("</div>");
        if (error is not null)
        {
            output.Content.AppendHtml($"<div id=\"{id}-error\" class=\"text-danger small\">");
            output.Content.Append(error);
            output.Content.AppendHtml("</div>");
        }
    }
}
