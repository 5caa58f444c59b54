using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Html;

namespace MigrationPortal.Web.Infrastructure.Text;

/// <summary>
/// The one way formatted text (news, event programmes, release notes) written as Markdown becomes HTML on a page:
/// Markdig renders it with raw HTML disabled, then HtmlSanitizer keeps only a strict allow-list (paragraphs, h2–h4,
/// lists, emphasis, links to http/https/mailto, quotes, code and simple tables). No images, styles, scripts or event
/// attributes survive; every kept link opens with rel="noopener noreferrer".
/// </summary>
public sealed class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .Build();

    private readonly HtmlSanitizer sanitizer;

    public SafeMarkdown()
    {
        sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em", "a", "blockquote", "code", "pre", "br",
                "table", "thead", "tbody", "tr", "th", "td",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href" },
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        });
        sanitizer.KeepChildNodes = true;
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Html.Dom.IHtmlAnchorElement a)
            {
                if (a.HasAttribute("href"))
                {
                    a.SetAttribute("rel", "noopener noreferrer");
                }
                else
                {
                    // A link whose address was removed (javascript:, data:) is left as its text.
                    e.ReplacementNodes.Add(a.Owner!.CreateTextNode(a.TextContent));
                }
            }
        };
    }

    /// <summary>The Markdown as sanitised HTML; headings written as # become h2 (the page has its own h1).</summary>
    public string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return string.Empty;
        }

        var html = Markdown.ToHtml(markdown, Pipeline)
            .Replace("<h1>", "<h2>", StringComparison.Ordinal).Replace("</h1>", "</h2>", StringComparison.Ordinal);
        return sanitizer.Sanitize(html);
    }

    /// <summary>For a view: <c>@markdown.Render(item.Text)</c>.</summary>
    public IHtmlContent Render(string? markdown) => new HtmlString(ToHtml(markdown));
}
