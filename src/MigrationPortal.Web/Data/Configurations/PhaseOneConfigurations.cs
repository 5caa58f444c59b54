using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MigrationPortal.Web.Domain;

namespace MigrationPortal.Web.Data.Configurations;

internal sealed class OfferConfiguration : IEntityTypeConfiguration<Offer>
{
    public void Configure(EntityTypeBuilder<Offer> b)
    {
        b.HasVersion();
        b.Property(x => x.Number).HasMaxLength(20);
        b.HasIndex(x => x.Number).IsUnique();
        b.HasOne(x => x.Project).WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Revisions).WithOne(x => x.Offer).HasForeignKey(x => x.OfferId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OfferRevisionConfiguration : IEntityTypeConfiguration<OfferRevision>
{
    public void Configure(EntityTypeBuilder<OfferRevision> b)
    {
        b.HasVersion();
        b.HasIndex(x => new { x.OfferId, x.Revision }).IsUnique();

        // The pipeline: its sums by status read the index alone; its list, newest first, walks the other. Stored as 0 or 1
        // so the filter is "= 1", which SQLite's planner matches to an index (a bare boolean column it scans).
        b.Property(x => x.InPipeline).HasConversion<int>();
        b.HasIndex(x => new { x.InPipeline, x.Status, x.ValidUntil, x.OneOffTotalOre });
        b.HasIndex(x => new { x.InPipeline, x.CreatedUtc });
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Summary).HasMaxLength(4000);
        b.Property(x => x.Terms).HasMaxLength(8000);
        b.Property(x => x.Caveats).HasMaxLength(4000);
        b.Property(x => x.Language).HasMaxLength(10);
        b.Property(x => x.VendorContactUserId).HasMaxLength(450);
        b.HasOne<PortalUser>().WithMany().HasForeignKey(x => x.VendorContactUserId).OnDelete(DeleteBehavior.SetNull);
        b.Property(x => x.PdfSha256).HasMaxLength(64).IsFixedLength();
        b.Property(x => x.AcceptedByName).HasMaxLength(200);
        b.Property(x => x.AcceptedFromIp).HasMaxLength(64);
        b.Property(x => x.AcceptedUserAgent).HasMaxLength(512);
        b.Property(x => x.DeclineReason).HasMaxLength(2000);
        b.HasOne<Contact>().WithMany().HasForeignKey(x => x.AcceptedByContactId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Activities).WithOne().HasForeignKey(x => x.OfferRevisionId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.YearlyCosts).WithOne().HasForeignKey(x => x.OfferRevisionId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(x => x.IsLocked);
        b.Ignore(x => x.OneOffTotal);
        b.Ignore(x => x.YearlyTotal);
    }
}

internal sealed class OfferActivityConfiguration : IEntityTypeConfiguration<OfferActivity>
{
    public void Configure(EntityTypeBuilder<OfferActivity> b)
    {
        b.Property(x => x.Description).HasMaxLength(300);
        b.Property(x => x.Unit).HasMaxLength(20);
        b.Property(x => x.PlanKey).HasMaxLength(100);
        b.Property(x => x.PriceKind).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Quantity).HasPrecision(18, 2);
        b.Property(x => x.UnitPrice).HasPrecision(18, 2);
        b.Property(x => x.FixedPrice).HasPrecision(18, 2);
        b.Ignore(x => x.Total);
    }
}

internal sealed class OfferYearlyCostConfiguration : IEntityTypeConfiguration<OfferYearlyCost>
{
    public void Configure(EntityTypeBuilder<OfferYearlyCost> b)
    {
        b.Property(x => x.Description).HasMaxLength(300);
        b.Property(x => x.AmountPerYear).HasPrecision(18, 2);
        b.HasOne<Product>().WithMany().HasForeignKey(x => x.ProductId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class CloudQueueEntryConfiguration : IEntityTypeConfiguration<CloudQueueEntry>
{
    public void Configure(EntityTypeBuilder<CloudQueueEntry> b)
    {
        b.HasVersion();
        b.HasIndex(x => x.ProjectId).IsUnique();
        b.HasIndex(x => x.Position);
        b.HasIndex(x => new { x.StartedUtc, x.Position }); // the queue: those not started, in order
        b.Property(x => x.MoveReason).HasMaxLength(1000);
        b.HasOne(x => x.Project).WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class VendorSettingsConfiguration : IEntityTypeConfiguration<VendorSettings>
{
    public void Configure(EntityTypeBuilder<VendorSettings> b)
    {
        b.HasVersion();
        b.Property(x => x.RequiredWebSakVersion).HasMaxLength(50);
        b.Property(x => x.CustomerCentrePhone).HasMaxLength(50);
        b.Property(x => x.CustomerCentreEmail).HasMaxLength(256);
        b.Property(x => x.CustomerCentreHours).HasMaxLength(200);
    }
}

internal sealed class LeadConfiguration : IEntityTypeConfiguration<Lead>
{
    public void Configure(EntityTypeBuilder<Lead> b)
    {
        b.HasVersion();
        b.Property(x => x.Source).HasConversion<string>().HasMaxLength(40);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.TenderReference).HasMaxLength(100);
        b.Property(x => x.Notes).HasMaxLength(8000);
        b.Property(x => x.OwnerUserId).HasMaxLength(450);
        b.HasIndex(x => new { x.Status, x.CreatedUtc }); // the lead list: one status, newest first
        b.HasOne(x => x.Customer).WithMany().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<PortalUser>().WithMany().HasForeignKey(x => x.OwnerUserId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(x => x.Products).WithOne().HasForeignKey(x => x.LeadId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LeadProductConfiguration : IEntityTypeConfiguration<LeadProduct>
{
    public void Configure(EntityTypeBuilder<LeadProduct> b)
    {
        b.HasKey(x => new { x.LeadId, x.ProductId });
        b.HasOne(x => x.Product).WithMany().HasForeignKey(x => x.ProductId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MappingQuestionnaireConfiguration : IEntityTypeConfiguration<MappingQuestionnaire>
{
    public void Configure(EntityTypeBuilder<MappingQuestionnaire> b)
    {
        b.HasVersion();
        b.HasIndex(x => x.ProjectId).IsUnique();
        b.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        foreach (var p in new[] { nameof(MappingQuestionnaire.Needs), nameof(MappingQuestionnaire.WhyCloud), nameof(MappingQuestionnaire.InternalResources), nameof(MappingQuestionnaire.HelpNeeded), nameof(MappingQuestionnaire.Other) })
        {
            b.Property<string?>(p).HasMaxLength(4000);
        }

        b.Property(x => x.PreferredStart).HasMaxLength(200);
        b.Property(x => x.SubmittedBy).HasMaxLength(256);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
    }
}
