namespace MigrationPortal.Web.Domain;

/// <summary>
/// An entity a person edits. <see cref="Version"/> is the optimistic-concurrency token: it is bumped on
/// every save, so two people who loaded the same version cannot both write (see docs/adr/0003).
/// </summary>
public abstract class Versioned
{
    public int Version { get; set; }
}

/// <summary>Marks an entity whose changes are written to the audit trail.</summary>
#pragma warning disable CA1040 // a marker interface is the point: it opts an entity into the audit trail
public interface IAudited;
#pragma warning restore CA1040
