namespace MigrationPortal.Web.Domain;

public sealed class Project : Versioned, IAudited
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public Phase Phase { get; set; } = Phase.Intake;
    public ProjectStatus Status { get; set; } = ProjectStatus.Active;

    /// <summary>The vendor's dedicated contact person for the customer (a staff user).</summary>
    public string? LeadUserId { get; set; }
    public PortalUser? Lead { get; set; }
    public DateOnly? PlannedStart { get; set; }
    public DateOnly? PlannedGoLive { get; set; }
    public DateTime CreatedUtc { get; set; }

    /// <summary>The agreed cutover window (stored in UTC; validated in Europe/Oslo against working hours and holidays).</summary>
    public DateTime? CutoverStartUtc { get; set; }
    public DateTime? CutoverEndUtc { get; set; }

    /// <summary>The first day in production, recorded at go-live.</summary>
    public DateOnly? FirstProductionDay { get; set; }

    /// <summary>Weeks of close follow-up (tett oppfølging) after go-live.</summary>
    public int FollowUpWeeks { get; set; } = 4;

    public DateTime? HandoverRequestedUtc { get; set; }
    public string? HandoverRequestedByName { get; set; }
    public DateTime? HandoverAcceptedUtc { get; set; }
    public string? HandoverAcceptedByName { get; set; }

    /// <summary>The project's name folded for search; see <see cref="Customer.SearchText"/>.</summary>
    public string SearchText { get; set; } = string.Empty;

    public List<ProjectCustomer> Customers { get; } = [];
    public List<ProjectProduct> Products { get; } = [];
    public List<Step> Steps { get; } = [];
    public List<Meeting> Meetings { get; } = [];

    /// <summary>
    /// Adds the steps of every template for the project's products, merging templates that share a key
    /// (a project with both WebSak and the forms tool gets one kickoff, not two), dated from the start, with the
    /// dependencies the templates name. Templates that need a product the customer already runs are left out; see
    /// <see cref="ProjectPlan.AddFromTemplates"/> for a plan that knows the installed base.
    /// </summary>
    public void AddStepsFromTemplates(IEnumerable<StepTemplate> templates, DateOnly start) =>
        ProjectPlan.AddFromTemplates(this, templates, new HashSet<string>(StringComparer.Ordinal), start, countFromFirst: false);
}

public sealed class ProjectCustomer : IAudited
{
    public int ProjectId { get; set; }
    public Project? Project { get; set; }
    public int CustomerId { get; set; }
    public Customer? Customer { get; set; }
}

public sealed class ProjectProduct : IAudited
{
    public int ProjectId { get; set; }
    public Project? Project { get; set; }
    public int ProductId { get; set; }
    public Product? Product { get; set; }
}
