using System.Text.RegularExpressions;

namespace MigrationPortal.Tests.Unit;

/// <summary>
/// One way to name a field and to make a link: every posted field is named by a tag helper from the model
/// (<c>asp-for</c>, <c>&lt;field&gt;</c>, <c>&lt;choices&gt;</c>; a button form's version rides in <c>asp-route-version</c>),
/// so a renamed property breaks the build, not the binding; every link and form goes to a named action
/// (<c>asp-action</c>/<c>asp-route-*</c>, <c>Url.Action</c>, <c>RedirectToAction</c>), never to a URL typed by hand.
/// And no hand-written source file grows past about 400 lines.
/// </summary>
public sealed partial class ViewConventionTests
{
    private const int MaxLines = 400;

    private static readonly string Web = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/MigrationPortal.Web"));

    private static IEnumerable<string> Views =>
        Directory.EnumerateFiles(Path.Combine(Web, "Features"), "*.cshtml", SearchOption.AllDirectories).Order(StringComparer.Ordinal);

    [Fact]
    public void Every_form_field_is_named_by_a_tag_helper()
    {
        Assert.NotEmpty(Views);
        var found = Views.SelectMany(file => RawNames(File.ReadAllText(file)).Select(tag => $"{Relative(file)}: {tag}")).ToList();

        Assert.True(found.Count == 0, "A field named by hand (use asp-for, <field> or <choices>):" + Environment.NewLine + string.Join(Environment.NewLine, found));
    }

    [Fact]
    public void No_view_links_to_a_url_typed_by_hand()
    {
        var found = Views.SelectMany(file => LiteralUrls(File.ReadAllText(file)).Select(url => $"{Relative(file)}: {url}")).ToList();

        Assert.True(found.Count == 0, "A URL typed by hand (use asp-action and asp-route-*, or Url.Action):" + Environment.NewLine + string.Join(Environment.NewLine, found));
    }

    [Fact]
    public void No_controller_redirects_to_a_url_typed_by_hand()
    {
        var found = Directory.EnumerateFiles(Path.Combine(Web, "Features"), "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => LiteralRedirect().Matches(File.ReadAllText(file)).Select(m => $"{Relative(file)}: {m.Value}"))
            .ToList();

        Assert.True(found.Count == 0, "A redirect to a URL typed by hand (use RedirectToAction):" + Environment.NewLine + string.Join(Environment.NewLine, found));
    }

    [Fact]
    public void No_hand_written_source_file_is_longer_than_400_lines()
    {
        var files = HandWritten(Path.GetFullPath(Path.Combine(Web, ".."))).ToList();
        Assert.Contains(files, f => f.EndsWith("Program.cs", StringComparison.Ordinal));

        var tooLong = files.Select(f => (File: Relative(f), Lines: File.ReadLines(f).Count())).Where(f => f.Lines > MaxLines)
            .Select(f => $"{f.File}: {f.Lines} lines").ToList();

        Assert.True(tooLong.Count == 0, $"Split by concern (at most {MaxLines} lines):" + Environment.NewLine + string.Join(Environment.NewLine, tooLong));
    }

    [Fact]
    public void The_checks_would_catch_what_they_look_for()
    {
        // A check that can never fail proves nothing: each one must see the mistake it is there for.
        Assert.Single(RawNames("<form>\n  <input type=\"hidden\" name=\"version\" value=\"@i.Version\" />\n</form>"));
        Assert.Single(RawNames("<select class=\"form-select\"\n        id=\"kind\" name=\"kind\">"));
        Assert.Single(RawNames("<textarea name='reason' aria-label=\"@L[\"Gate.Reason\"]\"></textarea>"));
        Assert.Single(RawNames("<input aria-label=\"@(a > b ? \"x\" : \"y\")\" name=\"x\" />"));
        Assert.Empty(RawNames("<input asp-for=\"Reason\" class=\"form-control\" />"));
        Assert.Empty(RawNames("<button type=\"submit\" name=\"culture\" value=\"en\">English</button>"));

        Assert.Single(LiteralUrls("<a href=\"/projects/@m.ProjectId/golive\">"));
        Assert.Single(LiteralUrls("<form method=\"post\" action='/culture'>"));
        Assert.Single(LiteralUrls("string PageUrl(int page) => $\"/dashboard?page={page}\";"));
        Assert.Empty(LiteralUrls("<link rel=\"stylesheet\" href=\"~/css/site.css\" /><a href=\"#main\">"));

        Assert.Single(LiteralRedirect().Matches("_ => LocalRedirect(\"/\")"));
        Assert.Single(LiteralRedirect().Matches("Redirect(\"/account/login\")"));
        Assert.Single(LiteralRedirect().Matches("url => LocalRedirect(Url.IsLocalUrl(url) ? url : \"/\")"));
        Assert.Empty(LiteralRedirect().Matches("RedirectToAction(\"Index\", \"Home\")"));

        Assert.DoesNotContain(HandWritten(Path.GetFullPath(Path.Combine(Web, ".."))), f => f.Contains("/Migrations/", StringComparison.Ordinal) || f.Contains("/obj/", StringComparison.Ordinal));
    }

    /// <summary>The input, select and text-area tags that carry a <c>name</c> but no <c>asp-for</c>.</summary>
    private static IEnumerable<string> RawNames(string view) =>
        FieldTag().Matches(view).Select(m => m.Value)
            .Where(tag => NameAttribute().IsMatch(tag) && !tag.Contains("asp-for", StringComparison.Ordinal))
            .Select(tag => Regex.Replace(tag, @"\s+", " "));

    /// <summary>href, action, src and formaction values that start with a slash, and strings in view code that do.</summary>
    private static IEnumerable<string> LiteralUrls(string view) => LiteralUrl().Matches(view).Select(m => m.Value);

    /// <summary>Every .cs and .cshtml file under <paramref name="root"/> that a person wrote: no migrations, no build output.</summary>
    private static IEnumerable<string> HandWritten(string root) =>
        Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !Path.GetRelativePath(root, f).Split(Path.DirectorySeparatorChar).Any(part => part is "Migrations" or "obj" or "bin"));

    private static string Relative(string file) => Path.GetRelativePath(Web, file);

    /// <summary>An input, select or text-area start tag: attribute values in quotes may hold a '&gt;' (Razor code) or quotes of their own.</summary>
    [GeneratedRegex("""<(?:input|select|textarea)\b(?:"[^"]*"|'[^']*'|[^"'>])*>""", RegexOptions.IgnoreCase)]
    private static partial Regex FieldTag();

    [GeneratedRegex("""\sname\s*=""", RegexOptions.IgnoreCase)]
    private static partial Regex NameAttribute();

    /// <summary>
    /// An href, action, src or formaction that starts with a slash, or a C# string in view code that starts like a path of
    /// the portal (<c>"/dashboard?…"</c>, <c>$"/projects/{id}"</c>).
    /// </summary>
    [GeneratedRegex("""(?:\b(?:href|action|src|formaction)\s*=\s*["']/|\$?"/[A-Za-z])[^"']*""", RegexOptions.IgnoreCase)]
    private static partial Regex LiteralUrl();

    /// <summary>A redirect (Redirect, LocalRedirect ...) with a path typed into the call.</summary>
    [GeneratedRegex("""\w*Redirect\w*\([^;\r\n]*?\$?"/[^"]*""")]
    private static partial Regex LiteralRedirect();
}
