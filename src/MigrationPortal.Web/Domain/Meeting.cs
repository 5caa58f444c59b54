namespace MigrationPortal.Web.Domain;

public sealed class Meeting : Versioned, IAudited
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public Project? Project { get; set; }
    public MeetingKind Kind { get; set; }
    public required string Title { get; set; }
    public DateTime StartUtc { get; set; }
    public DateTime EndUtc { get; set; }
    public string? Location { get; set; }
    public string? OnlineLink { get; set; }
    public string? Agenda { get; set; }
    public string? Minutes { get; set; }
    public bool CustomerVisible { get; set; } = true;
    public List<MeetingParticipant> Participants { get; } = [];

    /// <summary>iCalendar SEQUENCE: bumped on every change that invitees must hear of (time, place, cancellation).</summary>
    public int Sequence { get; set; }

    /// <summary>Set when the meeting is cancelled; the invitees get a METHOD:CANCEL.</summary>
    public DateTime? CancelledUtc { get; set; }

    /// <summary>The annual wheel's key for a planned operations meeting ("wheel:{projectId}:{yyyy}:status" …); unique.</summary>
    public string? WheelKey { get; set; }

    /// <summary>The stable iCalendar UID of the meeting.</summary>
    public string Uid => $"meeting-{Id}@migrationportal";
}

/// <summary>A participant: a contact at the customer, a staff user, or just a name.</summary>
public sealed class MeetingParticipant
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public int? ContactId { get; set; }
    public string? UserId { get; set; }
    public required string Name { get; set; }
}
