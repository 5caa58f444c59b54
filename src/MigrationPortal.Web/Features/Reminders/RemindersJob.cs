using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure;
using MigrationPortal.Web.Infrastructure.Jobs;
using MigrationPortal.Web.Infrastructure.Localization;
using MigrationPortal.Web.Infrastructure.Mail;

namespace MigrationPortal.Web.Features.Reminders;

/// <summary>
/// Daily reminders (07:00 Oslo): steps and checklist items due in three days or overdue, to whoever does them (the
/// assignee; for the customer's part the project's customer contacts with a login, or the named owner); sent offers
/// about to expire, to sales; the end of close follow-up, to the project lead and the cloud centre. Each mail's key
/// holds the item, the day and the person, so a second run the same day sends nothing twice.
/// </summary>
public sealed class RemindersJob(PortalDb db, TimeProvider clock, IMailer mailer, IStringLocalizer<SharedResource> l, IOptions<PortalOptions> options) : IRecurringJob
{
    public const int DaysAhead = 3;
    public const int OfferDaysAhead = 7;

    public string Id => "reminders";

    public string Cron => "0 7 * * *";

    private sealed record Person(string Email, string Name, string? UserId, string Language);

    public async Task RunAsync(CancellationToken ct)
    {
        var today = Display.TodayInOslo(clock);
        var soon = today.AddDays(DaysAhead);
        var day = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var baseUrl = options.Value.PublicUrl.TrimEnd('/');

        // Contacts with a login, per project, in their language: the customer's side of every project.
        var contacts = await db.ProjectCustomers.AsNoTracking()
            .Join(db.Contacts.Where(c => c.UserId != null), pc => pc.CustomerId, c => c.CustomerId,
                (pc, c) => new { pc.ProjectId, c.Id, c.Email, c.Name, c.UserId, CustomerLanguage = c.Customer!.PreferredLanguage })
            .ToListAsync(ct);
        var users = await db.Users.AsNoTracking().Where(u => u.IsActive && u.Email != null)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.PreferredLanguage, u.CustomerId }).ToDictionaryAsync(u => u.Id, ct);
        Person? User(string? id) => id is not null && users.TryGetValue(id, out var u) ? new Person(u.Email!, u.DisplayName, u.Id, u.PreferredLanguage ?? "nb-NO") : null;
        List<Person> CustomerSide(int projectId) => contacts.Where(c => c.ProjectId == projectId && users.ContainsKey(c.UserId!))
            .Select(c => new Person(c.Email, c.Name, c.UserId, users[c.UserId!].PreferredLanguage ?? c.CustomerLanguage)).ToList();

        var steps = await db.Steps.AsNoTracking()
            .Where(s => s.Project!.Status == ProjectStatus.Active && s.Status != StepStatus.Done && s.Status != StepStatus.NotApplicable && s.Due != null && (s.Due == soon || s.Due < today))
            .Select(s => new { s.Id, s.ProjectId, Project = s.Project!.Name, s.Title, Due = s.Due!.Value, s.AssigneeUserId, s.Responsible, s.CustomerVisible, s.Milestone, s.Project.LeadUserId })
            .ToListAsync(ct);
        foreach (var s in steps)
        {
            var to = new List<Person>();
            if (User(s.AssigneeUserId) is { } assignee && (users[assignee.UserId!].CustomerId is null || s.CustomerVisible))
            {
                to.Add(assignee);
            }

            if (s.Responsible == ResponsibleParty.Customer && s.CustomerVisible)
            {
                to.AddRange(CustomerSide(s.ProjectId));
            }

            await SendAsync("step-due", s.Id, s.ProjectId, s.Title, s.Project, s.Due, today, to, $"{baseUrl}/projects/{s.ProjectId}/steps/{s.Id}", day, ct);
        }

        // The end of close follow-up, three days ahead: the lead and the cloud centre, who takes over.
        var cloudCentre = await db.UserRoles.Join(db.Roles.Where(r => r.Name == Roles.CloudCenter), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId).ToListAsync(ct);
        foreach (var s in steps.Where(s => s.Milestone == MilestoneKind.FollowUpEnd && s.Due == soon))
        {
            var to = new[] { User(s.LeadUserId) }.Concat(cloudCentre.Select(User)).OfType<Person>().ToList();
            await SendAsync("follow-up-end", s.Id, s.ProjectId, s.Title, s.Project, s.Due, today, to, $"{baseUrl}/projects/{s.ProjectId}", day, ct, "Reminder.FollowUp");
        }

        var items = await db.ChecklistItems.AsNoTracking()
            .Where(c => c.Project!.Status == ProjectStatus.Active && c.Status == ChecklistStatus.Open && c.Due != null && (c.Due == soon || c.Due < today))
            .Select(c => new { c.Id, c.ProjectId, Project = c.Project!.Name, c.Title, Due = c.Due!.Value, c.OwnerContactId, c.Owner })
            .ToListAsync(ct);
        var owners = await db.Contacts.AsNoTracking().Where(c => items.Select(i => i.OwnerContactId).Contains(c.Id))
            .Select(c => new { c.Id, c.Email, c.Name, c.UserId, c.Customer!.PreferredLanguage }).ToDictionaryAsync(c => c.Id, ct);
        foreach (var c in items.Where(i => i.Owner == ResponsibleParty.Customer))
        {
            var to = c.OwnerContactId is { } ownerId && owners.TryGetValue(ownerId, out var o)
                ? [new Person(o.Email, o.Name, o.UserId, (o.UserId is not null ? User(o.UserId)?.Language : null) ?? o.PreferredLanguage)]
                : CustomerSide(c.ProjectId);
            await SendAsync("checklist-due", c.Id, c.ProjectId, c.Title, c.Project, c.Due, today, to, $"{baseUrl}/projects/{c.ProjectId}/checklist", day, ct);
        }

        // Offers the customer has not answered, a week before they expire: the offer's contact at the vendor, else sales.
        var sales = await db.UserRoles.Join(db.Roles.Where(r => r.Name == Roles.Sales), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId).ToListAsync(ct);
        var offers = await db.OfferRevisions.AsNoTracking()
            .Where(r => r.Status == OfferStatus.Sent && r.ValidUntil >= today && r.ValidUntil <= today.AddDays(OfferDaysAhead))
            .Select(r => new { r.Id, r.OfferId, r.Offer!.Number, r.Title, r.ValidUntil, r.VendorContactUserId, r.Offer.ProjectId })
            .ToListAsync(ct);
        foreach (var r in offers)
        {
            var to = User(r.VendorContactUserId) is { } contact ? [contact] : sales.Select(User).OfType<Person>().ToList();
            foreach (var p in to.DistinctBy(p => p.Email))
            {
                using var _ = new CultureScope(p.Language);
                var (text, html) = MailBody.Render(l["Reminder.Offer.Subject", r.Number, Display.Date(r.ValidUntil)],
                    [l["Reminder.Offer.Body", r.Title, r.Number, Display.Date(r.ValidUntil)]], (l["Reminder.Open"], $"{baseUrl}/offers/{r.Id}"), l["Reminder.Footer"], p.Language);
                await mailer.EnqueueAsync(new Mail($"reminder:offer-expires:{r.Id}:{day}:{p.Email}", NotificationKind.Reminder, p.Email, p.Name, p.Language,
                    l["Reminder.Offer.Subject", r.Number, Display.Date(r.ValidUntil)], text, html, ProjectId: r.ProjectId, UserId: p.UserId), ct);
            }
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task SendAsync(string kind, int id, int projectId, string title, string project, DateOnly due, DateOnly today, IEnumerable<Person> to, string url, string day, CancellationToken ct, string? keys = null)
    {
        var overdue = due < today;
        var prefix = keys ?? (overdue ? "Reminder.Overdue" : "Reminder.DueSoon");
        foreach (var p in to.DistinctBy(p => p.Email.ToLowerInvariant()))
        {
            using var _ = new CultureScope(p.Language);
            var subject = keys is null ? l[prefix + ".Subject", title, Display.Date(due)] : l[prefix + ".Subject", project, Display.Date(due)];
            var body = keys is null ? l[prefix + ".Body", title, project, Display.Date(due)] : l[prefix + ".Body", project, Display.Date(due)];
            var (text, html) = MailBody.Render(subject, [body], (l["Reminder.Open"], url), l["Reminder.Footer"], p.Language);
            await mailer.EnqueueAsync(new Mail($"reminder:{kind}:{id}:{day}:{p.Email.ToLowerInvariant()}", NotificationKind.Reminder, p.Email, p.Name, p.Language,
                subject, text, html, ProjectId: projectId, UserId: p.UserId), ct);
        }
    }
}
