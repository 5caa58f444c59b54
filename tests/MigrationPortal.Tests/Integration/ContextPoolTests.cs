using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MigrationPortal.Tests.Infrastructure;
using MigrationPortal.Web.Data;

namespace MigrationPortal.Tests.Integration;

/// <summary>
/// The request's database context comes from a pool: each lease carries its own scope's audit actor and the app's clock,
/// and gives them back with the context, so nothing of one request's user stays on a context the next request gets.
/// </summary>
[Trait(Suite.Name, Suite.Integration)]
public sealed class ContextPoolTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Each_lease_has_its_scopes_actor_and_a_returned_context_keeps_none()
    {
        var leased = new List<PortalDb>();
        for (var i = 0; i < 6; i++)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDb>();
            Assert.Same(scope.ServiceProvider.GetRequiredService<IAuditActor>(), db.Actor);
            Assert.Same(factory.Clock, db.Clock);
            Assert.True(await db.Projects.AnyAsync());
            leased.Add(db);
        }

        // Given back: no actor left on any of them, and the pool handed the same contexts out again.
        Assert.All(leased, db => Assert.Null(db.Actor));
        Assert.True(leased.Distinct().Count() < leased.Count, "every scope got a new context: the pool is not in use");
    }
}
