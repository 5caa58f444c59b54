using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Localization;

namespace MigrationPortal.Web.Data;

/// <summary>
/// Reference data every installation needs (roles, products, step templates) and the demo customers,
/// projects and users of the embedded default. Demo dates are relative to today, so the demo always
/// looks like a portal in use. Both seeds are idempotent: they run at every start and add only what is missing.
/// The parts live beside this file: the reference data, and the demo's phase 1, phases 2-3 and phase 4.
/// </summary>
public sealed partial class DemoData(
    PortalDb db,
    UserManager<PortalUser> users,
    RoleManager<IdentityRole> roles,
    TimeProvider clock,
    ILogger<DemoData> logger,
    Infrastructure.Pdf.IOfferDocument offerPdf,
    Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> l)
{
    public const string DemoPassword = "Skydrift-demo-2026";

    public static readonly IReadOnlyList<(string Email, string Name, string Role)> StaffUsers =
    [
        ("admin@leverandor.example", "Ingrid Haugen", Roles.Admin),
        ("salg@leverandor.example", "Lars Bakke", Roles.Sales),
        ("prosjektleder@leverandor.example", "Marte Solberg", Roles.ProjectLead),
        ("prosjektleder2@leverandor.example", "Jonas Åsheim", Roles.ProjectLead),
        ("skysenter@leverandor.example", "Siri Ødegård", Roles.CloudCenter),
    ];

    /// <summary>The demo contacts who get a login, by e-mail.</summary>
    public static readonly IReadOnlyList<string> CustomerLogins =
    [
        "kari.nordmann@sor-fron.kommune.example", "per.hansen@tromso.kommune.example", "ellen.aslaksen@tromso.kommune.example",
        "ase.kvale@vestlandfylke.example", "thomas.gronli@baerum.kommune.example", "ragnhild.stromme@alesund.kommune.example",
    ];

    public async Task SeedAsync(bool printLogins, CancellationToken ct = default)
    {
        if (await db.Customers.AnyAsync(ct))
        {
            return;
        }

        // All or nothing: a seed that fails halfway must not leave a database the guard above would skip forever.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        var today = Display.TodayInOslo(clock);
        var staff = new Dictionary<string, PortalUser>(StringComparer.Ordinal);
        foreach (var (email, name, role) in StaffUsers)
        {
            staff[email] = await CreateUserAsync(email, name, role, customerId: null);
        }

        static Customer C(string name, string org, CustomerType type, string street, string postal, string city) =>
            new() { Name = name, OrgNumber = org, Type = type, StreetAddress = street, PostalCode = postal, City = city };
        var sorFron = C("Sør-Fron kommune", "938821003", CustomerType.Municipality, "Kongsvegen 325", "2647", "Sør-Fron");
        var nordFron = C("Nord-Fron kommune", "940011000", CustomerType.Municipality, "Nedregate 60", "2640", "Vinstra");
        var ringebu = C("Ringebu kommune", "964121001", CustomerType.Municipality, "Ringebuvegen 1", "2630", "Ringebu");
        var tromso = C("Tromsø kommune", "971141018", CustomerType.Municipality, "Rådhusgata 2", "9008", "Tromsø");
        var baerum = C("Bærum kommune", "945231009", CustomerType.Municipality, "Arnold Haukelands plass 10", "1338", "Sandvika");
        var alesund = C("Ålesund kommune", "975301001", CustomerType.Municipality, "Keiser Wilhelms gate 11", "6003", "Ålesund");
        var vestland = C("Vestland fylkeskommune", "988111007", CustomerType.County, "Agnes Mowinckels gate 5", "5008", "Bergen");
        var kystverket = C("Kystverket", "922071004", CustomerType.OtherPublicBody, "Kongsbakken 2", "6002", "Ålesund");
        var fjellstol = C("Fjellstøl Kraft AS", "933401006", CustomerType.Private, "Øyraveien 14", "6887", "Lærdal");
        var hae = C("Hægebostad kommune", "974191008", CustomerType.Municipality, "Kyrkjebygdveien 18", "4595", "Tingvatn");
        var vefsn = C("Vefsn kommune", "944561005", CustomerType.Municipality, "Kirkegata 2", "8656", "Mosjøen");
        Customer[] all = [sorFron, nordFron, ringebu, tromso, baerum, alesund, vestland, kystverket, fjellstol, hae, vefsn];
        db.Customers.AddRange(all);

        sorFron.Contacts.Add(new Contact { Name = "Kari Nordmann", Title = "Arkivleder", Email = "kari.nordmann@sor-fron.kommune.example", Phone = "+47 61 29 00 00", HasSigningAuthority = true });
        sorFron.Contacts.Add(new Contact { Name = "Øystein Brå", Title = "IT-ansvarlig", Email = "oystein.bra@sor-fron.kommune.example" });
        nordFron.Contacts.Add(new Contact { Name = "Liv Mæhlum", Title = "Kommunalsjef", Email = "liv.maehlum@nord-fron.kommune.example", HasSigningAuthority = true });
        ringebu.Contacts.Add(new Contact { Name = "Håkon Sæther", Title = "Arkivar", Email = "hakon.saether@ringebu.kommune.example" });
        tromso.Contacts.Add(new Contact { Name = "Per Hansen", Title = "Fagleder dokumentasjon", Email = "per.hansen@tromso.kommune.example", Phone = "+47 77 79 00 00" });
        tromso.Contacts.Add(new Contact { Name = "Ellen Aslaksen", Title = "Rådmann", Email = "ellen.aslaksen@tromso.kommune.example", HasSigningAuthority = true });
        baerum.Contacts.Add(new Contact { Name = "Thomas Grønli", Title = "Digitaliseringsrådgiver", Email = "thomas.gronli@baerum.kommune.example", HasSigningAuthority = true });
        alesund.Contacts.Add(new Contact { Name = "Ragnhild Strømme", Title = "Arkivleder", Email = "ragnhild.stromme@alesund.kommune.example", HasSigningAuthority = true });
        vestland.Contacts.Add(new Contact { Name = "Åse Kvåle", Title = "Seksjonsleiar arkiv", Email = "ase.kvale@vestlandfylke.example", HasSigningAuthority = true });
        kystverket.Contacts.Add(new Contact { Name = "Bjørn Løvås", Title = "IKT-sjef", Email = "bjorn.lovas@kystverket.example", HasSigningAuthority = true });
        fjellstol.Contacts.Add(new Contact { Name = "Gunn Ødegården", Title = "Dagleg leiar", Email = "gunn@fjellstol.example", HasSigningAuthority = true });
        vefsn.Contacts.Add(new Contact { Name = "Sigrid Løkås", Title = "Arkivleder", Email = "sigrid.lokas@vefsn.kommune.example", HasSigningAuthority = true });
        await db.SaveChangesAsync(ct);

        var customerLogins = all.SelectMany(c => c.Contacts).Where(c => CustomerLogins.Contains(c.Email)).ToList();
        foreach (var contact in customerLogins)
        {
            var user = await CreateUserAsync(contact.Email, contact.Name, Roles.Customer, contact.CustomerId);
            contact.UserId = user.Id;
        }

        await db.SaveChangesAsync(ct);

        var products = await db.Products.ToDictionaryAsync(p => p.Code, ct);
        var templates = await db.StepTemplates.AsNoTracking().ToListAsync(ct);

        // The installed base decides the go-live steps: existing WebSak customers upgrade; FOKUS users move to WebSak+.
        foreach (var (customer, codes) in new (Customer, string[])[]
        {
            (sorFron, ["websak", "fokus"]), (nordFron, ["websak"]), (tromso, ["websak", "fokus"]), (alesund, ["websak"]), (vestland, ["websak", "fokus"]),
        })
        {
            customer.InstalledProducts.AddRange(codes.Select(code => new CustomerProduct { ProductId = products[code].Id, Version = code == "websak" ? "2022.3" : null }));
        }

        var lead1 = staff["prosjektleder@leverandor.example"];
        var lead2 = staff["prosjektleder2@leverandor.example"];
        var sales = staff["salg@leverandor.example"];
        var cloud = staff["skysenter@leverandor.example"];

        Project P(string name, Phase phase, PortalUser lead, int startDaysAgo, Customer[] customers, params string[] productCodes)
        {
            var start = today.AddDays(-startDaysAgo);
            var p = new Project
            {
                Name = name, Phase = phase, LeadUserId = lead.Id, PlannedStart = start, PlannedGoLive = start.AddDays(168),
                CreatedUtc = clock.GetUtcNow().UtcDateTime,
            };
            p.Customers.AddRange(customers.Select(c => new ProjectCustomer { CustomerId = c.Id }));
            p.Products.AddRange(productCodes.Select(code => new ProjectProduct { ProductId = products[code].Id }));
            var installed = customers.SelectMany(c => c.InstalledProducts).Select(i => products.Values.Single(x => x.Id == i.ProductId).Code).ToHashSet(StringComparer.Ordinal);
            ProjectPlan.AddFromTemplates(p, templates, installed, start, countFromFirst: false);
            foreach (var s in p.Steps)
            {
                var status = s.Phase < phase ? StepStatus.Done
                    : s.Phase > phase ? StepStatus.NotStarted
                    : s.Due < today ? StepStatus.Done
                    : s.PlannedStart <= today ? StepStatus.InProgress
                    : StepStatus.NotStarted;
                s.SetStatus(status, clock.GetUtcNow().UtcDateTime.AddDays(-Math.Max(0, today.DayNumber - (s.Due ?? today).DayNumber)));
                s.AssigneeUserId = s.Responsible == ResponsibleParty.Vendor ? lead.Id : null;
            }

            db.Projects.Add(p);
            return p;
        }

        var gudbrandsdalen = P("Gudbrandsdalen: WebSak og skjema i sky", Phase.Setup, lead1, 95, [sorFron, nordFron, ringebu], "websak", "forms");
        var tromsoProject = P("Tromsø kommune: WebSak til Skydrift", Phase.Intake, sales, 20, [tromso], "websak");
        var baerumProject = P("Bærum kommune: skjemaverktøy i sky", Phase.GoLive, lead2, 172, [baerum], "forms");
        var alesundProject = P("Ålesund kommune: Skydrift", Phase.Operations, cloud, 320, [alesund], "websak");
        var vestlandProject = P("Vestland fylkeskommune: WebSak og skjema", Phase.Setup, lead2, 100, [vestland], "websak", "forms");
        var kystverketProject = P("Kystverket: WebSak i sky", Phase.Intake, sales, 4, [kystverket], "websak");
        var vefsnProject = P("Vefsn kommune: WebSak i sky", Phase.Setup, lead1, 60, [vefsn], "websak");
        alesundProject.PlannedGoLive = today.AddDays(-150);

        // Vestland waits for its own IT: access to the software is blocked and two weeks late.
        var blocked = vestlandProject.Steps.Single(s => s.TemplateKey == "setup.access");
        blocked.SetStatus(StepStatus.Blocked, clock.GetUtcNow().UtcDateTime);
        blocked.Due = today.AddDays(-14);
        await db.SaveChangesAsync(ct);

        DateTime At(int days, int hour) => Display.FromOslo(today.AddDays(days).ToDateTime(new TimeOnly(hour, 0)));
        Meeting M(Project p, MeetingKind kind, string title, int days, int hour, int hours, string? place, string? agenda, string? minutes = null, bool visible = true)
        {
            var m = new Meeting
            {
                ProjectId = p.Id, Kind = kind, Title = title, StartUtc = At(days, hour), EndUtc = At(days, hour + hours),
                Location = place, Agenda = agenda, Minutes = minutes, CustomerVisible = visible,
            };
            db.Meetings.Add(m);
            return m;
        }

        var kickoff = M(gudbrandsdalen, MeetingKind.Kickoff, "Oppstartsmøte Gudbrandsdalen", -25, 10, 2, "Sør-Fron rådhus, Hundorp",
            "1. Presentasjon av prosjektet\n2. Prosjektplan og milepæler\n3. Tilganger og kontaktpersoner\n4. Veien videre",
            "Prosjektplanen ble gjennomgått. Kommunene gir tilgang innen to uker.");
        kickoff.Participants.Add(new MeetingParticipant { Name = "Kari Nordmann", ContactId = sorFron.Contacts[0].Id });
        kickoff.Participants.Add(new MeetingParticipant { Name = "Liv Mæhlum", ContactId = nordFron.Contacts[0].Id });
        kickoff.Participants.Add(new MeetingParticipant { Name = "Marte Solberg", UserId = lead1.Id });
        M(gudbrandsdalen, MeetingKind.Status, "Statusmøte migrering", 6, 13, 1, "Teams", "Status migrering og testplan");
        M(gudbrandsdalen, MeetingKind.Training, "Opplæring WebSak+ for superbrukere", 24, 9, 3, "Nord-Fron kommunehus, Vinstra", "Superbrukeropplæring");
        M(gudbrandsdalen, MeetingKind.Other, "Intern gjennomgang serveroppsett", 2, 14, 1, null, "Kun leverandør", visible: false);
        M(tromsoProject, MeetingKind.Initial, "Innledende møte Tromsø", -18, 10, 1, "Teams", "Behov og skydrift", "Kommunen ønsker skydrift fra neste år.");
        M(tromsoProject, MeetingKind.FollowUp, "Oppfølgingsmøte kartlegging", 5, 12, 1, "Rådhuset, Tromsø", "Gjennomgang av kartleggingen");
        M(baerumProject, MeetingKind.Status, "Go-live-sjekk", 3, 15, 1, "Teams", "Klarsignal for produksjonssetting");
        M(vestlandProject, MeetingKind.Status, "Statusmøte: tilgang mangler", 1, 9, 1, "Teams", "Tilganger, ny framdriftsplan");
        await db.SaveChangesAsync(ct);

        await SeedPhaseOneAsync(today, sales, products, tromsoProject, kystverketProject, gudbrandsdalen, vestlandProject, vefsnProject, sorFron.Contacts[0], vefsn.Contacts[0], vestland.Contacts[0], hae, fjellstol, ct);
        SeedPhaseTwo(today, products, [gudbrandsdalen, baerumProject, alesundProject, vestlandProject, vefsnProject], gudbrandsdalen, vestlandProject, sorFron.Contacts[1]);
        await db.SaveChangesAsync(ct);
        await SeedPhaseFourAsync(today, products, alesund, [alesund, sorFron, nordFron, ringebu, tromso, baerum, vestland], ct);
        await db.SaveChangesAsync(ct);

        await transaction.CommitAsync(ct);
        if (printLogins)
        {
            foreach (var (email, _, role) in StaffUsers)
            {
                LogLogin(logger, role, email, DemoPassword);
            }

            foreach (var c in customerLogins)
            {
                LogLogin(logger, Roles.Customer, c.Email, DemoPassword);
            }
        }
    }

    private async Task<PortalUser> CreateUserAsync(string email, string name, string role, int? customerId)
    {
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CustomerId = customerId };
        var result = await users.CreateAsync(user, DemoPassword);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo user {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }

        await users.AddToRoleAsync(user, role);
        return user;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo login ({Role}): {Email} / {Password}")]
    private static partial void LogLogin(ILogger logger, string role, string email, string password);
}
