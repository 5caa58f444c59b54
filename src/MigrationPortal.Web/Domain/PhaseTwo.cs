namespace MigrationPortal.Web.Domain;

/// <summary>A row that belongs to one project; the audit trail files its changes under that project.</summary>
public interface IProjectOwned
{
    int ProjectId { get; }
}

/// <summary>The dates on a plan that people steer by. Each is carried by one step.</summary>
public enum MilestoneKind
{
    Kickoff = 1,
    TestStart = 2,
    TestSignOff = 3,
    TrainingDone = 4,
    GoLive = 5,
    FollowUpEnd = 6,
    Handover = 7,
}

/// <summary>Finish-to-start: <see cref="StepId"/> starts when <see cref="DependsOnStepId"/> is finished.</summary>
public sealed class StepDependency : IAudited
{
    public int StepId { get; set; }
    public Step? Step { get; set; }
    public int DependsOnStepId { get; set; }
    public Step? DependsOn { get; set; }
}

/// <summary>A system a customer already runs (the installed base), e.g. WebSak 2019 or the FOKUS client.</summary>
public sealed class CustomerProduct : IAudited
{
    public int CustomerId { get; set; }
    public Customer? Customer { get; set; }
    public int ProductId { get; set; }
    public Product? Product { get; set; }
    public string? Version { get; set; }
}

/// <summary>How a project moved from one phase to the next: by its transition, or by a lead's override with a reason.</summary>
public sealed class PhaseTransition : IProjectOwned
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public Phase From { get; set; }
    public Phase To { get; set; }
    public PhaseTransitionKind Kind { get; set; }
    public DateTime AtUtc { get; set; }
    public string? UserId { get; set; }
    public required string UserName { get; set; }

    /// <summary>Why the lead moved the phase before its required steps were done; null for a regular transition.</summary>
    public string? OverrideReason { get; set; }
}

public enum PhaseTransitionKind
{
    Acceptance = 1,
    TestSignOff = 2,
    Handover = 3,
    Override = 4,
}

/// <summary>A version of the project plan PDF as it was sent to the customer; never changed after.</summary>
public sealed class PlanVersion : IProjectOwned
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public int Number { get; set; }
    public DateTime SentUtc { get; set; }
    public string? SentByUserId { get; set; }
    public required string SentByName { get; set; }
    public required byte[] Pdf { get; set; }
    public required string Sha256 { get; set; }
}

/// <summary>
/// The contract: the accepted offer PDF with an acceptance page, sealed with the vendor's certificate. Made once,
/// at acceptance; acceptance in the portal, sealed by the vendor (not a personal e-signature).
/// </summary>
public sealed class SignedContract : IProjectOwned
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public int OfferRevisionId { get; set; }
    public DateTime CreatedUtc { get; set; }
    public required byte[] Pdf { get; set; }
    public required string Sha256 { get; set; }

    /// <summary>The sealing certificate's subject and SHA-1 thumbprint, as shown by PDF readers.</summary>
    public required string CertificateSubject { get; set; }
    public required string CertificateThumbprint { get; set; }
}

public enum ChecklistCategory
{
    Access = 1,
    Account = 2,
    Export = 3,
    Network = 4,
    Other = 5,
}

public enum ChecklistStatus
{
    Open = 0,
    Done = 1,
    NotApplicable = 2,
}

/// <summary>Something the customer's IT (or the vendor) must provide so the vendor can reach the software to move.</summary>
public sealed class ChecklistItem : Versioned, IAudited, IProjectOwned
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public Project? Project { get; set; }
    public ChecklistCategory Category { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public ResponsibleParty Owner { get; set; } = ResponsibleParty.Customer;

    /// <summary>The person at the customer who does it, if named.</summary>
    public int? OwnerContactId { get; set; }
    public DateOnly? Due { get; set; }
    public ChecklistStatus Status { get; set; }
    public DateTime? DoneUtc { get; set; }
    public string? DoneByName { get; set; }
    public int SortOrder { get; set; }

    public bool IsOverdue(DateOnly today) => Status == ChecklistStatus.Open && Due is { } due && due < today;
}

/// <summary>
/// One message in a discussion on a step or a checklist item. <see cref="Internal"/> notes are for vendor staff only;
/// the rest is seen by both sides wherever the step or item is customer-visible.
/// </summary>
public sealed class Comment : IProjectOwned
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public int? StepId { get; set; }
    public int? ChecklistItemId { get; set; }
    public bool Internal { get; set; }
    public string? AuthorUserId { get; set; }
    public required string AuthorName { get; set; }
    public bool ByCustomer { get; set; }
    public required string Text { get; set; }
    public DateTime CreatedUtc { get; set; }
}

/// <summary>The project's test environment: one per project.</summary>
public sealed class TestEnvironment : Versioned, IAudited, IProjectOwned
{
    public int Id { get; set; }
    public int ProjectId { get; set; }

    /// <summary>The day the copy of the production database was taken.</summary>
    public DateOnly? ProductionCopyDate { get; set; }
    public string? TargetVersion { get; set; }
    public DateOnly? TestStart { get; set; }
    public DateOnly? TestEnd { get; set; }
    public string? Notes { get; set; }

    public DateTime? SignedOffUtc { get; set; }
    public int? SignedOffByContactId { get; set; }
    public string? SignedOffByName { get; set; }
    public string? SignOffRemarks { get; set; }

    public List<TestClient> Clients { get; } = [];
}

/// <summary>A dedicated test client (terminal server) for the test period, and who uses it.</summary>
public sealed class TestClient : IAudited
{
    public int Id { get; set; }
    public int TestEnvironmentId { get; set; }
    public required string Name { get; set; }
    public string? Users { get; set; }
}

public enum FindingStatus
{
    Open = 0,
    Fixed = 1,
    Closed = 2,
}

public enum FindingSeverity
{
    Low = 1,
    Medium = 2,
    High = 3,
}

/// <summary>Something the customer found while testing.</summary>
public sealed class TestFinding : Versioned, IAudited, IProjectOwned
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public FindingSeverity Severity { get; set; } = FindingSeverity.Medium;
    public FindingStatus Status { get; set; }
    public string? ReportedByUserId { get; set; }
    public required string ReportedByName { get; set; }
    public DateTime ReportedUtc { get; set; }
    public string? Resolution { get; set; }
}

public enum TrainingFormat
{
    AtCustomer = 1,
    AtVendor = 2,
    Online = 3,
    Video = 4,
}

/// <summary>One session of the tailored training plan.</summary>
public sealed class TrainingSession : Versioned, IAudited, IProjectOwned
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public required string Title { get; set; }
    public TrainingFormat Format { get; set; }
    public string? Audience { get; set; }

    /// <summary>When it is held; none for a video to watch at any time.</summary>
    public DateTime? StartUtc { get; set; }
    public int? DurationMinutes { get; set; }
    public string? Location { get; set; }
    public string? Participants { get; set; }
    public string? Materials { get; set; }
    public string? VideoUrl { get; set; }
    public bool CustomerVisible { get; set; } = true;
}
