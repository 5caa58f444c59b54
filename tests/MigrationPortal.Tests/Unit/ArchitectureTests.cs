using NetArchTest.Rules;

namespace MigrationPortal.Tests.Unit;

/// <summary>
/// Dependencies point one way: the domain knows nothing of storage, screens or frameworks' wiring; storage knows no
/// screen; a feature uses only its own folder, the shared pieces and the few features named here on purpose.
/// </summary>
public sealed class ArchitectureTests
{
    private const string Root = "MigrationPortal.Web";
    private const string Features = Root + ".Features";

    /// <summary>Feature folders a feature may use besides its own; each entry is a decision, keep the list short.</summary>
    private static readonly Dictionary<string, string[]> Allowed = new(StringComparer.Ordinal)
    {
        // The sales pipeline lists the open leads beside the offers, through the leads' own list use case.
        ["Offers"] = ["Intake"],
    };

    private static Types App => Types.InAssembly(typeof(Program).Assembly);

    [Fact]
    public void The_domain_depends_on_no_data_feature_or_infrastructure_code()
    {
        var result = App.That().ResideInNamespace(Root + ".Domain")
            .ShouldNot().HaveDependencyOnAny(Root + ".Data", Features, Root + ".Infrastructure")
            .GetResult();

        Assert.True(result.IsSuccessful, Failing(result));
    }

    [Fact]
    public void Data_depends_on_no_feature()
    {
        var result = App.That().ResideInNamespace(Root + ".Data").ShouldNot().HaveDependencyOn(Features).GetResult();

        Assert.True(result.IsSuccessful, Failing(result));
    }

    [Fact]
    public void A_feature_uses_only_itself_the_shared_pieces_and_the_features_listed_for_it()
    {
        var features = App.That().ResideInNamespace(Features).GetTypes()
            .Select(t => t.Namespace!.Split('.')[3]).Distinct(StringComparer.Ordinal).ToList();
        Assert.Contains("Offers", features);

        var failures = new List<string>();
        foreach (var feature in features.Where(f => f != "Shared"))
        {
            var allowed = Allowed.GetValueOrDefault(feature, []).Append(feature).Append("Shared").ToHashSet(StringComparer.Ordinal);
            var forbidden = features.Where(f => !allowed.Contains(f)).Select(f => $"{Features}.{f}").ToArray();
            var result = App.That().ResideInNamespace($"{Features}.{feature}").ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
            if (!result.IsSuccessful)
            {
                failures.Add($"{feature}: {Failing(result)}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void The_rules_would_catch_a_dependency_that_is_there()
    {
        // A rule that can never fail proves nothing: the offers feature does use the domain, and the check must see it.
        var result = App.That().ResideInNamespace(Features + ".Offers").ShouldNot().HaveDependencyOn(Root + ".Domain").GetResult();

        Assert.False(result.IsSuccessful);
    }

    private static string Failing(TestResult result) =>
        "Depends where it should not: " + string.Join(", ", result.FailingTypeNames ?? []);
}
