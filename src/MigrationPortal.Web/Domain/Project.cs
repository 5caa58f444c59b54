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
    /// (a project with both WebSak and the forms tool gets one kickoff, not two), dated from the start.
    /// </summary>
    public void AddStepsFromTemplates(IEnumerable<StepTemplate> templates, DateOnly start)
    {
        ArgumentNullException.ThrowIfNull(templates);
        var productIds = Products.Select(p => p.ProductId).ToHashSet();
        var existing = Steps.Where(s => s.TemplateKey != null).Select(s => s.TemplateKey!).ToHashSet(StringComparer.Ordinal);
        var merged = templates
            .Where(t => productIds.Contains(t.ProductId))
            .GroupBy(t => t.Key, StringComparer.Ordinal)
            .Select(g => g.OrderBy(t => t.OffsetDays).First())
            .Where(t => !existing.Contains(t.Key))
            .OrderBy(t => t.Phase).ThenBy(t => t.SortOrder).ThenBy(t => t.OffsetDays);
        var order = Steps.Count == 0 ? 0 : Steps.Max(s => s.SortOrder);
        foreach (var t in merged)
        {
            var plannedStart = start.AddDays(t.OffsetDays);
            Steps.Add(new Step
            {
                Phase = t.Phase,
                Title = t.Title,
                Description = t.Description,
                Responsible = t.Responsible,
                CustomerVisible = t.CustomerVisible,
                PlannedStart = plannedStart,
                Due = plannedStart.AddDays(Math.Max(0, t.DurationDays)),
                SortOrder = ++order,
                TemplateKey = t.Key,
            });
        }
    }
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
