using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MigrationPortal.Tests.Infrastructure;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Features.Reminders;

namespace MigrationPortal.Tests.Operations;

[Trait(Suite.Name, Suite.Integration)]
public sealed class RemindersJobTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task RunAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RemindersJob>().RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_customer_step_due_in_three_days_reminds_its_own_customers_contacts_once_a_day_and_offers_remind_sales()
    {
        var stepId = await factory.WithDbAsync(async db =>
        {
            var step = await db.Steps.Where(s => s.Project!.Name.StartsWith("Gudbrandsdalen") && s.Responsible == ResponsibleParty.Customer && s.CustomerVisible
                && s.Status != StepStatus.Done && s.Status != StepStatus.NotApplicable).OrderBy(s => s.Id).FirstAsync();
            step.Due = factory.Today.AddDays(RemindersJob.DaysAhead);
            var tromsoOffer = await db.OfferRevisions.SingleAsync(r => r.Offer!.Project!.Name.StartsWith("Tromsø") && r.Status == OfferStatus.Sent);
            tromsoOffer.ValidUntil = factory.Today.AddDays(5);
            await db.SaveChangesAsync();
            return step.Id;
        });

        await RunAsync();
        await RunAsync();

        var outbox = await factory.WithDbAsync(db => db.Outbox.AsNoTracking().Where(m => m.Kind == NotificationKind.Reminder).ToListAsync());
        var forStep = outbox.Where(m => m.Key.StartsWith($"reminder:step-due:{stepId}:2026-11-16:", StringComparison.Ordinal)).ToList();
        Assert.Contains(forStep, m => m.ToAddress == Demo.SorFronContact);
        Assert.All(forStep, m => Assert.Matches("@(sor-fron|nord-fron|ringebu)\\.kommune\\.example$|@leverandor\\.example$", m.ToAddress));
        Assert.Equal(outbox.Count, outbox.Select(m => m.Key).Distinct().Count());
        Assert.Single(forStep, m => m.ToAddress == Demo.SorFronContact);
        Assert.Contains("har frist", forStep[0].Subject, StringComparison.Ordinal);
        Assert.Contains(outbox, m => m.Key.StartsWith("reminder:offer-expires:", StringComparison.Ordinal) && m.ToAddress == Demo.Sales);

        // The next day is another reminder; the same day is not.
        var count = outbox.Count;
        factory.Clock.Advance(TimeSpan.FromDays(1));
        await RunAsync();
        var later = await factory.WithDbAsync(db => db.Outbox.AsNoTracking().Where(m => m.Kind == NotificationKind.Reminder).ToListAsync());
        Assert.True(later.Count > count);
        Assert.DoesNotContain(later, m => m.Key.StartsWith($"reminder:step-due:{stepId}:2026-11-17:", StringComparison.Ordinal));
    }
}
