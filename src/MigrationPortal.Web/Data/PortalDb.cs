using System.Globalization;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using MigrationPortal.Web.Domain;

namespace MigrationPortal.Web.Data;

/// <summary>
/// The model, shared by all providers. One small derived context per provider owns that provider's
/// migration set (docs/adr/0002). Saving bumps versions (optimistic concurrency) and writes the audit
/// trail in the same transaction.
/// </summary>
public abstract class PortalDb : IdentityDbContext<PortalUser>, IDataProtectionKeyContext
{
    private static readonly HashSet<string> NeverAudited = new(StringComparer.Ordinal)
    {
        nameof(Versioned.Version), nameof(PortalUser.PasswordHash), nameof(PortalUser.SecurityStamp),
        nameof(PortalUser.ConcurrencyStamp), nameof(PortalUser.NormalizedEmail), nameof(PortalUser.NormalizedUserName),
        nameof(PortalUser.AccessFailedCount), nameof(OfferRevision.PdfContent), nameof(Customer.SearchText), nameof(PortalUser.SearchText),
        nameof(PortalUser.CalendarToken), nameof(PlanVersion.Pdf), nameof(SignedContract.Pdf),
        nameof(OfferRevision.OneOffTotalOre), nameof(OfferRevision.YearlyTotalOre), nameof(OfferRevision.InPipeline),
    };

