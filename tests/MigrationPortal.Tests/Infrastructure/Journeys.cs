using System.Net;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Domain;

namespace MigrationPortal.Tests.Infrastructure;

/// <summary>Projects brought to a point of the journey the way people get them there: over HTTP.</summary>
public static class Journeys
{
    /// <summary>A fresh phase 1 project for Tromsø kommune (WebSak and FOKUS installed), with its intake steps only, as a converted lead has.</summary>
    public static Task<int> NewTromsoProjectAsync(PortalFactory factory) => factory.WithDbAsync(async db =>
    {
        var tromso = await db.Customers.SingleAsync(c => c.Name == "Tromsø kommune");
        var websak = await db.Products.SingleAsync(p => p.Code == "websak");
        var project = new Project { Name = $"Tromsø {Guid.NewGuid():N}", Phase = Phase.Intake, PlannedStart = factory.Today, CreatedUtc = factory.Clock.GetUtcNow().UtcDateTime };
        project.Customers.Add(new ProjectCustomer { CustomerId = tromso.Id });
        project.Products.Add(new ProjectProduct { ProductId = websak.Id });
        project.AddStepsFromTemplates(await db.StepTemplates.Where(t => t.ProductId == websak.Id && t.Phase == Phase.Intake).ToListAsync(), project.PlannedStart.Value);
        db.Projects.Add(project);
        await db.SaveChangesAsync();
        return project.Id;
    });

    /// <summary>Sales makes and sends the default offer; Ellen Aslaksen (signing authority) accepts it. Returns the project's id.</summary>
    public static async Task<int> AcceptedTromsoProjectAsync(PortalFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var project = await NewTromsoProjectAsync(factory);
        using var sales = await factory.LoginAsync(Demo.Sales);
        var created = await sales.PostFormAsync($"/projects/{project}/offers", []);
        var revision = int.Parse(created.Headers.Location!.ToString().Split('/')[2], System.Globalization.CultureInfo.InvariantCulture);
        var version = await factory.WithDbAsync(db => db.OfferRevisions.Where(r => r.Id == revision).Select(r => r.Version).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await sales.PostFormAsync($"/offers/{revision}/send", new() { ["version"] = $"{version}" })).StatusCode);
        using var ellen = await factory.LoginAsync(Demo.TromsoSigner);
        Assert.Equal(HttpStatusCode.Redirect, (await ellen.PostFormAsync($"/offers/{revision}/accept", new() { ["fullName"] = "Ellen Aslaksen", ["confirm"] = "true" })).StatusCode);
        Assert.Equal(Phase.Setup, await factory.WithDbAsync(db => db.Projects.Where(p => p.Id == project).Select(p => p.Phase).SingleAsync()));
        return project;
    }

    /// <summary>
    /// A signed contract of the project as the acceptance code stores it (one per accepted revision): a row with the sealed
    /// PDF's bytes and hash. The project's existing one if it has one.
    /// </summary>
    public static Task<SignedContract> SignedContractAsync(PortalFactory factory, int projectId)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.WithDbAsync(async db =>
        {
            if (await db.SignedContracts.AsNoTracking().FirstOrDefaultAsync(c => c.ProjectId == projectId) is { } existing)
            {
                return existing;
            }

            var revision = await db.OfferRevisions.Where(r => r.Offer!.ProjectId == projectId && !db.SignedContracts.Any(c => c.OfferRevisionId == r.Id)).Select(r => r.Id).FirstAsync();
            var bytes = System.Text.Encoding.ASCII.GetBytes($"%PDF-1.7\n% sealed contract {projectId}-{revision}\n%%EOF\n");
            var contract = new SignedContract
            {
                ProjectId = projectId, OfferRevisionId = revision, CreatedUtc = factory.UtcNow.AddDays(-3), Pdf = bytes,
                Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)),
                CertificateSubject = "CN=Leverandøren AS, O=Leverandøren AS, C=NO", CertificateThumbprint = new string('a', 40),
            };
            db.SignedContracts.Add(contract);
            await db.SaveChangesAsync();
            return contract;
        });
    }
}
