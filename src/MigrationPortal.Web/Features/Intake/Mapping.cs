using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Authorization;

namespace MigrationPortal.Web.Features.Intake;

/// <summary>
/// The mapping questionnaire of phase 1: filled in by sales during a meeting or by the customer in the
/// portal, saved as a draft any number of times, submitted once (then read-only for everyone), audited.
/// </summary>
public static class Mapping
{
    public sealed class Form
    {
        public int ProjectId { get; set; }
        public int Version { get; set; }

        [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Mapping.Needs")]
        public string? Needs { get; set; }

        [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Mapping.WhyCloud")]
        public string? WhyCloud { get; set; }

        [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Mapping.InternalResources")]
        public string? InternalResources { get; set; }

        [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Mapping.HelpNeeded")]
        public string? HelpNeeded { get; set; }

        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Mapping.PreferredStart")]
        public string? PreferredStart { get; set; }

        [Display(Name = "Mapping.WantsMoreMeetings")]
        public bool? WantsMoreMeetings { get; set; }

        [Display(Name = "Mapping.NeedsMappingProject")]
        public bool? NeedsMappingProject { get; set; }

        [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Mapping.Other")]
        public string? Other { get; set; }
    }

    public sealed record Page(Form Form, string ProjectName, QuestionnaireStatus Status, DateTime? SubmittedUtc, string? SubmittedBy, bool CanEdit);

    public enum Outcome
    {
        Saved,
        Submitted,
        NotFound,
        Forbidden,
        Locked,
        Invalid,
        Conflict,
    }

    public sealed class Handler(PortalDb db, IAuthorizationService authz, TimeProvider clock)
    {
        public async Task<(Outcome, Page?)> GetAsync(int projectId, ClaimsPrincipal user, CancellationToken ct)
        {
            var (access, canEdit) = await AccessAsync(projectId, user, ct);
            if (access != Outcome.Saved)
            {
                return (access, null);
            }

            var q = await db.Questionnaires.AsNoTracking().SingleOrDefaultAsync(x => x.ProjectId == projectId, ct) ?? new MappingQuestionnaire { ProjectId = projectId };
            return (Outcome.Saved, await PageAsync(ToForm(q), q, canEdit && q.Status == QuestionnaireStatus.Draft, ct));
        }

        public async Task<(Outcome Outcome, Page? Page, List<(string Field, string Key)> Errors)> SaveAsync(Form form, bool submit, bool valid, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(form);
            var errors = new List<(string, string)>();
            var (access, canEdit) = await AccessAsync(form.ProjectId, user, ct);
            if (access != Outcome.Saved)
            {
                return (access, null, errors);
            }

            if (!canEdit)
            {
                return (Outcome.Forbidden, null, errors);
            }

            var q = await db.Questionnaires.SingleOrDefaultAsync(x => x.ProjectId == form.ProjectId, ct);
            if (q is { Status: QuestionnaireStatus.Submitted })
            {
                return (Outcome.Locked, null, errors);
            }

            if (submit)
            {
                if (string.IsNullOrWhiteSpace(form.Needs))
                {
                    errors.Add((nameof(form.Needs), "Validation.MappingNeeds"));
                }

                if (string.IsNullOrWhiteSpace(form.WhyCloud))
                {
                    errors.Add((nameof(form.WhyCloud), "Validation.MappingWhyCloud"));
                }
            }

            if (!valid || errors.Count > 0)
            {
                return (Outcome.Invalid, await PageAsync(form, q, true, ct), errors);
            }

            if (q is null)
            {
                q = new MappingQuestionnaire { ProjectId = form.ProjectId };
                db.Questionnaires.Add(q);
            }
            else
            {
                if (q.Version != form.Version)
                {
                    form.Version = q.Version;
                    return (Outcome.Conflict, await PageAsync(form, q, true, ct), errors);
                }

                db.Entry(q).Property(x => x.Version).OriginalValue = form.Version;
            }

            q.Needs = Blank(form.Needs);
            q.WhyCloud = Blank(form.WhyCloud);
            q.InternalResources = Blank(form.InternalResources);
            q.HelpNeeded = Blank(form.HelpNeeded);
            q.PreferredStart = Blank(form.PreferredStart);
            q.WantsMoreMeetings = form.WantsMoreMeetings;
            q.NeedsMappingProject = form.NeedsMappingProject;
            q.Other = Blank(form.Other);
            if (submit)
            {
                q.Status = QuestionnaireStatus.Submitted;
                q.SubmittedUtc = clock.GetUtcNow().UtcDateTime;
                q.SubmittedBy = user.DisplayName();

                // The mapping step of phase 1 is done when the questionnaire is in.
                foreach (var step in await db.Steps.Where(s => s.ProjectId == form.ProjectId && s.TemplateKey == "intake.mapping").ToListAsync(ct))
                {
                    step.SetStatus(StepStatus.Done, q.SubmittedUtc.Value);
                }
            }

            try
            {
                await db.SaveChangesAsync(ct);
                return (submit ? Outcome.Submitted : Outcome.Saved, null, errors);
            }
            catch (DbUpdateException)
            {
                // Someone else saved meanwhile (or saved the very first draft at the same moment).
                db.ChangeTracker.Clear();
                form.Version = await db.Questionnaires.Where(x => x.ProjectId == form.ProjectId).Select(x => x.Version).SingleOrDefaultAsync(ct);
                return (Outcome.Conflict, await PageAsync(form, null, true, ct), errors);
            }
        }

        /// <summary>Who may see it: the project's people. Who may fill it in: sales, admins and project leads, and the customer's contacts.</summary>
        private async Task<(Outcome, bool CanEdit)> AccessAsync(int projectId, ClaimsPrincipal user, CancellationToken ct)
        {
            var resource = await db.FindProjectResourceAsync(projectId, user, ct);
            if (resource is null || !(await authz.AuthorizeAsync(user, resource, ProjectOperations.View)).Succeeded)
            {
                return (Outcome.NotFound, false);
            }

            var canEdit = user.IsInRole(Roles.Customer) || user.IsInRole(Roles.Sales) || user.IsInRole(Roles.Admin) || user.IsInRole(Roles.ProjectLead);
            return (Outcome.Saved, canEdit);
        }

        private async Task<Page> PageAsync(Form form, MappingQuestionnaire? q, bool canEdit, CancellationToken ct)
        {
            var name = await db.Projects.Where(p => p.Id == form.ProjectId).Select(p => p.Name).SingleAsync(ct);
            return new Page(form, name, q?.Status ?? QuestionnaireStatus.Draft, q?.SubmittedUtc, q?.SubmittedBy, canEdit);
        }

        private static Form ToForm(MappingQuestionnaire q) => new()
        {
            ProjectId = q.ProjectId, Version = q.Version, Needs = q.Needs, WhyCloud = q.WhyCloud, InternalResources = q.InternalResources,
            HelpNeeded = q.HelpNeeded, PreferredStart = q.PreferredStart, WantsMoreMeetings = q.WantsMoreMeetings, NeedsMappingProject = q.NeedsMappingProject, Other = q.Other,
        };

        private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
    }
}
