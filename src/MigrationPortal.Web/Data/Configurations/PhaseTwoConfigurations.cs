using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MigrationPortal.Web.Domain;

namespace MigrationPortal.Web.Data.Configurations;

internal sealed class StepDependencyConfiguration : IEntityTypeConfiguration<StepDependency>
{
    public void Configure(EntityTypeBuilder<StepDependency> b)
    {
        b.HasKey(x => new { x.StepId, x.DependsOnStepId });
        b.HasOne(x => x.DependsOn).WithMany().HasForeignKey(x => x.DependsOnStepId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.DependsOnStepId);
    }
}

internal sealed class CustomerProductConfiguration : IEntityTypeConfiguration<CustomerProduct>
{
    public void Configure(EntityTypeBuilder<CustomerProduct> b)
    {
        b.HasKey(x => new { x.CustomerId, x.ProductId });
        b.HasOne(x => x.Customer).WithMany(x => x.InstalledProducts).HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Product).WithMany().HasForeignKey(x => x.ProductId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.Version).HasMaxLength(50);
    }
}

internal sealed class PhaseTransitionConfiguration : IEntityTypeConfiguration<PhaseTransition>
{
    public void Configure(EntityTypeBuilder<PhaseTransition> b)
    {
        b.Property(x => x.From).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.To).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.UserName).HasMaxLength(200);
        b.Property(x => x.OverrideReason).HasMaxLength(2000);
        b.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.ProjectId, x.AtUtc });
    }
}

internal sealed class PlanVersionConfiguration : IEntityTypeConfiguration<PlanVersion>
{
    public void Configure(EntityTypeBuilder<PlanVersion> b)
    {
        b.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.ProjectId, x.Number }).IsUnique();
        b.Property(x => x.SentByUserId).HasMaxLength(450);
        b.Property(x => x.SentByName).HasMaxLength(200);
        b.Property(x => x.Sha256).HasMaxLength(64).IsFixedLength();
    }
}

internal sealed class SignedContractConfiguration : IEntityTypeConfiguration<SignedContract>
{
    public void Configure(EntityTypeBuilder<SignedContract> b)
    {
        b.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<OfferRevision>().WithMany().HasForeignKey(x => x.OfferRevisionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.OfferRevisionId).IsUnique();
        b.HasIndex(x => x.ProjectId);
        b.Property(x => x.Sha256).HasMaxLength(64).IsFixedLength();
        b.Property(x => x.CertificateSubject).HasMaxLength(400);
        b.Property(x => x.CertificateThumbprint).HasMaxLength(64);
    }
}

internal sealed class ChecklistItemConfiguration : IEntityTypeConfiguration<ChecklistItem>
{
    public void Configure(EntityTypeBuilder<ChecklistItem> b)
    {
        b.HasVersion();
        b.HasOne(x => x.Project).WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Contact>().WithMany().HasForeignKey(x => x.OwnerContactId).OnDelete(DeleteBehavior.SetNull);
        b.Property(x => x.Category).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.Owner).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Description).HasMaxLength(4000);
        b.Property(x => x.DoneByName).HasMaxLength(200);
        b.HasIndex(x => new { x.ProjectId, x.SortOrder });
    }
}

internal sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public void Configure(EntityTypeBuilder<Comment> b)
    {
        // A comment goes with its step or its checklist item. SQL Server allows one cascade path from a project to a
        // table, so the path through checklist items is taken by EF (ClientCascade) and ProjectId is a filter, not a key.
        b.HasOne<Step>().WithMany().HasForeignKey(x => x.StepId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ChecklistItem>().WithMany().HasForeignKey(x => x.ChecklistItemId).OnDelete(DeleteBehavior.ClientCascade);
        b.Property(x => x.AuthorUserId).HasMaxLength(450);
        b.Property(x => x.AuthorName).HasMaxLength(200);
        b.Property(x => x.Text).HasMaxLength(4000);
        b.HasIndex(x => new { x.StepId, x.CreatedUtc });
        b.HasIndex(x => new { x.ChecklistItemId, x.CreatedUtc });
        b.HasIndex(x => x.ProjectId);
    }
}

internal sealed class TestEnvironmentConfiguration : IEntityTypeConfiguration<TestEnvironment>
{
    public void Configure(EntityTypeBuilder<TestEnvironment> b)
    {
        b.HasVersion();
        b.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.ProjectId).IsUnique();
        b.Property(x => x.TargetVersion).HasMaxLength(50);
        b.Property(x => x.Notes).HasMaxLength(4000);
        b.Property(x => x.SignedOffByName).HasMaxLength(200);
        b.Property(x => x.SignOffRemarks).HasMaxLength(4000);
        b.HasOne<Contact>().WithMany().HasForeignKey(x => x.SignedOffByContactId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(x => x.Clients).WithOne().HasForeignKey(x => x.TestEnvironmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TestClientConfiguration : IEntityTypeConfiguration<TestClient>
{
    public void Configure(EntityTypeBuilder<TestClient> b)
    {
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Users).HasMaxLength(1000);
    }
}

internal sealed class TestFindingConfiguration : IEntityTypeConfiguration<TestFinding>
{
    public void Configure(EntityTypeBuilder<TestFinding> b)
    {
        b.HasVersion();
        b.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Description).HasMaxLength(4000);
        b.Property(x => x.Severity).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.ReportedByUserId).HasMaxLength(450);
        b.Property(x => x.ReportedByName).HasMaxLength(200);
        b.Property(x => x.Resolution).HasMaxLength(4000);
        b.HasIndex(x => new { x.ProjectId, x.ReportedUtc });
    }
}

internal sealed class TrainingSessionConfiguration : IEntityTypeConfiguration<TrainingSession>
{
    public void Configure(EntityTypeBuilder<TrainingSession> b)
    {
        b.HasVersion();
        b.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Format).HasConversion<string>().HasMaxLength(32);
        b.Property(x => x.Audience).HasMaxLength(400);
        b.Property(x => x.Location).HasMaxLength(200);
        b.Property(x => x.Participants).HasMaxLength(2000);
        b.Property(x => x.Materials).HasMaxLength(4000);
        b.Property(x => x.VideoUrl).HasMaxLength(500);
        b.HasIndex(x => new { x.ProjectId, x.StartUtc });
    }
}
