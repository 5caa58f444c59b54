using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MigrationPortal.Web;
using MigrationPortal.Web.Infrastructure.Localization;

namespace MigrationPortal.Tests.Unit;

/// <summary>The frozen localizer answers exactly as the resource localizer it replaces, in both languages, found or not.</summary>
public sealed class FrozenStringLocalizerTests
{
    private static readonly IOptions<LocalizationOptions> Options = Microsoft.Extensions.Options.Options.Create(new LocalizationOptions { ResourcesPath = "Resources" });

    private static IStringLocalizer Resources() => new ResourceManagerStringLocalizerFactory(Options, NullLoggerFactory.Instance).Create(typeof(SharedResource));

    private static IStringLocalizer Frozen() => new FrozenStringLocalizerFactory(Options, NullLoggerFactory.Instance).Create(typeof(SharedResource));

    [Theory]
    [InlineData("nb-NO")]
    [InlineData("en")]
    public void Every_text_is_the_resource_managers_in_that_language(string culture)
    {
        using var scope = new CultureScope(culture);
        var resources = Resources();
        var frozen = Frozen();
        var all = resources.GetAllStrings(includeParentCultures: true).ToList();
        Assert.True(all.Count > 500, $"only {all.Count} texts read");
        foreach (var expected in all)
        {
            var actual = frozen[expected.Name];
            Assert.Equal(expected.Value, actual.Value);
            Assert.False(actual.ResourceNotFound, expected.Name);
        }
    }

    [Fact]
    public void The_language_follows_the_current_ui_culture_on_each_call()
    {
        var frozen = Frozen();
        string nb, en;
        using (new CultureScope("nb-NO"))
        {
            nb = frozen["Nav.Dashboard"].Value;
        }

        using (new CultureScope("en"))
        {
            en = frozen["Nav.Dashboard"].Value;
        }

        Assert.NotEqual(nb, en);
        using (new CultureScope("en"))
        {
            Assert.Equal(Resources()["Nav.Dashboard"].Value, en);
        }
    }

    [Fact]
    public void Arguments_are_formatted_in_the_current_culture()
    {
        using var scope = new CultureScope("nb-NO");
        var resources = Resources();
        var frozen = Frozen();
        var key = resources.GetAllStrings(true).First(s => s.Value.Contains("{0}", StringComparison.Ordinal) && !s.Value.Contains("{1}", StringComparison.Ordinal) && !s.Value.Contains("{0:", StringComparison.Ordinal)).Name;
        Assert.Equal(resources[key, 1234.5m].Value, frozen[key, 1234.5m].Value);
        Assert.Contains("1234,5", frozen[key, 1234.5m].Value, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_key_is_said_as_the_resource_localizer_says_it()
    {
        using var scope = new CultureScope("nb-NO");
        var missing = Frozen()["No.Such.Key"];
        Assert.True(missing.ResourceNotFound);
        Assert.Equal("No.Such.Key", missing.Value);
        Assert.Equal(Resources()["No.Such.Key"].SearchedLocation, missing.SearchedLocation);
    }
}
