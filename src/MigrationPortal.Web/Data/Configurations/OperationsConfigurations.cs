using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MigrationPortal.Web.Domain;

namespace MigrationPortal.Web.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.Property(x => x.Key).HasMaxLength(300);
        b.HasIndex(x => x.Key).IsUnique();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.ToAddress).HasMaxLength(256);
        b.Property(x => x.ToName).HasMaxLength(200);
        b.Property(x => x.Language).HasMaxLength(10);
        b.Property(x => x.Subject).HasMaxLength(300);
        b.Property(x => x.IcsMethod).HasMaxLength(16);
        b.Property(x => x.MessageId).HasMaxLength(200);
        b.Property(x => x.LastError).HasMaxLength(2000);
        b.Property(x => x.UserId).HasMaxLength(450);
        b.HasIndex(x => new { x.Status, x.NextAttemptUtc });
        b.HasIndex(x => x.CreatedUtc);
    }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> b)
    {
        b.HasKey(x => new { x.UserId, x.Kind });
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
        b.HasOne<PortalUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MeetingRequestConfiguration : IEntityTypeConfiguration<MeetingRequest>
{
    public void Configure(EntityTypeBuilder<MeetingRequest> b)
    {
        b.HasVersion();
        b.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.RequestedByUserId).HasMaxLength(450);
        b.Property(x => x.RequestedByName).HasMaxLength(200);
        b.Property(x => x.Topic).HasMaxLength(2000);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(x => new { x.ProjectId, x.CreatedUtc });
        b.HasIndex(x => new { x.Status, x.CreatedUtc }); // the cloud centre's open requests, oldest first
    }
}

internal sealed class UpgradeReleaseConfiguration : IEntityTypeConfiguration<UpgradeRelease>
{
    public void Configure(EntityTypeBuilder<UpgradeRelease> b)
    {
        b.HasVersion();
        b.HasOne(x => x.Product).WithMany().HasForeignKey(x => x.ProductId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.ProductVersion).HasMaxLength(50);
        b.HasIndex(x => new { x.ProductId, x.ProductVersion }).IsUnique();
        b.Property(x => x.Size).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Description).HasMaxLength(8000);
        b.Property(x => x.InfoUrl).HasMaxLength(500);
        b.Property(x => x.WebinarUrl).HasMaxLength(500);
        b.HasIndex(x => x.PlannedDate);
    }
}

internal sealed class UpgradeNoticeConfiguration : IEntityTypeConfiguration<UpgradeNotice>
{
    public void Configure(EntityTypeBuilder<UpgradeNotice> b)
    {
        b.HasOne<UpgradeRelease>().WithMany().HasForeignKey(x => x.ReleaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.Stage).HasMaxLength(20);
        b.HasIndex(x => new { x.ReleaseId, x.CustomerId, x.Stage }).IsUnique();
    }
}

internal sealed class UpgradeAcknowledgementConfiguration : IEntityTypeConfiguration<UpgradeAcknowledgement>
{
    public void Configure(EntityTypeBuilder<UpgradeAcknowledgement> b)
    {
        b.HasKey(x => new { x.ReleaseId, x.CustomerId });
        b.HasOne<UpgradeRelease>().WithMany().HasForeignKey(x => x.ReleaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.ByName).HasMaxLength(200);
    }
}

internal sealed class CustomerUpgradeConfiguration : IEntityTypeConfiguration<CustomerUpgrade>
{
    public void Configure(EntityTypeBuilder<CustomerUpgrade> b)
    {
        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Product>().WithMany().HasForeignKey(x => x.ProductId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.FromVersion).HasMaxLength(50);
        b.Property(x => x.ToVersion).HasMaxLength(50);
        b.HasIndex(x => new { x.CustomerId, x.Date });
        b.HasIndex(x => new { x.CustomerId, x.ReleaseId }).IsUnique();
    }
}

internal sealed class PortalEventConfiguration : IEntityTypeConfiguration<PortalEvent>
{
    public void Configure(EntityTypeBuilder<PortalEvent> b)
    {
        b.HasVersion();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Place).HasMaxLength(200);
        b.Property(x => x.Programme).HasMaxLength(20000);
        b.HasMany(x => x.Invitations).WithOne().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.StartUtc);
    }
}

internal sealed class EventInvitationConfiguration : IEntityTypeConfiguration<EventInvitation>
{
    public void Configure(EntityTypeBuilder<EventInvitation> b)
    {
        b.HasKey(x => new { x.EventId, x.CustomerId });
        b.HasOne<Customer>().WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EventRegistrationConfiguration : IEntityTypeConfiguration<EventRegistration>
{
    public void Configure(EntityTypeBuilder<EventRegistration> b)
    {
        b.HasVersion();
        b.HasOne<PortalEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Contact>().WithMany().HasForeignKey(x => x.ContactId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.EventId, x.ContactId }).IsUnique();
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
    }
}

internal sealed class CloudNewsItemConfiguration : IEntityTypeConfiguration<CloudNewsItem>
{
    public void Configure(EntityTypeBuilder<CloudNewsItem> b)
    {
        b.HasVersion();
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Markdown).HasMaxLength(20000);
        b.HasIndex(x => x.PublishedUtc);
    }
}