    protected PortalDb(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>
    /// Who the audit trail names for this unit of work. Contexts are pooled (<see cref="DatabaseSetup.AddPortalDatabase"/>),
    /// so it is set on every lease and cleared when the context goes back to the pool: a context never carries one
    /// request's user into the next.
    /// </summary>
    public IAuditActor? Actor { get; set; }

    /// <summary>The clock the audit trail's times come from.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<Project> Projects => Set<Project>();
    public DbSet<ProjectCustomer> ProjectCustomers => Set<ProjectCustomer>();
    public DbSet<ProjectProduct> ProjectProducts => Set<ProjectProduct>();
    public DbSet<Step> Steps => Set<Step>();
    public DbSet<StepTemplate> StepTemplates => Set<StepTemplate>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<MeetingParticipant> MeetingParticipants => Set<MeetingParticipant>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Offer> Offers => Set<Offer>();
    public DbSet<OfferRevision> OfferRevisions => Set<OfferRevision>();
    public DbSet<OfferActivity> OfferActivities => Set<OfferActivity>();
    public DbSet<OfferYearlyCost> OfferYearlyCosts => Set<OfferYearlyCost>();
    public DbSet<CloudQueueEntry> CloudQueue => Set<CloudQueueEntry>();
    public DbSet<VendorSettings> VendorSettings => Set<VendorSettings>();
    public DbSet<Lead> Leads => Set<Lead>();
    public DbSet<MappingQuestionnaire> Questionnaires => Set<MappingQuestionnaire>();
    public DbSet<StepDependency> StepDependencies => Set<StepDependency>();
    public DbSet<CustomerProduct> CustomerProducts => Set<CustomerProduct>();
    public DbSet<PhaseTransition> PhaseTransitions => Set<PhaseTransition>();
    public DbSet<PlanVersion> PlanVersions => Set<PlanVersion>();
    public DbSet<SignedContract> SignedContracts => Set<SignedContract>();
    public DbSet<ChecklistItem> ChecklistItems => Set<ChecklistItem>();
    public DbSet<Comment> Comments => Set<Comment>();
    public DbSet<TestEnvironment> TestEnvironments => Set<TestEnvironment>();
    public DbSet<TestClient> TestClients => Set<TestClient>();
    public DbSet<TestFinding> TestFindings => Set<TestFinding>();
    public DbSet<TrainingSession> TrainingSessions => Set<TrainingSession>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();
    public DbSet<MeetingRequest> MeetingRequests => Set<MeetingRequest>();
    public DbSet<UpgradeRelease> UpgradeReleases => Set<UpgradeRelease>();
    public DbSet<UpgradeNotice> UpgradeNotices => Set<UpgradeNotice>();
    public DbSet<UpgradeAcknowledgement> UpgradeAcknowledgements => Set<UpgradeAcknowledgement>();
    public DbSet<CustomerUpgrade> CustomerUpgrades => Set<CustomerUpgrade>();
    public DbSet<PortalEvent> Events => Set<PortalEvent>();
    public DbSet<EventInvitation> EventInvitations => Set<EventInvitation>();
    public DbSet<EventRegistration> EventRegistrations => Set<EventRegistration>();
    public DbSet<CloudNewsItem> CloudNews => Set<CloudNewsItem>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<SecurityEvent> SecurityEvents => Set<SecurityEvent>();
    public DbSet<DataProtectionKey> DataProtectionKeys { get; set; } = null!;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDb).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // Every DateTime is UTC: stored as such and read back with Kind=Utc (Npgsql's timestamptz insists).
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    /// <summary>Back to the pool (or closed): the lease's actor and clock go with it.</summary>
    public override void Dispose()
    {
        Forget();
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <inheritdoc cref="Dispose"/>
    public override async ValueTask DisposeAsync()
    {
        Forget();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        await MarkPipelineAsync(cancellationToken);
        foreach (var entry in ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            switch (entry.Entity)
            {
                case Customer c:
                    c.UpdateSearchText();
                    break;
                case Project p:
                    p.SearchText = SearchFold.Fold(p.Name);
                    break;
                case PortalUser u:
                    u.UpdateSearchText();
                    break;
                case OfferRevision r:
                    // A new revision has all its rows; a changed one only those loaded with it (a status change loads none).
                    var added = entry.State == EntityState.Added;
                    r.StoreTotals(added || entry.Collection(nameof(OfferRevision.Activities)).IsLoaded, added || entry.Collection(nameof(OfferRevision.YearlyCosts)).IsLoaded);
                    break;
                default:
                    break;
            }
        }

        foreach (var entry in ChangeTracker.Entries<Versioned>())
        {
            if (entry.State == EntityState.Modified)
            {
                entry.Entity.Version++;
            }
        }

        // A role given or taken is audited by its name: the roles (a handful) are loaded first if one changes.
        if (ChangeTracker.Entries<IdentityUserRole<string>>().Any(e => e.State is EntityState.Added or EntityState.Deleted))
        {
            await Roles.LoadAsync(cancellationToken);
        }

        var pending = CollectAudit();
        if (pending.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // Keys of added rows exist only after the insert, so the audit rows follow in a second save,
        // inside one transaction: either both land or neither does.
        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            var now = Clock.GetUtcNow().UtcDateTime;
            AuditEntries.AddRange(pending.Select(p => p.ToEntry(now, Actor)));
            await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            return count;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    /// <summary>Every offer one of whose revisions is added, changed or removed gets its pipeline revision marked again.</summary>
    private async Task MarkPipelineAsync(CancellationToken ct)
    {
        var touched = ChangeTracker.Entries<OfferRevision>().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity.OfferId).ToHashSet();
        if (touched.Count == 0)
        {
            return;
        }

        var saved = touched.Where(id => id > 0).ToList();
        if (saved.Count > 0)
        {
            await OfferRevisions.Where(r => saved.Contains(r.OfferId)).LoadAsync(ct);
        }

        var live = ChangeTracker.Entries<OfferRevision>().Where(e => e.State != EntityState.Deleted && touched.Contains(e.Entity.OfferId)).Select(e => e.Entity);
        foreach (var offer in live.GroupBy(r => r.OfferId))
        {
            OfferRevision.MarkPipeline([.. offer]);
        }

        ChangeTracker.DetectChanges();
    }

    private void Forget()
    {
        Actor = null;
        Clock = TimeProvider.System;
    }

    private List<PendingAudit> CollectAudit()
    {
        var list = new List<PendingAudit>();
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached
                || entry.Entity is not (IAudited or IdentityUserRole<string>))
            {
                continue;
            }

            switch (entry.State)
            {
                case EntityState.Added:
                    list.Add(new PendingAudit(entry, "Created", null, null, Describe(entry)));
                    break;
                case EntityState.Deleted:
                    list.Add(new PendingAudit(entry, "Deleted", null, Describe(entry), null));
                    break;
                case EntityState.Modified:
                    foreach (var prop in entry.Properties)
                    {
                        if (!prop.IsModified || NeverAudited.Contains(prop.Metadata.Name))
                        {
                            continue;
                        }

                        var oldValue = Show(prop.OriginalValue);
                        var newValue = Show(prop.CurrentValue);
                        if (!string.Equals(oldValue, newValue, StringComparison.Ordinal))
                        {
                            list.Add(new PendingAudit(entry, "Modified", prop.Metadata.Name, oldValue, newValue));
                        }
                    }

                    break;
                default:
                    break;
            }
        }

        return list;
    }

