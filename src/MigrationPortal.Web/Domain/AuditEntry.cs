namespace MigrationPortal.Web.Domain;

/// <summary>One changed value: who changed what, when, from what to what. Written by PortalDb on save.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public string? UserId { get; set; }
    public required string UserName { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }

    /// <summary>"Created", "Modified" or "Deleted".</summary>
    public required string Action { get; set; }
    public string? Property { get; set; }
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }

    /// <summary>The project the change belongs to, so a project page can show its history.</summary>
    public int? ProjectId { get; set; }
    public int? CustomerId { get; set; }
}
