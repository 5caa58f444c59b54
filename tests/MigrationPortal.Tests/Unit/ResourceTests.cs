using System.Resources;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace MigrationPortal.Tests.Unit;

/// <summary>Every text key a view or class asks for exists in both languages, so no user ever sees a raw key.</summary>
public sealed partial class ResourceTests
{
    private static readonly string SourceRoot = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/MigrationPortal.Web"));

    private static HashSet<string> Keys(string file) => Texts(file).Keys.ToHashSet(StringComparer.Ordinal);

    /// <summary>A .resx file's texts: name → value.</summary>
    private static Dictionary<string, string> Texts(string file) =>
        XDocument.Load(Path.Combine(SourceRoot, "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!, StringComparer.Ordinal);

    /// <summary>strings.tsv read as scripts/gen-resx.py reads it: a header, then key, nb-NO, en; blank keys skipped.</summary>
    private static List<string[]> TsvRows() =>
        File.ReadAllLines(Path.Combine(SourceRoot, "Resources", "strings.tsv")).Skip(1)
            .Select(line => line.Split('\t'))
            .Where(r => r[0].Trim().Length > 0)
            .ToList();

    /// <summary>What differs between the table's column and a generated file, one line per key.</summary>
    private static List<string> Differences(IReadOnlyList<string[]> rows, int column, Dictionary<string, string> resx)
    {
        var table = rows.Where(r => r.Length == 3).GroupBy(r => r[0], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First()[column], StringComparer.Ordinal);
        return table.Keys.Except(resx.Keys).Select(k => $"{k}: in strings.tsv, not in the .resx")
            .Concat(resx.Keys.Except(table.Keys).Select(k => $"{k}: in the .resx, not in strings.tsv"))
            .Concat(table.Where(t => resx.TryGetValue(t.Key, out var v) && v != t.Value).Select(t => $"{t.Key}: strings.tsv says \"{t.Value}\", the .resx \"{resx[t.Key]}\""))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    [Fact]
    public void Both_languages_have_the_same_keys()
    {
        var nb = Keys("SharedResource.resx");
        var en = Keys("SharedResource.en.resx");

        Assert.Empty(nb.Except(en));
        Assert.Empty(en.Except(nb));
    }

    /// <summary>ADR 0005: strings.tsv is the source and the .resx files are generated from it, so they must agree.</summary>
    [Fact]
    public void Strings_tsv_has_every_key_once_with_both_languages()
    {
        var rows = TsvRows();

        var malformed = rows.Where(r => r.Length != 3 || r[1].Length == 0 || r[2].Length == 0).Select(r => r[0]).ToList();
        var duplicates = rows.GroupBy(r => r[0], StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        Assert.True(malformed.Count == 0, "Rows in strings.tsv without exactly key, nb-NO and en: " + string.Join(", ", malformed));
        Assert.True(duplicates.Count == 0, "Keys twice in strings.tsv: " + string.Join(", ", duplicates));
    }

    [Theory]
    [InlineData(1, "SharedResource.resx")]
    [InlineData(2, "SharedResource.en.resx")]
    public void The_resx_file_says_what_strings_tsv_says(int column, string file)
    {
        var differences = Differences(TsvRows(), column, Texts(file));

        Assert.True(differences.Count == 0, $"{file} and strings.tsv disagree (edit strings.tsv, then run scripts/gen-resx.py):\n" + string.Join("\n", differences));
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
