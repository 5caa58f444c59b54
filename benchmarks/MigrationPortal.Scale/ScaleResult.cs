using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;

namespace MigrationPortal.Scale;

/// <summary>The long project (about 300 steps) the project page and the plan PDF are measured on.</summary>
public sealed record ProjectRef(int Id, string Name, int Steps);

/// <summary>A sent offer revision whose PDF has three pages, for the offer-PDF benchmark.</summary>
public sealed record OfferRef(int RevisionId, int OfferId, int ProjectId, string Number, int Pages);

/// <summary>A customer login whose organisation has many projects and meetings (the customer home page).</summary>
public sealed record CustomerLoginRef(string Email, int CustomerId, string CustomerName, int Projects, int Meetings);

/// <summary>A search term for the customer list and how many customers it finds.</summary>
public sealed record SearchRef(string Term, int Matches);

/// <summary>What the generator made: written as JSON beside the database for the load benchmark.</summary>
public sealed record ScaleResult(
    string Provider,
    string Database,
    int Seed,
    double Scale,
    DateTimeOffset Now,
    double ElapsedSeconds,
    string Password,
    IReadOnlyDictionary<string, string> StaffLogins,
    IReadOnlyList<string> CustomerLogins,
    ProjectRef LongProject,
    OfferRef ThreePageOffer,
    CustomerLoginRef CustomerLogin,
    SearchRef CustomerSearch,
    int OperationsProjects,
    IReadOnlyDictionary<string, long> Counts,
    string Fingerprint)
{
    public static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    public static string Describe(ScaleResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Scale data set ({r.Provider}, seed {r.Seed}, scale {r.Scale}) in {r.ElapsedSeconds:F1} s:");
        foreach (var (table, count) in r.Counts)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {table,-28} {count,10:N0}");
        }

        sb.AppendLine(CultureInfo.InvariantCulture, $"  long project: {r.LongProject.Id} \"{r.LongProject.Name}\" ({r.LongProject.Steps} steps)");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  three-page offer PDF: revision {r.ThreePageOffer.RevisionId} ({r.ThreePageOffer.Number}, {r.ThreePageOffer.Pages} pages)");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  customer login: {r.CustomerLogin.Email} ({r.CustomerLogin.CustomerName}: {r.CustomerLogin.Projects} projects, {r.CustomerLogin.Meetings} meetings)");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  customer search: \"{r.CustomerSearch.Term}\" finds {r.CustomerSearch.Matches}");
        sb.Append(CultureInfo.InvariantCulture, $"  fingerprint: {r.Fingerprint}");
        return sb.ToString();
    }
}

/// <summary>Row counts and a fingerprint of the generated rows, in terms that do not depend on random ids the app makes (users' GUIDs, stamps, salts).</summary>
public static class ScaleFingerprint
{
    public static async Task<Dictionary<string, long>> CountsAsync(PortalDb db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return new Dictionary<string, long>(StringComparer.Ordinal)
        {
            ["Customers"] = await db.Customers.LongCountAsync(ct),
            ["Contacts"] = await db.Contacts.LongCountAsync(ct),
            ["Users"] = await db.Users.LongCountAsync(ct),
            ["Products"] = await db.Products.LongCountAsync(ct),
            ["StepTemplates"] = await db.StepTemplates.LongCountAsync(ct),
            ["Projects"] = await db.Projects.LongCountAsync(ct),
            ["ProjectCustomers"] = await db.ProjectCustomers.LongCountAsync(ct),
            ["ProjectProducts"] = await db.ProjectProducts.LongCountAsync(ct),
            ["Steps"] = await db.Steps.LongCountAsync(ct),
            ["StepDependencies"] = await db.StepDependencies.LongCountAsync(ct),
            ["Meetings"] = await db.Meetings.LongCountAsync(ct),
            ["MeetingParticipants"] = await db.MeetingParticipants.LongCountAsync(ct),
            ["Offers"] = await db.Offers.LongCountAsync(ct),
            ["OfferRevisions"] = await db.OfferRevisions.LongCountAsync(ct),
            ["OfferActivities"] = await db.OfferActivities.LongCountAsync(ct),
            ["OfferYearlyCosts"] = await db.OfferYearlyCosts.LongCountAsync(ct),
            ["CloudQueue"] = await db.CloudQueue.LongCountAsync(ct),
            ["PhaseTransitions"] = await db.PhaseTransitions.LongCountAsync(ct),
            ["ChecklistItems"] = await db.ChecklistItems.LongCountAsync(ct),
            ["Leads"] = await db.Leads.LongCountAsync(ct),
            ["Questionnaires"] = await db.Questionnaires.LongCountAsync(ct),
            ["AuditEntries"] = await db.AuditEntries.LongCountAsync(ct),
            ["Outbox"] = await db.Outbox.LongCountAsync(ct),
            ["UpgradeReleases"] = await db.UpgradeReleases.LongCountAsync(ct),
            ["UpgradeNotices"] = await db.UpgradeNotices.LongCountAsync(ct),
            ["WheelMeetings"] = await db.Meetings.LongCountAsync(m => m.WheelKey != null, ct),
            ["ProjectsInOperation"] = await db.Projects.LongCountAsync(p => p.Phase == Web.Domain.Phase.Operations && p.Status == Web.Domain.ProjectStatus.Active, ct),
        };
    }

