using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Tests.Infrastructure;
using MigrationPortal.Web.Domain;

namespace MigrationPortal.Tests.Integration.Mail;

/// <summary>
/// The notifications a project's work causes (an offer sent, a plan sent, a checklist item assigned, a comment): each
/// reaches exactly the people it concerns, in their language, never another customer's contacts nor the person who caused it.
/// </summary>
[Trait(Suite.Name, Suite.Integration)]
public sealed class ProjectNotificationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Kari = Demo.SorFronContact;
    private const string Oystein = "oystein.bra@sor-fron.kommune.example";

    private Task<int> ProjectAsync(string prefix) => factory.WithDbAsync(db => db.Projects.Where(p => p.Name.StartsWith(prefix)).Select(p => p.Id).SingleAsync());

    private Task<List<OutboxMessage>> MailsAsync(string keyPrefix) =>
        factory.WithDbAsync(db => db.Outbox.AsNoTracking().Where(m => m.Key.StartsWith(keyPrefix)).OrderBy(m => m.Id).ToListAsync());

    private static List<string> To(IEnumerable<OutboxMessage> mails) => mails.Select(m => m.ToAddress).Order(StringComparer.Ordinal).ToList();

    private Task<int> SetLanguageAsync(string email, string language) =>
        factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredLanguage, language)));

    [Fact]
    public async Task A_sent_offer_reaches_the_customers_contacts_with_a_login_each_in_their_language_and_no_one_else()
    {
        var project = await Journeys.NewTromsoProjectAsync(factory);
        await SetLanguageAsync(Demo.TromsoContact, "en");
        using var sales = await factory.LoginAsync(Demo.Sales);
        var created = await sales.PostFormAsync($"/projects/{project}/offers", []);
        var revision = int.Parse(created.Headers.Location!.ToString().Split('/')[2], CultureInfo.InvariantCulture);
        var version = await factory.WithDbAsync(db => db.OfferRevisions.Where(r => r.Id == revision).Select(r => r.Version).SingleAsync());
        Assert.Empty(await MailsAsync($"offer-sent:{revision}:")); // a draft tells no one

        Assert.Equal(HttpStatusCode.Redirect, (await sales.PostFormAsync($"/offers/{revision}/send", new() { ["version"] = $"{version}" })).StatusCode);

        var mails = await MailsAsync($"offer-sent:{revision}:");
        Assert.Equal([Demo.TromsoSigner, Demo.TromsoContact], To(mails));
        Assert.All(mails, m => Assert.Equal((NotificationKind.OfferSent, project, OutboxStatus.Pending), (m.Kind, m.ProjectId!.Value, m.Status)));
        var number = await factory.WithDbAsync(db => db.OfferRevisions.Where(r => r.Id == revision).Select(r => r.Offer!.Number).SingleAsync());
        var per = mails.Single(m => m.ToAddress == Demo.TromsoContact);
        var ellen = mails.Single(m => m.ToAddress == Demo.TromsoSigner);
        Assert.Equal(("en", "nb-NO"), (per.Language, ellen.Language));
        Assert.StartsWith($"Offer {number}:", per.Subject, StringComparison.Ordinal);
        Assert.StartsWith($"Tilbud {number}:", ellen.Subject, StringComparison.Ordinal);
        Assert.Contains("accept or decline", per.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/offers/{revision}", ellen.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/offers/{revision}\"", ellen.HtmlBody, StringComparison.Ordinal);

        // Sending again is refused, and tells no one a second time.
        await sales.PostFormAsync($"/offers/{revision}/send", new() { ["version"] = $"{version + 1}" });
        Assert.Equal(2, (await MailsAsync($"offer-sent:{revision}:")).Count);
    }

    private const string Liv = "liv.maehlum@nord-fron.kommune.example";

    /// <summary>Liv Mæhlum (Nord-Fron, in the Gudbrandsdalen project) gets a login in English; Tromsø's contacts have theirs but are not in it.</summary>
    private Task<int> LivHasALoginAsync() => factory.WithDbAsync(async db =>
    {
        var liv = await db.Contacts.SingleAsync(c => c.Email == Liv);
        if (liv.UserId is not null)
        {
            return 0;
        }

        var user = new PortalUser { UserName = liv.Email, Email = liv.Email, DisplayName = liv.Name, CustomerId = liv.CustomerId, IsActive = true, PreferredLanguage = "en" };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        liv.UserId = user.Id;
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task A_sent_plan_reaches_that_projects_customer_side_and_someone_who_turned_it_off_is_left_out()
    {
        var project = await ProjectAsync("Gudbrandsdalen");
        await LivHasALoginAsync();
        using var lead = await factory.LoginAsync(Demo.Lead);

        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostFormAsync($"/projects/{project}/documents/plan", [])).StatusCode);

        var number = await factory.WithDbAsync(db => db.PlanVersions.Where(v => v.ProjectId == project).MaxAsync(v => v.Number));
        var mails = await MailsAsync($"plan-sent:{project}:{number}:");
        Assert.Equal([Kari, Liv], To(mails));
        Assert.All(mails, m => Assert.Contains($"/projects/{project}/documents", m.TextBody, StringComparison.Ordinal));
        Assert.Contains($"version {number}", mails.Single(m => m.Language == "en").Subject, StringComparison.Ordinal);

        // Kari turns plan mails off: the next version reaches Liv only.
        var kari = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == Kari).Select(u => u.Id).SingleAsync());
        await factory.WithDbAsync(db =>
        {
            db.NotificationPreferences.Add(new NotificationPreference { UserId = kari, Kind = NotificationKind.PlanSent, Enabled = false });
            return db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostFormAsync($"/projects/{project}/documents/plan", [])).StatusCode);
        Assert.Equal([Liv], To(await MailsAsync($"plan-sent:{project}:{number + 1}:")));
    }

    private static Dictionary<string, string?> ItemFields(string title, int? contact, int version = 0) => new()
    {
        ["Category"] = nameof(ChecklistCategory.Access),
        ["Title"] = title,
        ["Owner"] = nameof(ResponsibleParty.Customer),
        ["OwnerContactId"] = contact?.ToString(CultureInfo.InvariantCulture),
        ["Due"] = "2026-12-04",
        ["Status"] = nameof(ChecklistStatus.Open),
        ["Version"] = version.ToString(CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task A_checklist_item_given_to_a_contact_tells_that_contact_when_it_changes_hands_and_not_on_every_save()
    {
        var project = await ProjectAsync("Gudbrandsdalen");
        var contacts = await factory.WithDbAsync(db => db.Contacts.ToDictionaryAsync(c => c.Name, c => c.Id));
        using var lead = await factory.LoginAsync(Demo.Lead);

        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostFormAsync($"/projects/{project}/checklist/new", ItemFields("Brannmuråpning for SMTP", contacts["Kari Nordmann"]))).StatusCode);
        var item = await factory.WithDbAsync(db => db.ChecklistItems.AsNoTracking().SingleAsync(i => i.Title == "Brannmuråpning for SMTP"));
        var prefix = $"checklist-assigned:{item.Id}:";
        var first = Assert.Single(await MailsAsync(prefix));
        Assert.Equal((Kari, NotificationKind.ChecklistAssigned), (first.ToAddress, first.Kind));
        Assert.Contains("Brannmuråpning for SMTP", first.Subject, StringComparison.Ordinal);
        Assert.Contains("Frist: 4. des. 2026", first.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/projects/{project}/checklist/{item.Id}", first.TextBody, StringComparison.Ordinal);

        // Saved again with the same owner: nothing new. Given to Øystein (no login): he is told, at his address.
        var url = $"/projects/{project}/checklist/{item.Id}/edit";
        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostFormAsync(url, ItemFields("Brannmuråpning for SMTP (port 587)", contacts["Kari Nordmann"], item.Version))).StatusCode);
        Assert.Single(await MailsAsync(prefix));
        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostFormAsync(url, ItemFields("Brannmuråpning for SMTP (port 587)", contacts["Øystein Brå"], item.Version + 1))).StatusCode);
        Assert.Equal([Kari, Oystein], To(await MailsAsync(prefix)));

        // Another customer's contact is refused with a message; no item, no mail.
        var refused = await lead.PostFormAsync($"/projects/{project}/checklist/new", ItemFields("Tilgang for Tromsø", contacts["Per Hansen"]));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.ChecklistItems.AnyAsync(i => i.Title == "Tilgang for Tromsø")));
        Assert.False(await factory.WithDbAsync(db => db.Outbox.AnyAsync(m => m.ToAddress == Demo.TromsoContact)));

        // An item the vendor keeps tells no one.
        var vendorItem = ItemFields("Sertifikat på plass", contacts["Kari Nordmann"]);
        vendorItem["Owner"] = nameof(ResponsibleParty.Vendor);
        vendorItem["OwnerContactId"] = null;
        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostFormAsync($"/projects/{project}/checklist/new", vendorItem)).StatusCode);
        var vendorId = await factory.WithDbAsync(db => db.ChecklistItems.Where(i => i.Title == "Sertifikat på plass").Select(i => i.Id).SingleAsync());
        Assert.Empty(await MailsAsync($"checklist-assigned:{vendorId}:"));
    }

    [Fact]
    public async Task A_comment_reaches_those_in_the_discussion_and_an_internal_note_stays_with_vendor_staff()
    {
        var step = await factory.WithDbAsync(db => db.Steps.AsNoTracking().SingleAsync(s => s.TemplateKey == "setup.testing" && s.Project!.Name.StartsWith("Gudbrandsdalen")));
        Assert.Equal(ResponsibleParty.Customer, step.Responsible);
        var lead2 = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == Demo.Lead2).Select(u => u.Id).SingleAsync());
        await factory.WithDbAsync(db => db.Steps.Where(s => s.Id == step.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.AssigneeUserId, lead2)));
        await LivHasALoginAsync();
        using var lead = await factory.LoginAsync(Demo.Lead);
        using var kari = await factory.LoginAsync(Kari);
        var url = $"/projects/{step.ProjectId}/steps/{step.Id}/comments";
        async Task<List<OutboxMessage>> CommentAsync(PortalClient who, string text, bool isInternal = false)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await who.PostFormAsync(url, new() { ["Text"] = text, ["Internal"] = isInternal ? "true" : "false" })).StatusCode);
            var id = await factory.WithDbAsync(db => db.Comments.Where(c => c.Text == text).Select(c => c.Id).SingleAsync());
            return await MailsAsync($"comment:{id}:");
        }

        // The vendor asks about the customer's step, with no one from the customer in the discussion yet: the customer's side
        // (contacts with a login) and the assignee hear of it; the writer does not.
        var question = await CommentAsync(lead, "Når kan dere starte testen?");
        Assert.Equal([Kari, Liv, Demo.Lead2], To(question));
        Assert.All(question, m => Assert.Contains("Når kan dere starte testen?", m.TextBody, StringComparison.Ordinal));
        Assert.All(question, m => Assert.Contains($"/projects/{step.ProjectId}/steps/{step.Id}", m.TextBody, StringComparison.Ordinal));

        // Kari answers: the lead and the assignee. From now on the vendor's comments reach Kari, who is in the discussion, not Liv.
        Assert.Equal([Demo.Lead2, Demo.Lead], To(await CommentAsync(kari, "Mandag, om tilgangen er klar.")));

        Assert.Equal([Kari, Demo.Lead2], To(await CommentAsync(lead, "Da setter vi opp testbrukere fredag.")));

        // An internal note: vendor staff in the discussion only, never the customer.
        var note = await CommentAsync(lead, "NOTAT-5521: kunden har ikke bestilt tilgang", isInternal: true);
        Assert.Equal([Demo.Lead2], To(note));
        Assert.StartsWith("Nytt internt notat", note.Single().Subject, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Outbox.AnyAsync(m => m.ToAddress == Kari && m.TextBody.Contains("NOTAT-5521"))));

        // No mail about this discussion ever reached another customer's contacts.
        var addresses = await factory.WithDbAsync(db => db.Outbox.Where(m => m.Key.StartsWith("comment:")).Select(m => m.ToAddress).Distinct().ToListAsync());
        Assert.Equal([Kari, Liv, Demo.Lead2, Demo.Lead], addresses.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_comment_on_a_step_the_customer_does_not_see_reaches_vendor_staff_only()
    {
        var step = await factory.WithDbAsync(db => db.Steps.AsNoTracking().SingleAsync(s => s.TemplateKey == "setup.servers" && s.Project!.Name.StartsWith("Gudbrandsdalen")));
        Assert.False(step.CustomerVisible);
        var kari = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == Kari).Select(u => u.Id).SingleAsync());
        await factory.WithDbAsync(db => db.Steps.Where(s => s.Id == step.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.AssigneeUserId, kari)));
        using var cloud = await factory.LoginAsync(Demo.CloudCenter);

        Assert.Equal(HttpStatusCode.Redirect, (await cloud.PostFormAsync($"/projects/{step.ProjectId}/steps/{step.Id}/comments", new() { ["Text"] = "Serverne er klare." })).StatusCode);

        var id = await factory.WithDbAsync(db => db.Comments.Where(c => c.Text == "Serverne er klare.").Select(c => c.Id).SingleAsync());
        Assert.Equal([Demo.Lead], To(await MailsAsync($"comment:{id}:")));
    }
}
