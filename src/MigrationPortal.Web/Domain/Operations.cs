using System.Linq.Expressions;

namespace MigrationPortal.Web.Domain;

/// <summary>The one definition of "in operation" (phase 4 and active): who the cloud centre serves.</summary>
public static class InOperationQueries
{
    public static readonly Expression<Func<Project, bool>> IsInOperation = p => p.Phase == Phase.Operations && p.Status == ProjectStatus.Active;

    public static IQueryable<Project> InOperation(this IQueryable<Project> projects) => projects.Where(IsInOperation);
}

/// <summary>What a message is about; each person can turn off the kinds they do not want (account mails always go).</summary>
public enum NotificationKind
{
    Account = 1,
    OfferSent = 2,
    PlanSent = 3,
    Meeting = 4,
    ChecklistAssigned = 5,
    StepComment = 6,
    UpgradeNotice = 7,
    Event = 8,
    Reminder = 9,
}

public enum OutboxStatus
{
    Pending = 0,
    Sent = 1,
    Dead = 2,
}

/// <summary>
/// An e-mail waiting to be sent, written in the same transaction as the change that caused it. <see cref="Key"/> is the
/// business key (unique): writing the same notification twice, on one node or two, makes one row. A job sends it
/// with a stable <see cref="MessageId"/>, retries with backoff and gives up (dead) after repeated failure.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public required string Key { get; set; }
    public NotificationKind Kind { get; set; }
    public required string ToAddress { get; set; }
    public string? ToName { get; set; }
    public string Language { get; set; } = "nb-NO";
    public required string Subject { get; set; }
    public required string TextBody { get; set; }
    public string? HtmlBody { get; set; }

    /// <summary>An iCalendar attachment (invitation, update or cancellation), with its METHOD.</summary>
    public string? Ics { get; set; }
    public string? IcsMethod { get; set; }

    /// <summary>The Message-ID header, fixed when the row is written, so a resend is recognisably the same mail.</summary>
    public required string MessageId { get; set; }
    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime NextAttemptUtc { get; set; }

    /// <summary>Set by the node that is sending it, so another node leaves it alone until then.</summary>
    public DateTime? LockedUntilUtc { get; set; }
    public DateTime? SentUtc { get; set; }
    public string? LastError { get; set; }
    public int? ProjectId { get; set; }
    public string? UserId { get; set; }
}

/// <summary>A person's choice to receive (or not) one kind of notification. No row means yes.</summary>
public sealed class NotificationPreference
{
    public required string UserId { get; set; }
    public NotificationKind Kind { get; set; }
    public bool Enabled { get; set; }
}

public enum MeetingRequestStatus
{
    Open = 0,
    Planned = 1,
    Declined = 2,
}

/// <summary>A customer in operation asks for an extra meeting.</summary>
public sealed class MeetingRequest : Versioned, IAudited, IProjectOwned
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public string? RequestedByUserId { get; set; }
    public required string RequestedByName { get; set; }
    public required string Topic { get; set; }
    public DateOnly? PreferredDate { get; set; }
    public DateTime CreatedUtc { get; set; }
    public MeetingRequestStatus Status { get; set; }
    public int? MeetingId { get; set; }
}

public enum ReleaseSize
{
    Small = 1,
    Large = 2,
}

/// <summary>A version rolled out to cloud customers: small or large, with what is new and a webinar.</summary>
public sealed class UpgradeRelease : Versioned, IAudited
{
    public int Id { get; set; }
    public int ProductId { get; set; }
    public Product? Product { get; set; }
    /// <summary>The product version released, e.g. "2026.2".</summary>
    public required string ProductVersion { get; set; }
    public ReleaseSize Size { get; set; }
    public DateOnly PlannedDate { get; set; }
    public string? Description { get; set; }
    public string? InfoUrl { get; set; }
    public DateTime? WebinarUtc { get; set; }
    public string? WebinarUrl { get; set; }
    public DateTime CreatedUtc { get; set; }

    /// <summary>Set when the release has been rolled out; customers' upgrade history is written then.</summary>
    public DateOnly? DoneDate { get; set; }
}

/// <summary>One notice of a release to one customer at one stage (eight weeks, two weeks, reminder): unique, so never twice.</summary>
public sealed class UpgradeNotice
{
    public int Id { get; set; }
    public int ReleaseId { get; set; }
    public int CustomerId { get; set; }

    /// <summary>"8w", "2w", "reminder" …: the stage this notice is, part of its unique key.</summary>
    public required string Stage { get; set; }
    public DateTime SentUtc { get; set; }
}

/// <summary>A customer's acknowledgement that it has read about a release (one per customer and release).</summary>
public sealed class UpgradeAcknowledgement
{
    public int ReleaseId { get; set; }
    public int CustomerId { get; set; }
    public string? UserId { get; set; }
    public required string ByName { get; set; }
    public DateTime AtUtc { get; set; }
}

/// <summary>A customer's upgrade history: from which version to which, when.</summary>
public sealed class CustomerUpgrade
{
    public int Id { get; set; }
    public int CustomerId { get; set; }
    public int ProductId { get; set; }
    public string? FromVersion { get; set; }
    public required string ToVersion { get; set; }
    public DateOnly Date { get; set; }
    public int? ReleaseId { get; set; }
}

public enum PortalEventKind
{
    UserSeminar = 1,
    ProfessionalDays = 2,
    Webinar = 3,
    Other = 4,
}

/// <summary>An event (the user seminar, FAGdagene) with a capacity; contacts register or wait.</summary>
public sealed class PortalEvent : Versioned, IAudited
{
    public int Id { get; set; }
    public PortalEventKind Kind { get; set; }
    public required string Title { get; set; }
    public DateTime StartUtc { get; set; }
    public DateTime EndUtc { get; set; }
    public string? Place { get; set; }

    /// <summary>The programme, as Markdown (sanitised when shown).</summary>
    public string? Programme { get; set; }
    public int Capacity { get; set; }
    public DateOnly? RegistrationDeadline { get; set; }
    public DateTime CreatedUtc { get; set; }
    public List<EventInvitation> Invitations { get; } = [];
}

/// <summary>A customer invited to an event (its contacts get the invitation).</summary>
public sealed class EventInvitation
{
    public int EventId { get; set; }
    public int CustomerId { get; set; }
    public DateTime? SentUtc { get; set; }
}

public enum RegistrationStatus
{
    Registered = 1,
    Waiting = 2,
    Cancelled = 3,
}

/// <summary>A contact's registration for an event (one per contact and event).</summary>
public sealed class EventRegistration : Versioned, IAudited
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public int ContactId { get; set; }
    public required string Name { get; set; }
    public RegistrationStatus Status { get; set; }
    public DateTime RegisteredUtc { get; set; }
    public DateTime? CancelledUtc { get; set; }
}

/// <summary>A news item on the cloud-customer page, written in Markdown by the cloud centre.</summary>
public sealed class CloudNewsItem : Versioned, IAudited
{
    public int Id { get; set; }
    public required string Title { get; set; }
    public required string Markdown { get; set; }
    public DateTime PublishedUtc { get; set; }
}
