using Ganss.Xss;
using Markdig;

namespace MigrationPortal.Web.Features.Shared;

/// <summary>
/// Markdown written by staff, shown as HTML: Markdig with raw HTML disabled, then HtmlSanitizer with a strict allow-list
/// (text structure and https/mailto links only), so nothing written can run script or style the page.
/// </summary>
public static class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UseEmphasisExtras().UseAutoLinks().Build();

    private static readonly string[] Tags = ["p", "br", "strong", "em", "del", "ul", "ol", "li", "h2", "h3", "h4", "blockquote", "code", "pre", "a", "hr", "table", "thead", "tbody", "tr", "th", "td"];

    public static string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return string.Empty;
        }

        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedTags.Clear();
        sanitizer.AllowedTags.UnionWith(Tags);
        sanitizer.AllowedAttributes.Clear();
        sanitizer.AllowedAttributes.Add("href");
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.UnionWith(["https", "mailto"]);
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowedAtRules.Clear();
        sanitizer.AllowDataAttributes = false;
        return sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));
    }
}
