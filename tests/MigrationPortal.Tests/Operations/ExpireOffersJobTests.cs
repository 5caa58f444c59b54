using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MigrationPortal.Tests.Infrastructure;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Features.Offers;

namespace MigrationPortal.Tests.Operations;

/// <summary>The expiry job on its own factory: it moves the clock past the Tromsø offer's validity.</summary>
[Trait(Suite.Name, Suite.Integration)]
public sealed class ExpireOffersJobTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task RunAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ExpireOffersJob>().RunAsync(CancellationToken.None);
    }

    private Task<OfferRevision> TromsoOfferAsync() => factory.WithDbAsync(db =>
        db.OfferRevisions.AsNoTracking().Include(r => r.Offer).SingleAsync(r => r.Offer!.Project!.Name.StartsWith("Tromsø") && r.Status != OfferStatus.Draft));

    [Fact]
    public async Task A_sent_offer_past_its_date_is_expired_once_audited_and_can_no_longer_be_accepted()
    {
        var before = await TromsoOfferAsync();
        Assert.Equal(OfferStatus.Sent, before.Status);

        // On its last valid day nothing happens.
        factory.Clock.Advance(TimeSpan.FromDays(before.ValidUntil.DayNumber - factory.Today.DayNumber));
        await RunAsync();
        Assert.Equal(OfferStatus.Sent, (await TromsoOfferAsync()).Status);

        // The next night it expires, and the offer row's version moves with it.
        factory.Clock.Advance(TimeSpan.FromDays(1));
        await RunAsync();
        await RunAsync();
        var after = await TromsoOfferAsync();
        Assert.Equal(OfferStatus.Expired, after.Status);
        Assert.Equal(before.Version + 1, after.Version);
        Assert.Equal(before.Offer!.Version + 1, after.Offer!.Version);
        var audit = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(OfferRevision) && a.EntityId == before.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) && a.Property == "Status").ToListAsync());
        Assert.Single(audit, a => a is { OldValue: "Sent", NewValue: "Expired" });

        using var ellen = await factory.LoginAsync(Demo.TromsoSigner);
        var accept = await ellen.PostFormAsync($"/offers/{before.Id}/accept", new() { ["fullName"] = "Ellen Aslaksen", ["confirm"] = "true" });
        var (_, page) = await ellen.GetPageAsync($"/offers/{before.Id}");

        Assert.Equal(HttpStatusCode.Redirect, accept.StatusCode);
        Assert.Equal(OfferStatus.Expired, (await TromsoOfferAsync()).Status);
        Assert.Null((await TromsoOfferAsync()).AcceptedUtc);
        Assert.Contains("utløpt", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form[action$='/accept']"));
    }
}
