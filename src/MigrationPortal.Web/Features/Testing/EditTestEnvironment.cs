using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Authorization;
using MigrationPortal.Web.Infrastructure.Localization;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Testing;

/// <summary>Staff keep the register of the project's test environment; the row is made on the first save.</summary>
public static class EditTestEnvironment
{
    public const int BlankRows = 2;

    /// <summary>One dedicated test client (terminal server); <see cref="Id"/> is empty for a new row.</summary>
    public sealed class ClientRow
    {
        public int? Id { get; set; }
        public string? Name { get; set; }
        public string? Users { get; set; }
        [Display(Name = "Offer.RemoveRow")]
        public bool Remove { get; set; }

        public bool IsBlank => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Users);
    }

    public sealed class Form : IValidatableObject, IVersionedForm
    {
        [FromRoute(Name = "id")]
        public int ProjectId { get; set; }

        public int Version { get; set; }

        [Display(Name = "Test.ProductionCopyDate")]
        public DateOnly? ProductionCopyDate { get; set; }

        [StringLength(50, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Test.TargetVersion")]
        public string? TargetVersion { get; set; }

        [Display(Name = "Test.TestStart")]
        public DateOnly? TestStart { get; set; }

        [Display(Name = "Test.TestEnd")]
        public DateOnly? TestEnd { get; set; }

        [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Test.Notes")]
        [DataType(DataType.MultilineText)]
        public string? Notes { get; set; }

        public List<ClientRow> Clients { get; set; } = [];

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            var l = validationContext.Localizer();
            if (TestStart is { } s && TestEnd is { } e && e < s)
            {
                yield return new ValidationResult(l["Validation.TestEndBeforeStart"], [nameof(TestEnd)]);
            }
        }
    }

    public sealed record Page(Form Form, string ProjectName) : IFormPage
    {
        object IFormPage.Form => Form;
    }

    public sealed class Handler(PortalDb db, ResourceAccess access, TimeProvider clock)
    {
        public async Task<Result<Page>> GetAsync(int projectId, ClaimsPrincipal user, CancellationToken ct)
        {
            if (await access.ProjectAsync(projectId, user, ProjectOperations.Edit, ct) is { } denied)
            {
                return denied;
            }

            var env = await db.TestEnvironments.AsNoTracking().Include(e => e.Clients).SingleOrDefaultAsync(e => e.ProjectId == projectId, ct);
            var form = env is null
                ? new Form { ProjectId = projectId, TargetVersion = await db.VendorSettings.AsNoTracking().Select(v => v.RequiredWebSakVersion).FirstOrDefaultAsync(ct) }
                : new Form
                {
                    ProjectId = projectId, Version = env.Version, ProductionCopyDate = env.ProductionCopyDate, TargetVersion = env.TargetVersion,
                    TestStart = env.TestStart, TestEnd = env.TestEnd, Notes = env.Notes,
                    Clients = env.Clients.OrderBy(c => c.Id).Select(c => new ClientRow { Id = c.Id, Name = c.Name, Users = c.Users }).ToList(),
                };
            return await PageAsync(form, ct);
        }

        public async Task<Result<int>> SaveAsync(Form form, bool valid, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(form);
            if (await access.ProjectAsync(form.ProjectId, user, ProjectOperations.Edit, ct) is { } denied)
            {
                return denied;
            }

            var today = Display.TodayInOslo(clock);
            var errors = new[]
                {
                    DateRules.Check(DateKind.Test, nameof(form.ProductionCopyDate), "Test.ProductionCopyDate", form.ProductionCopyDate, today),
                    DateRules.Check(DateKind.Test, nameof(form.TestStart), "Test.TestStart", form.TestStart, today),
                    DateRules.Check(DateKind.Test, nameof(form.TestEnd), "Test.TestEnd", form.TestEnd, today),
                }
                .OfType<FieldError>().Concat(RowErrors(form.Clients)).ToList();
            if (!valid || errors.Count > 0)
            {
                return Result.Invalid(await PageAsync(form, ct), errors);
            }

            // A new register starts at version 1, so a form opened before it existed (version 0) conflicts with it.
            var env = await db.TestEnvironments.Include(e => e.Clients).SingleOrDefaultAsync(e => e.ProjectId == form.ProjectId, ct)
                ?? db.TestEnvironments.Add(new TestEnvironment { ProjectId = form.ProjectId, Version = 1 }).Entity;
            try
            {
                return await db.SaveVersionedAsync(env, form, e => Apply(e, form), ok: () => form.ProjectId, conflictPage: async () => await PageAsync(form, ct), ct);
            }
            catch (DbUpdateException) when (db.Entry(env).State == EntityState.Added)
            {
                // Someone else made the register at the same moment (one per project): nothing of this save is kept.
                db.ChangeTracker.Clear();
                return Result.Conflict(await PageAsync(form, ct));
            }
        }

        private void Apply(TestEnvironment e, Form form)
        {
            e.ProductionCopyDate = form.ProductionCopyDate;
            e.TargetVersion = Blank(form.TargetVersion);
            e.TestStart = form.TestStart;
            e.TestEnd = form.TestEnd;
            e.Notes = Blank(form.Notes);

            // Rows keep their identity, so the history shows what changed; a removed or emptied row is deleted.
            var kept = form.Clients.Where(r => !r.Remove && !r.IsBlank).ToList();
            foreach (var gone in e.Clients.Where(c => !kept.Any(r => r.Id == c.Id)).ToList())
            {
                e.Clients.Remove(gone);
                db.TestClients.Remove(gone);
            }

            foreach (var row in kept)
            {
                var client = e.Clients.FirstOrDefault(c => c.Id == row.Id && row.Id != null);
                if (client is null)
                {
                    client = new TestClient { Name = string.Empty };
                    e.Clients.Add(client);
                }

                client.Name = row.Name!.Trim();
                client.Users = Blank(row.Users);
            }
        }

        private static IEnumerable<FieldError> RowErrors(List<ClientRow> rows)
        {
            foreach (var (row, i) in rows.Select((r, i) => (r, i)))
            {
                if (row.Remove || row.IsBlank)
                {
                    continue;
                }

                var prefix = $"Clients[{i}].";
                if (string.IsNullOrWhiteSpace(row.Name))
                {
                    yield return new FieldError(prefix + nameof(row.Name), "Validation.RowRequired", new Label("Test.ClientName"), i + 1);
                }
                else if (row.Name.Trim().Length > 100)
                {
                    yield return new FieldError(prefix + nameof(row.Name), "Validation.RowTooLong", i + 1, 100);
                }

                if (row.Users is { Length: > 1000 })
                {
                    yield return new FieldError(prefix + nameof(row.Users), "Validation.RowTooLong", i + 1, 1000);
                }
            }
        }

        private async Task<Page> PageAsync(Form form, CancellationToken ct)
        {
            var projectName = await db.Projects.Where(p => p.Id == form.ProjectId).Select(p => p.Name).SingleAsync(ct);
            while (form.Clients.Count(c => c.IsBlank && c.Id is null) < BlankRows)
            {
                form.Clients.Add(new ClientRow());
            }

            return new Page(form, projectName);
        }

        private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
    }
}
