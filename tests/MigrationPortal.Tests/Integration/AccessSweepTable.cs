using MigrationPortal.Tests.Infrastructure;

namespace MigrationPortal.Tests.Integration;

/// <summary>Who calls an endpoint in the access sweep.</summary>
[Flags]
public enum Callers
{
    None = 0,

    /// <summary>Not signed in.</summary>
    Anonymous = 1,

    /// <summary>A contact of an organisation the filled ids do not belong to (<see cref="SweepOrg"/> names which).</summary>
    OtherCustomer = 2,

    /// <summary>A contact of the organisation the filled ids belong to, for what a customer may not do even to its own.</summary>
    OwnCustomer = 4,

    Sales = 8,
    Lead = 16,
    CloudCentre = 32,
    Admin = 64,

    /// <summary>Refused on every endpoint that is not public: not signed in, or another organisation's contact.</summary>
    Outsiders = Anonymous | OtherCustomer,

    /// <summary>Every customer contact, whoever's the data: for staff-only pages.</summary>
    Customers = Outsiders | OwnCustomer,

    /// <summary>Every vendor role: for pages only customers use.</summary>
    Staff = Sales | Lead | CloudCentre | Admin,

    /// <summary>Everyone: an address nobody may have (a calendar feed token that is no one's).</summary>
    Everyone = Customers | Staff,
}

/// <summary>
/// Whose rows the ids of a rule are, which decides who is the other organisation's contact and who the own one:
/// Gudbrandsdalen (Sør-Fron's Kari Nordmann; Tromsø's Per Hansen is the outsider), Tromsø (Per Hansen; Kari Nordmann is
/// the outsider), Ålesund in operation (Ragnhild Strømme; Kari), Bærum in go-live (Thomas Grønli; Per). Vendor rows are
/// no customer's (products, releases, users, leads): the customer caller is Ragnhild Strømme, who as a customer in
/// operation reaches the most.
/// </summary>
public enum SweepOrg
{
    Gudbrandsdalen,
    Tromso,
    Alesund,
    Baerum,
    Vendor,
}

/// <summary>Real rows the sweep fills route parameters with (see <see cref="AccessSweepFactory.IdsAsync"/>).</summary>
public sealed record SweepIds
{
    public int Gudbrandsdalen { get; init; }
    public int GudStep { get; init; }
    public int GudInternalStep { get; init; }
    public int GudCustomerStep { get; init; }
    public int GudMeeting { get; init; }
    public int GudInternalMeeting { get; init; }
    public int GudItem { get; init; }
    public int GudCustomerItem { get; init; }
    public int GudFinding { get; init; }
    public int GudSession { get; init; }
    public int GudPlanNumber { get; init; }
    public int GudContract { get; init; }
    public int SorFron { get; init; }
    public int Tromso { get; init; }
    public int TromsoCustomer { get; init; }
    public int TromsoContact { get; init; }
    public int TromsoOffer { get; init; }
    public int DraftOffer { get; init; }
    public int Alesund { get; init; }
    public int AlesundCustomer { get; init; }
    public int Release { get; init; }
    public int MeetingRequest { get; init; }
    public int News { get; init; }
    public int Fagdagene { get; init; }
    public int Baerum { get; init; }
    public int Product { get; init; }
    public int Template { get; init; }
    public int Lead { get; init; }
    public int QueueEntry { get; init; }
    public long OutboxMessage { get; init; }
    public string PickupFile { get; init; } = string.Empty;
    public string User { get; init; } = string.Empty;
}

/// <summary>
/// One line of the sweep: an endpoint (method and route pattern, as the endpoint data source has it) with the ids to
/// fill, whose they are, who must be refused, and who may (the owner, whose page proves the ids are real and whose form
/// is what the refused callers post). <paramref name="FormPage"/> names the page holding the form of a POST that has no
/// page of its own.
/// </summary>
public sealed record SweepRule(string Method, string Pattern, SweepOrg Org, Func<SweepIds, object?> Ids, Callers Refused, string? Owner, string? FormPage = null, string? Case = null)
{
    public string Key => $"{Method} {Pattern}";

