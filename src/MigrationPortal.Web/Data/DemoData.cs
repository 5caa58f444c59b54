using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Localization;

namespace MigrationPortal.Web.Data;

/// <summary>
/// Reference data every installation needs (roles, products, step templates) and the demo customers,
/// projects and users of the embedded default. Demo dates are relative to today, so the demo always
/// looks like a portal in use. Both seeds are idempotent: they run at every start and add only what is missing.
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

    public async Task SeedReferenceDataAsync(CancellationToken ct = default)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        var products = await db.Products.ToListAsync(ct);
        foreach (var (code, name, description) in new[]
        {
            ("websak", "WebSak", "Sak- og arkivsystem med saksbehandlerklienten WebSak+"),
            ("forms", "Skjemaverktøy", "Digitale skjema for innbyggere og næringsliv"),
            ("fokus", "FOKUS", "Den gamle saksbehandlerklienten; erstattes av WebSak+ (selges ikke lenger)"),
        })
        {
            if (products.All(p => p.Code != code))
            {
                var p = new Product { Code = code, Name = name, Description = description, IsActive = code != "fokus" };
                db.Products.Add(p);
                products.Add(p);
            }
        }

        await db.SaveChangesAsync(ct);

        // Rows written before search folding existed get their search text once.
        foreach (var c in await db.Customers.Where(c => c.SearchText == string.Empty).ToListAsync(ct))
        {
            c.UpdateSearchText();
        }

        foreach (var p in await db.Projects.Where(p => p.SearchText == string.Empty).ToListAsync(ct))
        {
            p.SearchText = SearchFold.Fold(p.Name);
        }

        foreach (var u in await db.Users.Where(u => u.SearchText == string.Empty).ToListAsync(ct))
        {
            u.UpdateSearchText();
        }

        if (!await db.VendorSettings.AnyAsync(ct))
        {
            db.VendorSettings.Add(new VendorSettings { ProjectStartsPerMonth = 2 });
        }

        await db.SaveChangesAsync(ct);
        var existing = await db.StepTemplates.Select(t => new { t.ProductId, t.Key }).ToListAsync(ct);
        foreach (var product in products.Where(p => p.Code is "websak" or "forms"))
        {
            foreach (var t in Templates(product.Code))
            {
                if (!existing.Any(e => e.ProductId == product.Id && e.Key == t.Key))
                {
                    db.StepTemplates.Add(new StepTemplate
                    {
                        ProductId = product.Id, Key = t.Key, Phase = t.Phase, Title = t.Title, Description = t.Description,
                        Responsible = t.Responsible, CustomerVisible = t.Visible, OffsetDays = t.Offset, DurationDays = t.Duration, SortOrder = t.Order,
                        DependsOnKeys = t.Depends, Milestone = t.Milestone, RequiresInstalled = t.Requires, Required = t.Required,
                    });
                }
            }
        }

        await db.SaveChangesAsync(ct);
    }

    private sealed record T(string Key, Phase Phase, int Order, string Title, string? Description, ResponsibleParty Responsible, int Offset, int Duration,
        bool Visible = true, string? Depends = null, MilestoneKind? Milestone = null, string? Requires = null, bool Required = true);

    /// <summary>The journey of DOMAIN.md per product; shared keys make one step in a project with both products.</summary>
    private static IEnumerable<T> Templates(string productCode)
    {
        const ResponsibleParty V = ResponsibleParty.Vendor, C = ResponsibleParty.Customer;
        yield return new("intake.initial-meeting", Phase.Intake, 10, "Innledende møte", "Første møte om behov og skydrift.", V, 0, 1);
        yield return new("intake.follow-up", Phase.Intake, 20, "Oppfølgingsmøte", "Avklaringer etter innledende møte.", V, 14, 1);
        yield return new("intake.mapping", Phase.Intake, 30, "Kartlegging", "Behov, hvorfor skydrift, interne ressurser, oppstart.", C, 14, 21);
        yield return new("intake.offer", Phase.Intake, 40, "Tilbud", "Prisoverslag, årlige kostnader og tidsramme.", V, 35, 14);
        yield return new("intake.contract", Phase.Intake, 50, "Aksept av tilbudet", "Kunden aksepterer tilbudet i portalen; avtalen forsegles av leverandøren.", C, 49, 14);
        yield return new(PlanKeys.ProjectPlan, Phase.Setup, 10, "Detaljert prosjektplan", "Planen med alle aktiviteter sendes kunden.", V, 63, 5);
        yield return new(PlanKeys.Kickoff, Phase.Setup, 20, "Oppstartsmøte", "En til to timer med agenda; fast kontaktperson presenteres.", V, 70, 1, Depends: PlanKeys.ProjectPlan, Milestone: MilestoneKind.Kickoff);
        yield return new(PlanKeys.Access, Phase.Setup, 30, "Tilgang til programvaren", "Kundens IT gir tilgang til alt som skal flyttes (se sjekklisten).", C, 71, 14, Depends: PlanKeys.Kickoff);
        yield return new("setup.servers", Phase.Setup, 40, "Etablering av servere", "Leverandøren setter opp serverne i skyen.", V, 71, 14, Visible: false, Depends: PlanKeys.Kickoff);
        if (productCode == "websak")
        {
            yield return new("setup.migration-websak", Phase.Setup, 50, "Migrering av WebSak-data", "Dataene løftes til skyen.", V, 85, 21, Depends: "setup.access,setup.servers");
            yield return new("setup.test-database", Phase.Setup, 60, "Testdatabase", "Kopi av produksjonsbasen oppgraderes og konfigureres til ny versjon.", V, 106, 7, Depends: "setup.migration-websak");
            yield return new("setup.test-clients", Phase.Setup, 70, "Testklienter", "Egne terminalservere for testperioden: to versjoner kan ikke kjøre på samme klient.", V, 85, 14, Depends: "setup.servers");
        }
        else
        {
            yield return new("setup.migration-forms", Phase.Setup, 55, "Migrering av skjema", "Skjemaene flyttes til skyen.", V, 85, 14, Depends: "setup.access,setup.servers");
        }

        yield return new(PlanKeys.Testing, Phase.Setup, 80, "Test hos kunden", "Brukerne tester uten nedetid; produksjon går som før.", C, 113, 28,
            Depends: "setup.test-database,setup.test-clients,setup.migration-forms", Milestone: MilestoneKind.TestStart);
        yield return new(PlanKeys.TestSignOff, Phase.Setup, 85, "Godkjenning av test", "Kunden godkjenner testen i portalen.", C, 141, 2, Depends: PlanKeys.Testing, Milestone: MilestoneKind.TestSignOff);
        yield return new(PlanKeys.Training, Phase.Setup, 90, "Opplæring", "Tilpasset: hos kunden, hos oss, digitalt eller video.", V, 113, 21,
            Depends: "setup.test-clients,setup.migration-forms", Milestone: MilestoneKind.TrainingDone);
        if (productCode == "websak")
        {
            yield return new(PlanKeys.Upgrade, Phase.GoLive, 10, "Oppgradering av WebSak", "Eksisterende WebSak-kunder oppgraderes til påkrevd versjon.", V, 143, 3,
                Depends: PlanKeys.TestSignOff, Requires: "websak");
            yield return new(PlanKeys.WebSakPlus, Phase.GoLive, 20, "FOKUS fases ut, WebSak+ rulles ut", "Den gamle FOKUS-klienten erstattes av WebSak+.", V, 143, 7,
                Depends: $"{PlanKeys.TestSignOff},{PlanKeys.Training}", Requires: "fokus");
        }

        yield return new(PlanKeys.Cutover, Phase.GoLive, 30, "Første produksjonsdag", "Teknisk overgang utenom arbeidstid.", V, 150, 1,
            Depends: $"{PlanKeys.TestSignOff},{PlanKeys.Training},{PlanKeys.Upgrade},{PlanKeys.WebSakPlus}", Milestone: MilestoneKind.GoLive);
        yield return new(PlanKeys.FollowUp, Phase.GoLive, 40, "Tett oppfølging", "De første ukene etter produksjonssetting.", V, 151, 28, Depends: PlanKeys.Cutover, Milestone: MilestoneKind.FollowUpEnd);
        yield return new(PlanKeys.Handover, Phase.GoLive, 50, "Overlevering til skysenteret", "Når kunden føler seg trygg.", V, 179, 1, Depends: PlanKeys.FollowUp, Milestone: MilestoneKind.Handover);
        yield return new("ops.annual-wheel", Phase.Operations, 10, "Årshjul avtalt", "Statusmøter, oppgraderinger og arrangementer.", V, 180, 14, Depends: PlanKeys.Handover, Required: false);
        yield return new("ops.status-meeting", Phase.Operations, 20, "Første årlige statusmøte", null, V, 365, 1, Required: false);
    }

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

    /// <summary>
    /// Phases 2-3 as they would have happened: each signed project's transitions so far, and the migration checklist of
    /// two projects (Gudbrandsdalen on time, Vestland with the customer's IT late on access).
    /// </summary>
    private void SeedPhaseTwo(DateOnly today, Dictionary<string, Product> products, Project[] signed, Project gudbrandsdalen, Project vestland, Contact itContact)
    {
        var at = clock.GetUtcNow().UtcDateTime;
        foreach (var p in signed)
        {
            var started = (p.PlannedStart ?? today).ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc).AddDays(60);
            var moves = new[] { (Phase.Intake, Phase.Setup, PhaseTransitionKind.Acceptance, 0), (Phase.Setup, Phase.GoLive, PhaseTransitionKind.TestSignOff, 80), (Phase.GoLive, Phase.Operations, PhaseTransitionKind.Handover, 130) };
            foreach (var (from, to, kind, days) in moves.Where(m => m.Item2 <= p.Phase))
            {
                db.PhaseTransitions.Add(new PhaseTransition { ProjectId = p.Id, From = from, To = to, Kind = kind, AtUtc = started.AddDays(days) < at ? started.AddDays(days) : at, UserName = "MigrationPortal" });
            }
        }

        // The demo speaks Bokmål, like its customers.
        string T(string key)
        {
            using var _ = new CultureScope("nb-NO");
            return l[key].Value;
        }
        foreach (var (project, codes, late) in new[] { (gudbrandsdalen, new[] { "websak", "forms" }, false), (vestland, new[] { "websak", "forms" }, true) })
        {
            var items = MigrationChecklist.Standard(codes.Where(products.ContainsKey).ToList(), project.PlannedStart ?? today, T).ToList();
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                item.ProjectId = project.Id;
                if (!late && i < 3)
                {
                    item.SetStatus(ChecklistStatus.Done, at.AddDays(-20 + i), itContact.Name);
                }

                if (late && item.Owner == ResponsibleParty.Customer && item.Category == ChecklistCategory.Access)
                {
                    item.Due = today.AddDays(-10);
                }
                else if (item.Status == ChecklistStatus.Open && item.Due < today)
                {
                    item.Due = today.AddDays(7 + i);
                }

                db.ChecklistItems.Add(item);
            }
        }
    }

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

    /// <summary>Leads, a submitted mapping and offers in every state, so the sales side of the demo tells its story too.</summary>
    private async Task SeedPhaseOneAsync(
        DateOnly today, PortalUser sales, Dictionary<string, Product> products, Project tromso, Project kystverket, Project gudbrandsdalen, Project vestland, Project vefsn,
        Contact kari, Contact sigrid, Contact ase, Customer hae, Customer fjellstol, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var lead1 = new Lead { CustomerId = hae.Id, Source = LeadSource.CustomerInquiry, OwnerUserId = sales.Id, Notes = "Ringte etter brukerseminaret; vil vite mer om skydrift av WebSak.", CreatedUtc = now.AddDays(-6) };
        lead1.Products.Add(new LeadProduct { ProductId = products["websak"].Id });
        var lead2 = new Lead
        {
            CustomerId = fjellstol.Id, Source = LeadSource.PublicTender, TenderReference = "2026-448812", TenderDeadline = today.AddDays(20), OwnerUserId = sales.Id,
            Notes = "Anbud på digitale skjema for kundeservice.", CreatedUtc = now.AddDays(-2),
        };
        lead2.Products.Add(new LeadProduct { ProductId = products["forms"].Id });
        db.Leads.AddRange(lead1, lead2);

        db.Questionnaires.Add(new MappingQuestionnaire
        {
            ProjectId = tromso.Id, Needs = "Sak- og arkivsystem for om lag 4 000 ansatte, med eInnsyn og SvarUt.", WhyCloud = "Færre egne servere og raskere oppgraderinger.",
            InternalResources = "To arkivarer og én IT-ressurs i 20 %.", HelpNeeded = "Migrering, testklienter og opplæring av superbrukere.", PreferredStart = "Tidlig 2027",
            WantsMoreMeetings = false, NeedsMappingProject = false, Status = QuestionnaireStatus.Submitted, SubmittedUtc = now.AddDays(-8), SubmittedBy = "Per Hansen",
        });
        await db.SaveChangesAsync(ct);

        var year = today.Year;
        var number = 0;
        async Task<OfferRevision> OfferAsync(Project project, OfferStatus status, int sentDaysAgo, Contact? acceptedBy = null)
        {
            using var scope = new Infrastructure.Localization.CultureScope("nb-NO");
            var projectProducts = await db.ProjectProducts.Where(pp => pp.ProjectId == project.Id).Select(pp => pp.Product!).ToListAsync(ct);
            var offer = new Offer { ProjectId = project.Id, Number = $"T-{year}-{++number:D4}", CreatedUtc = now.AddDays(-sentDaysAgo - 2) };
            var r = OfferDefaults.NewDraft(project.Name, projectProducts, "nb-NO", queueWaiting: 1, today, new DateOnly(today.Year, today.Month, 1).AddMonths(1), sales.Id, offer.CreatedUtc,
                key => l[key]);
            r.ValidUntil = today.AddDays(OfferDefaults.ValidDays - sentDaysAgo);
            offer.Revisions.Add(r);
            db.Offers.Add(offer);
            await db.SaveChangesAsync(ct);
            if (status != OfferStatus.Draft)
            {
                r.Status = OfferStatus.Sent;
                r.SentUtc = now.AddDays(-sentDaysAgo);
                await db.SaveChangesAsync(ct);
                r.PdfContent = await offerPdf.RenderAsync(r.Id, ct);
                r.PdfSha256 = OfferRevision.Sha256(r.PdfContent);
                if (acceptedBy is not null)
                {
                    r.Status = OfferStatus.Accepted;
                    r.AcceptedByContactId = acceptedBy.Id;
                    r.AcceptedByName = acceptedBy.Name;
                    r.AcceptedUtc = now.AddDays(-sentDaysAgo + 5);
                    r.AcceptedFromIp = "192.0.2.10";
                    r.AcceptedUserAgent = "Demo";
                }

                await db.SaveChangesAsync(ct);
            }

            return r;
        }

        await OfferAsync(gudbrandsdalen, OfferStatus.Accepted, 110, kari);
        await OfferAsync(vestland, OfferStatus.Accepted, 120, ase);
        await OfferAsync(vefsn, OfferStatus.Accepted, 70, sigrid);
        await OfferAsync(tromso, OfferStatus.Sent, 3);
        await OfferAsync(kystverket, OfferStatus.Draft, 0);

        // Projects already under way have left the queue; Vefsn waits for its start.
        db.CloudQueue.Add(new CloudQueueEntry { ProjectId = gudbrandsdalen.Id, Position = 0, QueuedUtc = now.AddDays(-100), StartedUtc = now.AddDays(-90) });
        db.CloudQueue.Add(new CloudQueueEntry { ProjectId = vestland.Id, Position = 0, QueuedUtc = now.AddDays(-110), StartedUtc = now.AddDays(-100) });
        db.CloudQueue.Add(new CloudQueueEntry { ProjectId = vefsn.Id, Position = 1, QueuedUtc = now.AddDays(-65) });
        await db.SaveChangesAsync(ct);
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
