namespace MigrationPortal.Web.Domain;

/// <summary>The four phases of the migration journey, in order.</summary>
public enum Phase
{
    Intake = 1,
    Setup = 2,
    GoLive = 3,
    Operations = 4,
}

public enum CustomerType
{
    Municipality = 1,
    County = 2,
    OtherPublicBody = 3,
    Private = 4,
}

public enum StepStatus
{
    NotStarted = 0,
    InProgress = 1,
    Done = 2,
    Blocked = 3,
    NotApplicable = 4,
}

public enum ResponsibleParty
{
    Vendor = 1,
    Customer = 2,
}

public enum ProjectStatus
{
    Active = 1,
    OnHold = 2,
    Completed = 3,
    Cancelled = 4,
}

public enum ProjectHealth
{
    OnTrack = 1,
    AtRisk = 2,
    Late = 3,
}

public enum MeetingKind
{
    Initial = 1,
    FollowUp = 2,
    Kickoff = 3,
    Status = 4,
    Training = 5,
    Webinar = 6,
    Other = 7,
}
