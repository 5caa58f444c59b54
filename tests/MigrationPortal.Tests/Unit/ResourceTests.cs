using System.Resources;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace MigrationPortal.Tests.Unit;

/// <summary>Every text key a view or class asks for exists in both languages, so no user ever sees a raw key.</summary>
public sealed partial class ResourceTests
{
    private static readonly string SourceRoot = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/MigrationPortal.Web"));

    private static HashSet<string> Keys(string file) =>
        XDocument.Load(Path.Combine(SourceRoot, "Resources", file)).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void Both_languages_have_the_same_keys()
    {
        var nb = Keys("SharedResource.resx");
        var en = Keys("SharedResource.en.resx");

        Assert.Empty(nb.Except(en));
        Assert.Empty(en.Except(nb));
    }

    [Fact]
    public void Every_literal_key_used_in_code_and_views_exists()
    {
        var keys = Keys("SharedResource.resx");
        var files = Directory.EnumerateFiles(SourceRoot, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal)) && !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/Migrations/", StringComparison.Ordinal));
        var missing = files
            .SelectMany(f => KeyPattern().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)))
            .Where(x => !keys.Contains(x.Key))
            .Select(x => $"{x.File}: {x.Key}")
            .Distinct()
            .ToList();

        Assert.Empty(missing);
    }

    [Theory]
    [InlineData("Phase", typeof(MigrationPortal.Web.Domain.Phase))]
    [InlineData("StepStatus", typeof(MigrationPortal.Web.Domain.StepStatus))]
    [InlineData("Health", typeof(MigrationPortal.Web.Domain.ProjectHealth))]
    [InlineData("MeetingKind", typeof(MigrationPortal.Web.Domain.MeetingKind))]
    [InlineData("CustomerType", typeof(MigrationPortal.Web.Domain.CustomerType))]
    [InlineData("Responsible", typeof(MigrationPortal.Web.Domain.ResponsibleParty))]
    [InlineData("ProjectStatus", typeof(MigrationPortal.Web.Domain.ProjectStatus))]
    public void Every_enum_value_shown_to_users_has_a_text(string prefix, Type enumType)
    {
        var keys = Keys("SharedResource.resx");

        Assert.All(Enum.GetNames(enumType), name => Assert.Contains($"{prefix}.{name}", keys));
    }

    [Fact]
    public void The_resource_manager_serves_bokmal_by_default_and_english_on_request()
    {
        var rm = new ResourceManager("MigrationPortal.Web.Resources.SharedResource", typeof(Program).Assembly);

        Assert.Equal("Innledning og kartlegging", rm.GetString("Phase.Intake", new System.Globalization.CultureInfo("nb-NO")));
        Assert.Equal("Intake and mapping", rm.GetString("Phase.Intake", new System.Globalization.CultureInfo("en")));
    }

    // L["Key"], l["Key"], ErrorMessage = "Key", Display(Name = "Key"), and "Validation.X"/"Step.X" literals.
    [GeneratedRegex("""(?:\b[Ll]\[|ErrorMessage = |Name = )"([A-Z][A-Za-z]+\.[A-Za-z.\-]*[A-Za-z])"|"((?:Validation|Identity)\.[A-Za-z.]+[A-Za-z])"[\],)]""")]
    private static partial Regex KeyPattern();
}
