namespace MigrationPortal.Web.Domain;

public enum LeadSource
{
    CustomerInquiry = 1,
    UpgradeRecommendation = 2,
    PublicTender = 3,
    MappingTalkBooked = 4,
}

public enum LeadStatus
{
    Open = 1,
    Converted = 2,
    Lost = 3,
}

/// <summary>First contact with a customer who is considering the cloud. Becomes a project in phase 1.</summary>
public sealed class Lead : Versioned, IAudited
{
    public int Id { get; set; }
    public int CustomerId { get; set; }
    public Customer? Customer { get; set; }
    public LeadSource Source { get; set; }

    /// <summary>The tender's reference (Doffin or the buyer's own), for <see cref="LeadSource.PublicTender"/>.</summary>
    public string? TenderReference { get; set; }
    public DateOnly? TenderDeadline { get; set; }
    public string? OwnerUserId { get; set; }
    public string? Notes { get; set; }
    public LeadStatus Status { get; set; } = LeadStatus.Open;
    public int? ProjectId { get; set; }
    public DateTime CreatedUtc { get; set; }
    public List<LeadProduct> Products { get; } = [];
}

public sealed class LeadProduct
{
    public int LeadId { get; set; }
    public int ProductId { get; set; }
    public Product? Product { get; set; }
}

public enum QuestionnaireStatus
{
    Draft = 0,
    Submitted = 1,
}

/// <summary>The mapping (kartlegging) of phase 1: filled in by sales in a meeting or by the customer in the portal.</summary>
public sealed class MappingQuestionnaire : Versioned, IAudited
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public string? Needs { get; set; }
    public string? WhyCloud { get; set; }
    public string? InternalResources { get; set; }
    public string? HelpNeeded { get; set; }
    public string? PreferredStart { get; set; }
    public bool? WantsMoreMeetings { get; set; }
    public bool? NeedsMappingProject { get; set; }
    public string? Other { get; set; }
    public QuestionnaireStatus Status { get; set; } = QuestionnaireStatus.Draft;
    public DateTime? SubmittedUtc { get; set; }
    public string? SubmittedBy { get; set; }
}
