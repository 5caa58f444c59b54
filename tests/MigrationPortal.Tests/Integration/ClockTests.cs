using Microsoft.EntityFrameworkCore;
using MigrationPortal.Tests.Infrastructure;
using MigrationPortal.Web.Domain;

namespace MigrationPortal.Tests.Integration;

/// <summary>The app, its demo data and its audit read the time from the test's clock, never from the machine.</summary>
[Trait(Suite.Name, Suite.Integration)]
public sealed class ClockTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_demo_data_and_the_audit_are_dated_by_the_test_clock()
    {
        var demoCreated = await factory.WithDbAsync(db => db.Projects.MaxAsync(p => p.CreatedUtc));
        var leadsCreated = await factory.WithDbAsync(db => db.Leads.MaxAsync(l => l.CreatedUtc));

        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        var id = await factory.WithDbAsync(async db =>
        {
            var step = await db.Steps.OrderBy(s => s.Id).FirstAsync();
            step.Title += " (endret)";
            await db.SaveChangesAsync();
            return $"{step.Id}";
        });
        var auditedAt = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(Step) && a.EntityId == id).MaxAsync(a => a.AtUtc));

        Assert.Equal(PortalFactory.Instant.UtcDateTime, demoCreated);
        Assert.Equal(PortalFactory.Instant.UtcDateTime.AddDays(-2), leadsCreated);
        Assert.Equal(PortalFactory.Instant.UtcDateTime.AddMinutes(5), auditedAt);
        Assert.Equal(factory.UtcNow, auditedAt);
    }
}