    public override string ToString() => Case is null ? Key : $"{Key} ({Case})";
}

/// <summary>
/// Every endpoint of the app and who must not reach it. A test asserts that these keys are exactly the endpoints of the
/// app's <c>EndpointDataSource</c>, so a new action fails the test until someone writes its line here.
/// A line refusing no one is public on purpose (login, error pages, the health check).
/// </summary>
public static class AccessSweepTable
{
    private const Callers Out = Callers.Outsiders, Own = Callers.OwnCustomer, Sales = Callers.Sales, Lead = Callers.Lead, Cloud = Callers.CloudCentre, Admin = Callers.Admin;
    private const Callers Customers = Callers.Customers, Staff = Callers.Staff;

    /// <summary>Only admins: users, products and templates, the outbox, the queue's order and capacity.</summary>
    private const Callers AdminOnly = Customers | Sales | Lead | Cloud;

    /// <summary>The cloud centre's own work (and admins'): events, upgrades, news, the customer centre, the job dashboard.</summary>
    private const Callers CloudOnly = Customers | Sales | Lead;

    /// <summary>What the project leads run (and admins): the plan, go-live, the handover request.</summary>
    private const Callers LeadOnly = Out | Own | Sales | Cloud;

    /// <summary>Changing a project in phase 2 (Gudbrandsdalen): admins, leads, the cloud centre; not sales, not the customer.</summary>
    private const Callers ProjectEditors = Out | Own | Sales;

    /// <summary>Offers: sales and admins.</summary>
    private const Callers OfferEditors = Customers | Lead | Cloud;

    public static IReadOnlyList<SweepRule> Rules { get; } = Build();

