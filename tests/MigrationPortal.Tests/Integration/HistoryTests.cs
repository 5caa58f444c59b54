using System.Net;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Tests.Infrastructure;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Features.Projects;

namespace MigrationPortal.Tests.Integration;

/// <summary>The change history on its own tab, in words: field names and values in the reader's language, people by name.</summary>
[Trait(Suite.Name, Suite.Integration)]
public sealed class HistoryTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Every_audited_column_has_a_name_people_read_or_is_bookkeeping_left_out()
    {
        var resources = File.ReadAllLines(Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/MigrationPortal.Web/Resources/strings.tsv")))
            .Select(l => l.Split('\t')[0]).ToHashSet(StringComparer.Ordinal);
        var missing = await factory.WithDbAsync(db => Task.FromResult(db.Model.GetEntityTypes()
            .Where(t => typeof(IAudited).IsAssignableFrom(t.ClrType))
            .SelectMany(t => t.GetProperties().Where(p => !p.IsPrimaryKey()).Select(p => (Entity: t.ClrType.Name, p.Name)))
            .Where(x => !ProjectHistory.Hidden.Contains(x.Name) && !resources.Contains("Field." + x.Name))
            .Select(x => $"{x.Entity}.{x.Name}")
            .Distinct().Order().ToList()));
        var entities = await factory.WithDbAsync(db => Task.FromResult(db.Model.GetEntityTypes()
            .Where(t => typeof(IAudited).IsAssignableFrom(t.ClrType) && !resources.Contains("Entity." + t.ClrType.Name)).Select(t => t.ClrType.Name).ToList()));

        Assert.True(missing.Count == 0, string.Join(", ", missing));
        Assert.True(entities.Count == 0, string.Join(", ", entities));
    }

    [Fact]
    public async Task The_history_names_people_and_translates_values_with_no_ids_or_addresses()
    {
        var project = await Journeys.AcceptedTromsoProjectAsync(factory);
        var step = await factory.WithDbAsync(db => db.Steps.AsNoTracking().SingleAsync(s => s.ProjectId == project && s.TemplateKey == PlanKeys.Kickoff));
        var (leadId, leadName) = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == Demo.Lead2).Select(u => new { u.Id, u.DisplayName }).SingleAsync().ContinueWith(t => (t.Result.Id, t.Result.DisplayName)));
        using var lead = await factory.LoginAsync(Demo.Lead);
        var edited = await lead.PostFormAsync($"/projects/{project}/steps/{step.Id}/edit", new()
        {
            ["Version"] = $"{step.Version}", ["Status"] = "Blocked", ["PlannedStart"] = $"{step.PlannedStart:yyyy-MM-dd}", ["Due"] = $"{step.Due:yyyy-MM-dd}",
            ["AssigneeUserId"] = leadId, ["Required"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var ownName = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == Demo.Lead).Select(u => u.DisplayName).SingleAsync());

        var (status, page) = await lead.GetPageAsync($"/projects/{project}/history");
        var (_, overview) = await lead.GetPageAsync($"/projects/{project}");

        Assert.Equal(HttpStatusCode.OK, status);
        var table = page.QuerySelector("#history")!.TextContent;
        Assert.Contains("«Oppstartsmøte»", table, StringComparison.Ordinal);
        Assert.Contains("Blokkert", table, StringComparison.Ordinal);
        Assert.Contains(ownName, table, StringComparison.Ordinal);
        Assert.Contains(leadName, table, StringComparison.Ordinal);
        Assert.Contains("Ellen Aslaksen", table, StringComparison.Ordinal);
        Assert.DoesNotContain("@", table, StringComparison.Ordinal);
        Assert.DoesNotContain(leadId, table, StringComparison.Ordinal);
        Assert.DoesNotContain("Blocked", table, StringComparison.Ordinal);
        Assert.DoesNotContain("AssigneeUserId", table, StringComparison.Ordinal);
        Assert.DoesNotMatch("[0-9a-f]{64}", table);
        Assert.Null(overview.QuerySelector("#history"));
        Assert.NotNull(overview.QuerySelector($"a[href='/projects/{project}/history']"));
    }
}
