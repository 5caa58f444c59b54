using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Domain;

namespace MigrationPortal.Web.Data;

/// <summary>The demo's sales side (phase 1): leads, a submitted mapping, offers in every state and the cloud queue.</summary>
public sealed partial class DemoData
{
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
}
