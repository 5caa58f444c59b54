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
