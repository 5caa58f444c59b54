using MigrationPortal.Web.Domain;

namespace MigrationPortal.Tests.Unit;

public sealed class StepTemplateTests
{
    private static StepTemplate T(int product, string key, Phase phase, int offset, int duration, int order = 0) =>
        new() { ProductId = product, Key = key, Phase = phase, Title = key, OffsetDays = offset, DurationDays = duration, SortOrder = order };

    private static readonly StepTemplate[] Templates =
    [
        T(1, "setup.kickoff", Phase.Setup, 70, 1, 20),
        T(2, "setup.kickoff", Phase.Setup, 70, 1, 20),
        T(1, "setup.migration-websak", Phase.Setup, 91, 21, 50),
        T(2, "setup.migration-forms", Phase.Setup, 91, 14, 55),
        T(1, "intake.initial-meeting", Phase.Intake, 0, 1, 10),
        T(3, "other.product", Phase.Intake, 0, 1, 10),
    ];

    private static Project ProjectWith(params int[] products)
    {
        var p = new Project { Name = "P" };
        p.Products.AddRange(products.Select(id => new ProjectProduct { ProductId = id }));
        return p;
    }

    [Fact]
    public void A_project_with_both_products_gets_shared_steps_once_and_each_products_own_steps()
    {
        var project = ProjectWith(1, 2);

        project.AddStepsFromTemplates(Templates, new DateOnly(2027, 1, 4));

        Assert.Equal(["intake.initial-meeting", "setup.kickoff", "setup.migration-websak", "setup.migration-forms"], project.Steps.Select(s => s.TemplateKey));
        Assert.Equal(project.Steps.Select(s => s.SortOrder).Order(), project.Steps.Select(s => s.SortOrder));
    }

    [Fact]
    public void Dates_come_from_the_project_start_plus_offset_and_duration()
    {
        var project = ProjectWith(1);

        project.AddStepsFromTemplates(Templates, new DateOnly(2027, 1, 4));

        var migration = project.Steps.Single(s => s.TemplateKey == "setup.migration-websak");
        Assert.Equal(new DateOnly(2027, 4, 5), migration.PlannedStart);
        Assert.Equal(new DateOnly(2027, 4, 26), migration.Due);
    }

    [Fact]
    public void Adding_templates_again_adds_nothing_twice()
    {
        var project = ProjectWith(1);
        project.AddStepsFromTemplates(Templates, new DateOnly(2027, 1, 4));
        var count = project.Steps.Count;

        project.Products.Add(new ProjectProduct { ProductId = 2 });
        project.AddStepsFromTemplates(Templates, new DateOnly(2027, 1, 4));

        Assert.Equal(count + 1, project.Steps.Count);
        Assert.Single(project.Steps, s => s.TemplateKey == "setup.kickoff");
    }
}
