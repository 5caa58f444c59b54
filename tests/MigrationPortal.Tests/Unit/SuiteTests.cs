using System.Reflection;
using MigrationPortal.Tests.Infrastructure;

namespace MigrationPortal.Tests.Unit;

/// <summary>The PostgreSQL pass takes the tests with the integration trait: every HTTP test and nothing else.</summary>
public sealed class SuiteTests
{
    private static readonly Type[] TestClasses = typeof(SuiteTests).Assembly.GetTypes()
        .Where(t => t.GetMethods().Any(m => m.GetCustomAttribute<FactAttribute>() is not null))
        .ToArray();

    private static bool UsesPortalFactory(Type t) =>
        t.GetConstructors().SelectMany(c => c.GetParameters()).Any(p => typeof(PortalFactory).IsAssignableFrom(p.ParameterType));

    private static bool InIntegrationSuite(Type t) =>
        t.CustomAttributes.Any(a => a.AttributeType == typeof(TraitAttribute)
            && a.ConstructorArguments is [{ Value: Suite.Name }, { Value: Suite.Integration }]);

    [Fact]
    public void Every_test_class_on_the_app_carries_the_integration_trait_and_no_other_does()
    {
        Assert.Contains(TestClasses, UsesPortalFactory);
        Assert.Empty(TestClasses.Where(t => UsesPortalFactory(t) != InIntegrationSuite(t)).Select(t => t.FullName));
    }
}