    private static List<SweepRule> Build()
    {
        var rules = new List<SweepRule>();
        void Get(string pattern, SweepOrg org, Func<SweepIds, object?> ids, Callers refused, string? owner, string? @case = null) =>
            rules.Add(new("GET", pattern, org, ids, refused, owner, Case: @case));
        void Post(string pattern, SweepOrg org, Func<SweepIds, object?> ids, Callers refused, string? owner, string? formPage = null, string? @case = null) =>
            rules.Add(new("POST", pattern, org, ids, refused, owner, formPage, @case));

        // A page and its form: the POST is refused to the same callers and its form is the page's.
        void Both(string pattern, SweepOrg org, Func<SweepIds, object?> ids, Callers refused, string? owner)
        {
            Get(pattern, org, ids, refused, owner);
            Post(pattern, org, ids, refused, owner, formPage: pattern);
        }

        void Public(string method, string pattern) => rules.Add(new(method, pattern, SweepOrg.Vendor, _ => null, Callers.None, null));

        const SweepOrg Gud = SweepOrg.Gudbrandsdalen, Tromso = SweepOrg.Tromso, Alesund = SweepOrg.Alesund, Baerum = SweepOrg.Baerum, Vendor = SweepOrg.Vendor;
        static object? None(SweepIds _) => null;
        static object G(SweepIds i) => new { id = i.Gudbrandsdalen };

        // Public on purpose.
        Public("GET", "/account/login");
        Public("POST", "/account/login");
        Public("POST", "/account/logout");
        Public("GET", "/account/forgot-password");
        Public("POST", "/account/forgot-password");
        Public("GET", "/account/reset-password");
        Public("POST", "/account/reset-password");
        Public("GET", "/error/{code:int?}");
        Public("POST", "/error/{code:int?}");
        Public("POST", "/culture");
        Public("GET", "/health");

        // The second step of signing in: before it the caller is not signed in; the step's own cookie says who it is for.
        foreach (var step in new[] { "/account/two-factor", "/account/two-factor/recovery" })
        {
            Public("GET", step);
            Public("POST", step);
        }
        Public("POST", "/health");

        // The private calendar feed needs no login: its token is the secret. A token that is no one's is nobody's feed.
        Get("/calendar/{token}.ics", Vendor, _ => new { token = "00000000000000000000000000000000" }, Callers.Everyone, null);

        // Anyone signed in: their own things.
        Get("/", Vendor, None, Callers.Anonymous, Demo.SorFronContact);
        Both("/account/notifications", Vendor, None, Callers.Anonymous, Demo.SorFronContact);
        Both("/account/password", Vendor, None, Callers.Anonymous, Demo.SorFronContact);
        Get("/account/security", Vendor, None, Callers.Anonymous, Demo.SorFronContact);
        Both("/account/security/authenticator", Vendor, None, Callers.Anonymous, Demo.SorFronContact);

        // Forms that exist only once two-factor sign-in is on (Kari has it off): anonymous is refused, the rest is TwoFactorTests'.
        Get("/account/security/recovery-codes", Vendor, None, Callers.Anonymous, Demo.SorFronContact);
        Post("/account/security/recovery-codes", Vendor, None, Callers.Anonymous, Demo.SorFronContact);
        Get("/account/security/disable", Vendor, None, Callers.Anonymous, Demo.SorFronContact);
        Post("/account/security/disable", Vendor, None, Callers.Anonymous, Demo.SorFronContact);
        Post("/account/security/forget-browser", Vendor, None, Callers.Anonymous, Demo.SorFronContact);
        Get("/account/calendar", Vendor, None, Callers.Anonymous, Demo.SorFronContact);
        Post("/account/calendar/renew", Vendor, None, Callers.Anonymous, Demo.SorFronContact, "/account/calendar");

        // Customers only.
        Get("/my", Alesund, None, Callers.Anonymous | Staff, Demo.AlesundContact);
        Get("/my/events", Alesund, None, Callers.Anonymous | Staff, Demo.AlesundContact);
        Get("/my/events/{id:int}", Alesund, i => new { id = i.Fagdagene }, Out | Staff, Demo.AlesundContact);
        Post("/my/events/{id:int}/register", Alesund, i => new { id = i.Fagdagene }, Out | Staff, Demo.AlesundContact, "/my/events/{id:int}");
        Post("/my/events/{id:int}/cancel", Alesund, i => new { id = i.Fagdagene }, Out | Staff, Demo.AlesundContact);

        // Staff pages with no ids.
        Get("/dashboard", Vendor, None, Customers, Demo.Sales);
        Get("/customers", Vendor, None, Customers, Demo.Sales);
        Both("/customers/new", Vendor, None, Customers | Cloud, Demo.Sales);
        Both("/projects/new", Vendor, None, Customers | Cloud, Demo.Sales);
        Get("/offers", Vendor, None, Customers, Demo.Sales);
        Get("/leads", Vendor, None, Customers, Demo.Sales);
        Both("/leads/new", Vendor, None, Customers | Lead | Cloud, Demo.Sales);
        Get("/queue", Vendor, None, Customers, Demo.Lead);
        Post("/queue/capacity", Vendor, None, AdminOnly, Demo.Admin, "/queue");

        // The project and its parts (Gudbrandsdalen, in setup: sales no longer change it).
        Get("/projects/{id:int}", Gud, G, Out, Demo.Lead);
        Get("/projects/{id:int}/history", Gud, G, Out | Own, Demo.Lead);
        Both("/projects/{id:int}/edit", Gud, G, ProjectEditors, Demo.Lead);
        Get("/projects/{id:int}/meetings/{meetingId:int}", Gud, i => new { id = i.Gudbrandsdalen, meetingId = i.GudMeeting }, Out, Demo.Lead);
        Get("/projects/{id:int}/meetings/{meetingId:int}", Gud, i => new { id = i.Gudbrandsdalen, meetingId = i.GudInternalMeeting }, Out | Own, Demo.Lead, "internal meeting");
        Get("/projects/{id:int}/meetings/{meetingId:int}/calendar.ics", Gud, i => new { id = i.Gudbrandsdalen, meetingId = i.GudMeeting }, Out, Demo.Lead);
        Get("/projects/{id:int}/meetings/{meetingId:int}/calendar.ics", Gud, i => new { id = i.Gudbrandsdalen, meetingId = i.GudInternalMeeting }, Out | Own, Demo.Lead, "internal meeting");
        Both("/projects/{id:int}/meetings/new", Gud, G, Out | Own, Demo.Sales);
        Both("/projects/{id:int}/meetings/{meetingId:int}/edit", Gud, i => new { id = i.Gudbrandsdalen, meetingId = i.GudMeeting }, Out | Own, Demo.Lead);
        Post("/projects/{id:int}/meetings/{meetingId:int}/cancel", Gud, i => new { id = i.Gudbrandsdalen, meetingId = i.GudMeeting }, Out | Own, Demo.Lead,
            "/projects/{id:int}/meetings/{meetingId:int}");
        Both("/projects/{id:int}/steps/{stepId:int}/edit", Gud, i => new { id = i.Gudbrandsdalen, stepId = i.GudStep }, ProjectEditors, Demo.Lead);
        Get("/projects/{id:int}/steps/{stepId:int}", Gud, i => new { id = i.Gudbrandsdalen, stepId = i.GudStep }, Out, Demo.Lead);
        Get("/projects/{id:int}/steps/{stepId:int}", Gud, i => new { id = i.Gudbrandsdalen, stepId = i.GudInternalStep }, Out | Own, Demo.Lead, "internal step");
        Post("/projects/{id:int}/steps/{stepId:int}/comments", Gud, i => new { id = i.Gudbrandsdalen, stepId = i.GudStep }, Out | Sales, Demo.Lead, "/projects/{id:int}/steps/{stepId:int}");
        Post("/projects/{id:int}/steps/{stepId:int}/comments", Gud, i => new { id = i.Gudbrandsdalen, stepId = i.GudInternalStep }, Out | Own | Sales, Demo.Lead,
            "/projects/{id:int}/steps/{stepId:int}", "internal step");
        Post("/projects/{id:int}/steps/{stepId:int}/done", Gud, i => new { id = i.Gudbrandsdalen, stepId = i.GudCustomerStep }, Out | Sales, Demo.SorFronContact,
            "/projects/{id:int}/steps/{stepId:int}");

        // The plan and the documents.
        Get("/projects/{id:int}/plan", Gud, G, Out, Demo.Lead);
        Post("/projects/{id:int}/plan/advance", Gud, G, LeadOnly, Demo.Lead, "/projects/{id:int}/plan");
        Get("/projects/{id:int}/documents", Gud, G, Out, Demo.Lead);
        Post("/projects/{id:int}/documents/plan", Gud, G, LeadOnly, Demo.Lead, "/projects/{id:int}/documents");
        Get("/projects/{id:int}/documents/plan/preview", Gud, G, Out | Own, Demo.Lead);
        Get("/projects/{id:int}/documents/plan/{number:int}", Gud, i => new { id = i.Gudbrandsdalen, number = i.GudPlanNumber }, Out, Demo.Lead);
        Get("/projects/{id:int}/documents/contract/{contractId:int}", Gud, i => new { id = i.Gudbrandsdalen, contractId = i.GudContract }, Out, Demo.Lead);

        // The checklist.
        Get("/projects/{id:int}/checklist", Gud, G, Out, Demo.Lead);
        Get("/projects/{id:int}/checklist/{itemId:int}", Gud, i => new { id = i.Gudbrandsdalen, itemId = i.GudItem }, Out, Demo.Lead);
        Post("/projects/{id:int}/checklist/{itemId:int}/comments", Gud, i => new { id = i.Gudbrandsdalen, itemId = i.GudItem }, Out | Sales, Demo.Lead,
            "/projects/{id:int}/checklist/{itemId:int}");
        Post("/projects/{id:int}/checklist/{itemId:int}/status", Gud, i => new { id = i.Gudbrandsdalen, itemId = i.GudCustomerItem }, Out | Sales, Demo.SorFronContact,
            "/projects/{id:int}/checklist");
        Both("/projects/{id:int}/checklist/new", Gud, G, ProjectEditors, Demo.Lead);
        Both("/projects/{id:int}/checklist/{itemId:int}/edit", Gud, i => new { id = i.Gudbrandsdalen, itemId = i.GudItem }, ProjectEditors, Demo.Lead);
        Post("/projects/{id:int}/checklist/{itemId:int}/delete", Gud, i => new { id = i.Gudbrandsdalen, itemId = i.GudItem }, ProjectEditors, Demo.Lead,
            "/projects/{id:int}/checklist/{itemId:int}/edit");
        Post("/projects/{id:int}/checklist/standard", Gud, G, ProjectEditors, Demo.Lead);

        // The test environment: the customer reports findings and signs off; staff keep the register and the findings' status.
        Get("/projects/{id:int}/test", Gud, G, Out, Demo.Lead);
        Both("/projects/{id:int}/test/edit", Gud, G, ProjectEditors, Demo.Lead);
        Both("/projects/{id:int}/test/findings/new", Gud, G, Out | Sales, Demo.SorFronContact);
        Both("/projects/{id:int}/test/findings/{findingId:int}/edit", Gud, i => new { id = i.Gudbrandsdalen, findingId = i.GudFinding }, ProjectEditors, Demo.Lead);
        Get("/projects/{id:int}/test/signoff", Gud, G, Out | Staff, Demo.SorFronContact);
        Post("/projects/{id:int}/test/signoff", Gud, G, Out | Staff, Demo.SorFronContact);

        // Training.
        Get("/projects/{id:int}/training", Gud, G, Out, Demo.Lead);
        Both("/projects/{id:int}/training/new", Gud, G, ProjectEditors, Demo.Lead);
        Both("/projects/{id:int}/training/{sessionId:int}/edit", Gud, i => new { id = i.Gudbrandsdalen, sessionId = i.GudSession }, ProjectEditors, Demo.Lead);
        Post("/projects/{id:int}/training/{sessionId:int}/delete", Gud, i => new { id = i.Gudbrandsdalen, sessionId = i.GudSession }, ProjectEditors, Demo.Lead,
            "/projects/{id:int}/training/{sessionId:int}/edit");

        // Go-live (Bærum): the lead runs it, the cloud centre accepts the handover.
        static object B(SweepIds i) => new { id = i.Baerum };
        Get("/projects/{id:int}/golive", Baerum, B, Out, Demo.Lead);
        Both("/projects/{id:int}/golive/cutover", Baerum, B, LeadOnly, Demo.Lead);
        Post("/projects/{id:int}/golive/production", Baerum, B, LeadOnly, Demo.Lead, "/projects/{id:int}/golive");
        Post("/projects/{id:int}/golive/followup", Baerum, B, LeadOnly, Demo.Lead, "/projects/{id:int}/golive");
        Post("/projects/{id:int}/golive/handover/request", Baerum, B, LeadOnly, Demo.Lead);
        Post("/projects/{id:int}/golive/handover/accept", Baerum, B, Out | Own | Sales | Lead, Demo.CloudCenter);

        // Intake (Tromsø, in phase 1): the mapping questionnaire and the offers.
        static object T(SweepIds i) => new { id = i.Tromso };
        Get("/projects/{id:int}/mapping", Tromso, T, Out, Demo.Sales);
        Post("/projects/{id:int}/mapping", Tromso, T, Out | Cloud, Demo.Sales); // submitted: the page shows the answers, no form
        Get("/projects/{projectId:int}/offers", Tromso, i => new { projectId = i.Tromso }, Out, Demo.Sales);
        Post("/projects/{projectId:int}/offers", Tromso, i => new { projectId = i.Tromso }, OfferEditors, Demo.Sales, "/projects/{projectId:int}/offers");
        static object Sent(SweepIds i) => new { id = i.TromsoOffer };
        static object Draft(SweepIds i) => new { id = i.DraftOffer };
        Get("/offers/{id:int}", Tromso, Sent, Out, Demo.Sales);
        Get("/offers/{id:int}", Tromso, Draft, Out | Own, Demo.Sales, "draft");
        Get("/offers/{id:int}/pdf", Tromso, Sent, Out, Demo.Sales);
        Get("/offers/{id:int}/pdf", Tromso, Draft, Out | Own, Demo.Sales, "draft");
        Get("/offers/{id:int}/compare", Tromso, Sent, Out | Own, Demo.Sales);
        Both("/offers/{id:int}/edit", Tromso, Draft, OfferEditors, Demo.Sales);
        Post("/offers/{id:int}/send", Tromso, Draft, OfferEditors, Demo.Sales, "/offers/{id:int}");
        Post("/offers/{id:int}/revise", Tromso, Sent, OfferEditors, Demo.Sales, "/offers/{id:int}");

        // Accepting and declining is the customer's (signing authority is an offer rule, not access: Per Hansen may not sign).
        Post("/offers/{id:int}/accept", Tromso, Sent, Out | Staff, Demo.TromsoSigner, "/offers/{id:int}");
        Post("/offers/{id:int}/decline", Tromso, Sent, Out | Staff, Demo.TromsoSigner, "/offers/{id:int}");

        // Customers (Tromsø kommune): the customer sees its own page; sales, leads and admins change it.
        static object TC(SweepIds i) => new { id = i.TromsoCustomer };
        Get("/customers/{id:int}", Tromso, TC, Out, Demo.Sales);
        Both("/customers/{id:int}/edit", Tromso, TC, Out | Own | Cloud, Demo.Sales);
        Both("/customers/{id:int}/contacts/new", Tromso, TC, Out | Own | Cloud, Demo.Sales);
        Both("/customers/{id:int}/contacts/{contactId:int}/edit", Tromso, i => new { id = i.TromsoCustomer, contactId = i.TromsoContact }, Out | Own | Cloud, Demo.Sales);

        // Operations (Ålesund): the wheel, meeting requests, upgrade notices.
        static object A(SweepIds i) => new { id = i.Alesund };
        Get("/operations/{id:int}/wheel", Alesund, A, Out, Demo.CloudCenter);
        Both("/operations/{id:int}/meeting-requests/new", Alesund, A, Out | Staff, Demo.AlesundContact);
        Post("/operations/{id:int}/status-month", Alesund, A, Out | Own | Sales | Lead, Demo.CloudCenter, "/operations/{id:int}/wheel");
        Get("/customers/{customerId:int}/upgrades", Alesund, i => new { customerId = i.AlesundCustomer }, Out, Demo.CloudCenter);
        Post("/customers/{customerId:int}/upgrades/{releaseId:int}/acknowledge", Alesund, i => new { customerId = i.AlesundCustomer, releaseId = i.Release }, Out | Staff,
            Demo.AlesundContact, "/customers/{customerId:int}/upgrades");
        Get("/cloud", Alesund, None, Out, Demo.AlesundContact);

        // The cloud centre's pages.
        Get("/cloud-centre", Vendor, None, CloudOnly, Demo.CloudCenter);
        Get("/cloud-centre/customers", Vendor, None, CloudOnly, Demo.CloudCenter);
        Both("/cloud-centre/meeting-requests/{requestId:int}", Alesund, i => new { requestId = i.MeetingRequest }, Out | Own | Sales | Lead, Demo.CloudCenter);
        Both("/cloud/news/new", Vendor, None, CloudOnly, Demo.CloudCenter);
        Both("/cloud/news/{newsId:int}/edit", Vendor, i => new { newsId = i.News }, CloudOnly, Demo.CloudCenter);
        Post("/cloud/news/{newsId:int}/delete", Vendor, i => new { newsId = i.News }, CloudOnly, Demo.CloudCenter, "/cloud/news/{newsId:int}/edit");
        Both("/cloud/customer-centre", Vendor, None, CloudOnly, Demo.CloudCenter);
        Get("/events", Vendor, None, CloudOnly, Demo.CloudCenter);
        Both("/events/new", Vendor, None, CloudOnly, Demo.CloudCenter);
        Get("/events/{id:int}", Vendor, i => new { id = i.Fagdagene }, CloudOnly, Demo.CloudCenter);
        Both("/events/{id:int}/edit", Vendor, i => new { id = i.Fagdagene }, CloudOnly, Demo.CloudCenter);
        Get("/events/{id:int}/registrations.csv", Vendor, i => new { id = i.Fagdagene }, CloudOnly, Demo.CloudCenter);
        Get("/upgrades", Vendor, None, CloudOnly, Demo.CloudCenter);
        Both("/upgrades/new", Vendor, None, CloudOnly, Demo.CloudCenter);
        Both("/upgrades/{id:int}/edit", Vendor, i => new { id = i.Release }, CloudOnly, Demo.CloudCenter);
        Post("/upgrades/{id:int}/done", Vendor, i => new { id = i.Release }, CloudOnly, Demo.CloudCenter, "/upgrades");
        Get("/hangfire/{**path}", Vendor, _ => new { path = "recurring" }, CloudOnly, Demo.Admin);
        Post("/hangfire/{**path}", Vendor, _ => new { path = "recurring/trigger" }, CloudOnly, Demo.Admin);

        // Sales: leads and the queue.
        static object L(SweepIds i) => new { id = i.Lead };
        Both("/leads/{id:int}", Vendor, L, Customers | Lead | Cloud, Demo.Sales);
        Post("/leads/{id:int}/convert", Vendor, L, Customers | Lead | Cloud, Demo.Sales, "/leads");
        Post("/leads/{id:int}/lost", Vendor, L, Customers | Lead | Cloud, Demo.Sales, "/leads");
        Post("/queue/{entryId:int}/move", Vendor, i => new { entryId = i.QueueEntry }, AdminOnly, Demo.Admin, "/queue");
        Post("/queue/{entryId:int}/start", Vendor, i => new { entryId = i.QueueEntry }, Customers | Sales, Demo.Lead, "/queue");

        // Administration.
        Get("/admin/users", Vendor, None, AdminOnly, Demo.Admin);
        Both("/admin/users/new", Vendor, None, AdminOnly, Demo.Admin);
        Both("/admin/users/{id}", Vendor, i => new { id = i.User }, AdminOnly, Demo.Admin);
        Post("/admin/users/{id}/send-reset", Vendor, i => new { id = i.User }, AdminOnly, Demo.Admin, "/admin/users");
        Get("/admin/products", Vendor, None, AdminOnly, Demo.Admin);
        Both("/admin/products/new", Vendor, None, AdminOnly, Demo.Admin);
        Both("/admin/products/{id:int}", Vendor, i => new { id = i.Product }, AdminOnly, Demo.Admin);
        static object P(SweepIds i) => new { productId = i.Product };
        static object PT(SweepIds i) => new { productId = i.Product, id = i.Template };
        Get("/admin/products/{productId:int}/templates", Vendor, P, AdminOnly, Demo.Admin);
        Both("/admin/products/{productId:int}/templates/new", Vendor, P, AdminOnly, Demo.Admin);
        Both("/admin/products/{productId:int}/templates/{id:int}", Vendor, PT, AdminOnly, Demo.Admin);
        Post("/admin/products/{productId:int}/templates/{id:int}/delete", Vendor, PT, AdminOnly, Demo.Admin, "/admin/products/{productId:int}/templates");
        Get("/admin/outbox", Vendor, None, AdminOnly, Demo.Admin);
        Get("/admin/security", Vendor, None, AdminOnly, Demo.Admin);
        Post("/admin/outbox/{id:long}/resend", Vendor, i => new { id = i.OutboxMessage }, AdminOnly, Demo.Admin);
        Get("/admin/outbox/pickup/{name}", Vendor, i => new { name = i.PickupFile }, AdminOnly, Demo.Admin);
        return rules;
    }
}
