using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Domain;

namespace MigrationPortal.Web.Data;

/// <summary>Reference data every installation needs: roles, products, vendor settings and the step templates of each product's journey.</summary>
public sealed partial class DemoData
{
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
}