    private string? Describe(EntityEntry entry) => entry.Entity switch
    {
        Customer c => c.Name,
        Contact c => c.Name,
        Project p => p.Name,
        Step s => s.Title,
        Meeting m => m.Title,
        Product p => p.Name,
        StepTemplate t => t.Title,
        Offer o => o.Number,
        OfferRevision r => $"{r.Title} rev. {r.Revision}",
        CloudQueueEntry q => Show(q.Position),
        Lead l => l.Source.ToString(),
        PortalUser u => u.Email,
        ProjectCustomer pc => pc.Customer?.Name ?? Customers.Local.FirstOrDefault(c => c.Id == pc.CustomerId)?.Name ?? Show(pc.CustomerId),
        ProjectProduct pp => pp.Product?.Name ?? Products.Local.FirstOrDefault(p => p.Id == pp.ProductId)?.Name ?? Show(pp.ProductId),
        CustomerProduct cp => cp.Product?.Name ?? Products.Local.FirstOrDefault(p => p.Id == cp.ProductId)?.Name ?? Show(cp.ProductId),
        StepDependency d => d.DependsOn?.Title ?? Steps.Local.FirstOrDefault(s => s.Id == d.DependsOnStepId)?.Title ?? Show(d.DependsOnStepId),
        IdentityUserRole<string> r => Roles.Local.FirstOrDefault(x => x.Id == r.RoleId)?.Name ?? r.RoleId,
        _ => null,
    };

    internal static string? Show(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private sealed record PendingAudit(EntityEntry Entry, string Action, string? Property, string? OldValue, string? NewValue)
    {
        public AuditEntry ToEntry(DateTime now, IAuditActor? actor)
        {
            var (projectId, customerId) = Entry.Entity switch
            {
                Project p => ((int?)p.Id, (int?)null),
                Step s => (s.ProjectId, null),
                Meeting m => (m.ProjectId, null),
                Offer o => (o.ProjectId, null),
                OfferRevision r => (r.Offer?.ProjectId, null),
                CloudQueueEntry q => (q.ProjectId, null),
                MappingQuestionnaire mq => (mq.ProjectId, null),
                Lead l => (l.ProjectId, l.CustomerId),
                ProjectCustomer pc => (pc.ProjectId, pc.CustomerId),
                ProjectProduct pp => (pp.ProjectId, null),
                Customer c => (null, c.Id),
                Contact c => (null, c.CustomerId),
                CustomerProduct cp => (null, cp.CustomerId),
                StepDependency d => (d.Step?.ProjectId, null),
                IProjectOwned owned => (owned.ProjectId, null),
                _ => (null, null),
            };
            var key = Entry.Metadata.FindPrimaryKey();
            var id = key is null
                ? string.Empty
                : string.Join("/", key.Properties.Select(p => Show(Entry.Property(p.Name).CurrentValue)));
            return new AuditEntry
            {
                AtUtc = now,
                UserId = actor?.UserId,
                UserName = actor?.UserName ?? "system",
                EntityType = Entry.Metadata.ClrType.Name,
                EntityId = id,
                Action = Action,
                Property = Property,
                OldValue = Truncate(OldValue),
                NewValue = Truncate(NewValue),
                ProjectId = projectId,
                CustomerId = customerId,
            };
        }

        private static string? Truncate(string? s) => s is { Length: > 2000 } ? s[..2000] : s;
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

/// <summary>Who is making the change being saved; the web app's implementation reads the signed-in user.</summary>
public interface IAuditActor
{
    string? UserId { get; }
    string? UserName { get; }
}
