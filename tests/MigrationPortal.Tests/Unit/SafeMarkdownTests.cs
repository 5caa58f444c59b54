using MigrationPortal.Web.Infrastructure.Text;

namespace MigrationPortal.Tests.Unit;

public sealed class SafeMarkdownTests
{
    private static readonly SafeMarkdown Markdown = new();

    [Fact]
    public void Ordinary_markdown_keeps_its_formatting()
    {
        var html = Markdown.ToHtml("# Nytt\n\nDette er **viktig** og *fint*.\n\n- en\n- to\n\n> sitat\n\n`kode`\n\n[Les mer](https://example.org/a)\n\n| A | B |\n|---|---|\n| 1 | 2 |");

        Assert.Contains("<h2>Nytt</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>viktig</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<em>fint</em>", html, StringComparison.Ordinal);
        Assert.Contains("<li>en</li>", html, StringComparison.Ordinal);
        Assert.Contains("<blockquote>", html, StringComparison.Ordinal);
        Assert.Contains("<code>kode</code>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.org/a\" rel=\"noopener noreferrer\">Les mer</a>", html, StringComparison.Ordinal);
        Assert.Contains("<th>A</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td>2</td>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("Hei <script>alert(1)</script> der")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("![x](https://example.org/x.png \"t\")")]
    [InlineData("[klikk](javascript:alert(1))")]
    [InlineData("[klikk](JaVaScRiPt:alert(1))")]
    [InlineData("[klikk](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<p style=\"background:url(javascript:alert(1))\">x</p>")]
    [InlineData("<div onclick=\"alert(1)\">x</div>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("<svg onload=alert(1)>")]
    [InlineData("[x](https://example.org \"\\\" onmouseover=\\\"alert(1)\")")]
    public void Nothing_dangerous_survives(string markdown)
    {
        var html = Markdown.ToHtml(markdown);

        // What a browser would build from it: only allowed elements, only href/rel, only safe schemes.
        var body = new AngleSharp.Html.Parser.HtmlParser().ParseDocument($"<body>{html}</body>").Body!;
        string[] allowed = ["P", "H2", "H3", "H4", "UL", "OL", "LI", "STRONG", "EM", "A", "BLOCKQUOTE", "CODE", "PRE", "BR", "TABLE", "THEAD", "TBODY", "TR", "TH", "TD"];
        foreach (var element in body.QuerySelectorAll("*"))
        {
            Assert.Contains(element.TagName, allowed);
            Assert.All(element.Attributes, a => Assert.Contains(a.Name, new[] { "href", "rel" }));
            Assert.True(element.TagName != "A" || element.HasAttribute("href"), "a link without an address is left as text");
            if (element.GetAttribute("href") is { } href)
            {
                Assert.Matches("^(https?|mailto):", href);
            }
        }
    }

    [Fact]
    public void Raw_html_is_shown_as_text_not_run()
    {
        var html = Markdown.ToHtml("<b>fet</b> <script>alert(1)</script>");

        Assert.Contains("&lt;b&gt;fet&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Mailto_links_are_kept_and_empty_text_is_empty()
    {
        Assert.Contains("href=\"mailto:kundesenter@leverandor.example\"", Markdown.ToHtml("[Skriv](mailto:kundesenter@leverandor.example)"), StringComparison.Ordinal);
        Assert.Equal(string.Empty, Markdown.ToHtml("   "));
        Assert.Equal(string.Empty, Markdown.ToHtml(null));
    }
}