    /// <summary>SHA-256 over the generated rows of the main tables, users named by e-mail; equal for equal seeds and scales.</summary>
    public static async Task<string> ComputeAsync(PortalDb db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add<T>(IEnumerable<T> rows)
        {
            foreach (var row in rows)
            {
                hash.AppendData(Encoding.UTF8.GetBytes(Convert.ToString(row, CultureInfo.InvariantCulture) + "\n"));
            }
        }

        var emails = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Email ?? string.Empty, ct);
        string? E(string? id) => id is null ? null : emails.GetValueOrDefault(id, "?");
        Add(await db.Customers.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.Id, c.Name, c.OrgNumber, c.Type, c.City, c.StatusMeetingMonth }).ToListAsync(ct));
        Add((await db.Contacts.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.Id, c.CustomerId, c.Name, c.Email, c.UserId }).ToListAsync(ct)).Select(c => new { c.Id, c.CustomerId, c.Name, c.Email, User = E(c.UserId) }));
        Add((await db.Projects.AsNoTracking().OrderBy(p => p.Id).Select(p => new { p.Id, p.Name, p.Phase, p.Status, p.LeadUserId, p.PlannedStart, p.PlannedGoLive, p.HandoverAcceptedUtc }).ToListAsync(ct))
            .Select(p => new { p.Id, p.Name, p.Phase, p.Status, Lead = E(p.LeadUserId), p.PlannedStart, p.PlannedGoLive, p.HandoverAcceptedUtc }));
        Add(await db.Steps.AsNoTracking().OrderBy(s => s.Id).Select(s => new { s.Id, s.ProjectId, s.Title, s.Status, s.PlannedStart, s.Due, s.CompletedUtc, s.TemplateKey }).ToListAsync(ct));
        Add(await db.Meetings.AsNoTracking().OrderBy(m => m.Id).Select(m => new { m.Id, m.ProjectId, m.Title, m.StartUtc, m.WheelKey, Participants = m.Participants.Count }).ToListAsync(ct));
        Add(await db.OfferRevisions.AsNoTracking().OrderBy(r => r.Id).Select(r => new { r.Id, r.OfferId, r.Offer!.Number, r.Revision, r.Status, r.SentUtc, HasPdf = r.PdfSha256 != null }).ToListAsync(ct));
        Add(await db.OfferActivities.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Id, a.OfferRevisionId, a.Description, a.Quantity, a.UnitPrice, a.FixedPrice }).ToListAsync(ct));
        Add((await db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Id, a.AtUtc, a.UserId, a.UserName, a.EntityType, a.EntityId, a.Action, a.Property, a.OldValue, a.NewValue, a.ProjectId }).ToListAsync(ct))
            .Select(a => new { a.Id, a.AtUtc, User = E(a.UserId), a.UserName, a.EntityType, EntityId = a.EntityType is "PortalUser" or "IdentityUserRole`1" ? null : a.EntityId, a.Action, a.Property, Old = Stable(a.EntityType, a.Property, a.OldValue), New = Stable(a.EntityType, a.Property, a.NewValue), a.ProjectId }));
        Add((await db.Outbox.AsNoTracking().OrderBy(o => o.Id).Select(o => new { o.Id, o.Key, o.Status, o.Subject, o.CreatedUtc, o.ToAddress, o.UserId }).ToListAsync(ct)).Select(o => new { o.Id, o.Key, o.Status, o.Subject, o.CreatedUtc, o.ToAddress, User = E(o.UserId) }));
        Add(await db.UpgradeNotices.AsNoTracking().OrderBy(n => n.Id).Select(n => new { n.ReleaseId, n.CustomerId, n.Stage }).ToListAsync(ct));
        Add(await db.ChecklistItems.AsNoTracking().OrderBy(i => i.Id).Select(i => new { i.Id, i.ProjectId, i.Title, i.Status, i.Due }).ToListAsync(ct));
        Add(await db.Leads.AsNoTracking().OrderBy(l => l.Id).Select(l => new { l.Id, l.CustomerId, l.Status, l.ProjectId, l.CreatedUtc }).ToListAsync(ct));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>
    /// Values the app draws at random are left out of the fingerprint: users' and roles' ids, and the hash of a PDF (PDFsharp
    /// stamps each file with the time it was written and a random file id).
    /// </summary>
    private static string? Stable(string entityType, string? property, string? value) =>
        entityType.StartsWith("IdentityUserRole", StringComparison.Ordinal)
        || property is "LeadUserId" or "AssigneeUserId" or "UserId" or "OwnerUserId" or "VendorContactUserId" or "Id" or "RoleId" or "PdfSha256" ? null : value;
}
