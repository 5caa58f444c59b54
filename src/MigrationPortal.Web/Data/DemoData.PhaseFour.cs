using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Localization;

namespace MigrationPortal.Web.Data;

/// <summary>The demo's phase 4, operations: status month, releases, events, news and the customer centre.</summary>
public sealed partial class DemoData
{
    /// <summary>
    /// Operations, for Ålesund (in operation, with Ragnhild Strømme's login): its status month (the annual-wheel job plans
    /// the meetings at start), the upgrade it had at go-live, two coming releases, the user seminar and FAGdagene with
    /// invited customers and a registration, news on the cloud page and how to reach the customer centre.
    /// </summary>
    private async Task SeedPhaseFourAsync(DateOnly today, Dictionary<string, Product> products, Customer alesund, Customer[] invited, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        DateTime At(DateOnly day, int hour) => Display.FromOslo(day.ToDateTime(new TimeOnly(hour, 0)));
        var websak = products["websak"].Id;

        alesund.StatusMeetingMonth = today.AddMonths(2).Month;
        var installed = alesund.InstalledProducts.Single(p => p.ProductId == websak);
        db.CustomerUpgrades.Add(new CustomerUpgrade { CustomerId = alesund.Id, ProductId = websak, FromVersion = installed.Version, ToVersion = "2026.1", Date = today.AddDays(-150) });
        installed.Version = "2026.1";

        db.UpgradeReleases.AddRange(
            new UpgradeRelease
            {
                ProductId = websak, ProductVersion = "2026.3", Size = ReleaseSize.Small, PlannedDate = WeekdayOnOrAfter(today.AddDays(12)),
                Description = "Retting av feil i utsending via SvarUt og raskere søk i arkivet.", InfoUrl = "https://leverandor.example/websak/2026-3", CreatedUtc = now.AddDays(-20),
            },
            new UpgradeRelease
            {
                ProductId = websak, ProductVersion = "2027.2", Size = ReleaseSize.Large, PlannedDate = WeekdayOnOrAfter(today.AddDays(62)),
                Description = "Ny saksoversikt i WebSak+, bedre eInnsyn-publisering og støtte for Noark 5.5.", InfoUrl = "https://leverandor.example/websak/2027-2",
                WebinarUtc = At(WeekdayOnOrAfter(today.AddDays(40)), 13), WebinarUrl = "https://leverandor.example/webinar/websak-2027-2", CreatedUtc = now.AddDays(-5),
            });

        var seminarDay = WeekdayOnOrAfter(today.AddDays(75));
        var seminar = new PortalEvent
        {
            Kind = PortalEventKind.UserSeminar, Title = $"Brukerseminaret {seminarDay.Year}", StartUtc = At(seminarDay, 9), EndUtc = At(seminarDay.AddDays(1), 15),
            Place = "Scandic Parken, Ålesund", Capacity = 120, RegistrationDeadline = seminarDay.AddDays(-21), CreatedUtc = now.AddDays(-10),
            Programme = "**Dag 1**\n\n- Nyheter i WebSak 2027.2\n- Kundene forteller: ett år i skyen\n- Felles middag\n\n**Dag 2**\n\n- Arkiv og eInnsyn i praksis\n- Veikart og spørsmål",
        };
        var fagDay = WeekdayOnOrAfter(today.AddDays(150));
        var fagdagene = new PortalEvent
        {
            Kind = PortalEventKind.ProfessionalDays, Title = $"FAGdagene {fagDay.Year}", StartUtc = At(fagDay, 10), EndUtc = At(fagDay, 16),
            Place = "Digitalt (Teams)", Capacity = 60, RegistrationDeadline = fagDay.AddDays(-7), CreatedUtc = now.AddDays(-3),
            Programme = "Fagdag for arkivarer og saksbehandlere: journalføring, skjerming og gode arbeidsvaner i WebSak+.",
        };
        foreach (var customer in invited)
        {
            seminar.Invitations.Add(new EventInvitation { CustomerId = customer.Id, SentUtc = now.AddDays(-10) });
        }

        fagdagene.Invitations.Add(new EventInvitation { CustomerId = alesund.Id, SentUtc = now.AddDays(-3) });
        db.Events.AddRange(seminar, fagdagene);
        await db.SaveChangesAsync(ct);
        var ragnhild = alesund.Contacts.Single();
        db.EventRegistrations.Add(new EventRegistration { EventId = seminar.Id, ContactId = ragnhild.Id, Name = ragnhild.Name, Status = RegistrationStatus.Registered, RegisteredUtc = now.AddDays(-8) });

        db.CloudNews.AddRange(
            new CloudNewsItem
            {
                Title = "Planlagt vedlikehold", PublishedUtc = now.AddDays(-2),
                Markdown = "Skyplattformen får sikkerhetsoppdateringer **natt til søndag** kl. 01–05. WebSak kan være utilgjengelig i korte perioder.",
            },
            new CloudNewsItem
            {
                Title = "Opptak fra webinaret om eInnsyn", PublishedUtc = now.AddDays(-14),
                Markdown = "Gikk du glipp av webinaret? Se [opptaket](https://leverandor.example/webinar/einnsyn) og last ned lysarkene.",
            });

        var settings = await db.VendorSettings.FirstAsync(ct);
        settings.CustomerCentrePhone ??= "+47 70 00 00 00";
        settings.CustomerCentreEmail ??= "kundesenter@leverandor.example";
        settings.CustomerCentreHours ??= "Hverdager 08.00–16.00";
    }

    private static DateOnly WeekdayOnOrAfter(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Saturday => day.AddDays(2),
        DayOfWeek.Sunday => day.AddDays(1),
        _ => day,
    };
}
