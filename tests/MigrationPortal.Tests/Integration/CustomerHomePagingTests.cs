using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Tests.Infrastructure;
using MigrationPortal.Web.Domain;

namespace MigrationPortal.Tests.Integration;

/// <summary>
/// The customer's home page in pages of ten project cards, active phases first: what a card shows (queue place, checklist,
/// wheel) is there for the cards on the page, and the next meetings are the customer's over all its projects.
/// </summary>
[Trait(Suite.Name, Suite.Integration)]
public sealed class CustomerHomePagingTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private sealed record Seeded(int Total, int Waiting, string FirstQueued, string SecondQueued, string Operating, string MeetingTitle);

    /// <summary>Thirteen more projects for Sør-Fron kommune in every phase; two of them queued at the same place, one in operation with a checklist item and a meeting.</summary>
    private Task<Seeded> SeedAsync() => factory.WithDbAsync(async db =>
    {
        var sorFron = await db.Customers.Where(c => c.Name == "Sør-Fron kommune").Select(c => c.Id).SingleAsync();
        if (!await db.Projects.AnyAsync(p => p.Name.StartsWith("Sør-Fron delprosjekt")))
        {
            var phases = new[] { Phase.Intake, Phase.Intake, Phase.Intake, Phase.Intake, Phase.Setup, Phase.Setup, Phase.Setup, Phase.Setup, Phase.GoLive, Phase.GoLive, Phase.GoLive, Phase.Operations, Phase.Operations };
            var projects = phases.Select((phase, i) =>
            {
                var p = new Project { Name = $"Sør-Fron delprosjekt {i + 1:D2}", Phase = phase, CreatedUtc = factory.UtcNow };
                p.Customers.Add(new ProjectCustomer { CustomerId = sorFron });
                p.Steps.Add(new Step { Phase = phase, Title = $"Steg for delprosjekt {i + 1:D2}", Status = StepStatus.NotStarted, Due = factory.Today.AddDays(10), CustomerVisible = true, Responsible = ResponsibleParty.Customer });
                return p;
            }).ToList();
            db.Projects.AddRange(projects);
            var place = await db.CloudQueue.Where(q => q.StartedUtc == null).MaxAsync(q => (int?)q.Position) ?? 0;
            // Two acceptances at the same moment may store the same place: the one queued first is ahead.
            db.CloudQueue.Add(new CloudQueueEntry { Project = projects[7], Position = place + 1, QueuedUtc = factory.UtcNow.AddHours(-1) });
            db.CloudQueue.Add(new CloudQueueEntry { Project = projects[6], Position = place + 1, QueuedUtc = factory.UtcNow.AddHours(-2) });
            db.ChecklistItems.Add(new ChecklistItem { Project = projects[12], Title = "Tilgang til driftsmiljøet", Owner = ResponsibleParty.Customer, Status = ChecklistStatus.Open, Due = factory.Today.AddDays(5) });
            db.Meetings.Add(new Meeting { Project = projects[12], Kind = MeetingKind.Status, Title = "Driftsmøte delprosjekt 13", StartUtc = factory.UtcNow.AddHours(3), EndUtc = factory.UtcNow.AddHours(4), CustomerVisible = true });
            await db.SaveChangesAsync();
        }

        return new Seeded(
            await db.Projects.CountAsync(p => p.Customers.Any(c => c.CustomerId == sorFron)),
            await db.CloudQueue.CountAsync(q => q.StartedUtc == null && !q.Project!.Name.StartsWith("Sør-Fron delprosjekt")),
            "Sør-Fron delprosjekt 07", "Sør-Fron delprosjekt 08", "Sør-Fron delprosjekt 13", "Driftsmøte delprosjekt 13");
    });

    private static List<IElement> Cards(IHtmlDocument page) => [.. page.QuerySelectorAll("section.card[aria-labelledby^='project-']")];

    private static string Name(IElement card) => card.QuerySelector("h2")!.TextContent.Trim();

    /// <summary>The phase number a card shows ("2. Oppsett").</summary>
    private static int PhaseOf(IElement card) => int.Parse(card.QuerySelector("p strong")!.TextContent.Split('.')[0], System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_customer_with_many_projects_gets_ten_cards_a_page_active_phases_first_with_the_count_and_a_pager()
    {
        var seeded = await SeedAsync();
        Assert.InRange(seeded.Total, 14, 20);
        using var kari = await factory.LoginAsync(Demo.SorFronContact);

        var (status, first) = await kari.GetPageAsync("/my");
        var (_, second) = await kari.GetPageAsync("/my?page=2");

        Assert.Equal(HttpStatusCode.OK, status);
        var one = Cards(first);
        var two = Cards(second);
        Assert.Equal(10, one.Count);
        Assert.Equal(seeded.Total - 10, two.Count);
        var all = one.Concat(two).ToList();
        Assert.Equal(seeded.Total, all.Select(Name).Distinct().Count());
        var phases = all.Select(PhaseOf).ToList();
        Assert.Equal(phases.Order(), phases);
        Assert.Equal(Enumerable.Range(1, 13).Select(i => $"Sør-Fron delprosjekt {i:D2}"), all.Select(Name).Where(n => n.StartsWith("Sør-Fron delprosjekt", StringComparison.Ordinal)).Order(StringComparer.Ordinal));

        Assert.Equal($"Dine prosjekter ({seeded.Total}) · viser 1–10", first.QuerySelector("#my-projects-count")!.TextContent.Trim());
        Assert.Equal($"Dine prosjekter ({seeded.Total}) · viser 11–{seeded.Total}", second.QuerySelector("#my-projects-count")!.TextContent.Trim());
        Assert.Equal("/my?page=2", first.QuerySelector("nav[aria-label='Sider med prosjekter'] a[rel=next]")!.GetAttribute("href"));
        Assert.Equal("/my?page=1", second.QuerySelector("nav[aria-label='Sider med prosjekter'] a[rel=prev]")!.GetAttribute("href"));
        Assert.Null(second.QuerySelector("nav[aria-label='Sider med prosjekter'] a[rel=next]"));

        // A page that is not a page number shows the first.
        var (_, odd) = await kari.GetPageAsync("/my?page=abc");
        Assert.Equal(one.Select(Name), Cards(odd).Select(Name));
    }

    [Fact]
    public async Task The_cards_on_a_page_carry_their_queue_place_checklist_and_wheel_and_the_next_meetings_span_every_page()
    {
        var seeded = await SeedAsync();
        using var kari = await factory.LoginAsync(Demo.SorFronContact);

        var (_, first) = await kari.GetPageAsync("/my");
        var (_, second) = await kari.GetPageAsync("/my?page=2");
        var all = Cards(first).Concat(Cards(second)).ToDictionary(Name);

        // Places over the whole queue: both behind what waited before, the one queued first ahead on a shared place.
        Assert.Contains($"nummer {seeded.Waiting + 1} i sky-køen", all[seeded.FirstQueued].TextContent, StringComparison.Ordinal);
        Assert.Contains($"nummer {seeded.Waiting + 2} i sky-køen", all[seeded.SecondQueued].TextContent, StringComparison.Ordinal);

        // The project in operation comes last, on page 2, with its checklist item and its wheel; page 1 has no wheel.
        Assert.Contains(Cards(second), c => Name(c) == seeded.Operating);
        var operating = all[seeded.Operating];
        Assert.Contains("Tilgang til driftsmiljøet", operating.TextContent, StringComparison.Ordinal);
        Assert.Equal(Cards(second).Count(c => PhaseOf(c) == (int)Phase.Operations), second.QuerySelectorAll("svg.wheel").Length);
        Assert.NotNull(operating.QuerySelector("svg.wheel"));
        Assert.Empty(first.QuerySelectorAll("svg.wheel"));
        Assert.Contains("Steg for delprosjekt 13", operating.TextContent, StringComparison.Ordinal);

        // The next meetings are the customer's, over every page: the operating project's meeting shows on page 1 too.
        Assert.Contains(seeded.MeetingTitle, first.QuerySelector("#meetings-heading")!.ParentElement!.TextContent, StringComparison.Ordinal);
    }
}
