using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Authorization;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Intake;

/// <summary>
/// The mapping questionnaire of phase 1: filled in by sales during a meeting or by the customer in the
/// portal, saved as a draft any number of times, submitted once (then read-only for everyone), audited.
/// </summary>
public static class Mapping
{
    public sealed class Form : IVersionedForm
    {
        [FromRoute(Name = "id")]
        public int ProjectId { get; set; }

        public int Version { get; set; }

        [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Mapping.Needs")]
        [DataType(DataType.MultilineText)]
        public string? Needs { get; set; }

        [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Mapping.WhyCloud")]
        [DataType(DataType.MultilineText)]
        public string? WhyCloud { get; set; }

        [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Mapping.InternalResources")]
        [DataType(DataType.MultilineText)]
        public string? InternalResources { get; set; }

        [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Mapping.HelpNeeded")]
        [DataType(DataType.MultilineText)]
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
        [DataType(DataType.MultilineText)]
        public string? Other { get; set; }
    }

    public sealed record Page(Form Form, string ProjectName, QuestionnaireStatus Status, DateTime? SubmittedUtc, string? SubmittedBy, bool CanEdit) : IFormPage
    {
        object IFormPage.Form => Form;
    }

    public sealed class Handler(PortalDb db, ResourceAccess access, TimeProvider clock)
    {
        public async Task<Result<Page>> GetAsync(int projectId, ClaimsPrincipal user, CancellationToken ct)
        {
            if (await access.ProjectAsync(projectId, user, ProjectOperations.View, ct) is { } denied)
            {
                return denied;
            }

            var canEdit = await access.CanAsync(projectId, user, ProjectOperations.FillInMapping, ct);
            var q = await db.Questionnaires.AsNoTracking().SingleOrDefaultAsync(x => x.ProjectId == projectId, ct) ?? new MappingQuestionnaire { ProjectId = projectId };
            return await PageAsync(ToForm(q), q, canEdit && q.Status == QuestionnaireStatus.Draft, ct);
        }

        /// <summary>Saves a draft, or submits (<c>true</c> when submitted); once submitted it is read-only for everyone.</summary>
        public async Task<Result<bool>> SaveAsync(Form form, bool submit, bool valid, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(form);
            if (await access.ProjectAsync(form.ProjectId, user, ProjectOperations.FillInMapping, ct) is { } denied)
            {
                return denied;
            }

            var q = await db.Questionnaires.SingleOrDefaultAsync(x => x.ProjectId == form.ProjectId, ct);
            if (q is { Status: QuestionnaireStatus.Submitted })
            {
                return Result.Refused("Mapping.Locked");
            }

            var errors = new List<FieldError>();
            if (submit && string.IsNullOrWhiteSpace(form.Needs))
            {
                errors.Add(new(nameof(form.Needs), "Validation.MappingNeeds"));
            }

            if (submit && string.IsNullOrWhiteSpace(form.WhyCloud))
            {
                errors.Add(new(nameof(form.WhyCloud), "Validation.MappingWhyCloud"));
            }

            if (!valid || errors.Count > 0)
            {
                return Result.Invalid(await PageAsync(form, q, true, ct), errors);
            }

            q ??= db.Questionnaires.Add(new MappingQuestionnaire { ProjectId = form.ProjectId }).Entity;
            var now = clock.GetUtcNow().UtcDateTime;

            // The mapping step of phase 1 is done when the questionnaire is in.
            var mappingSteps = submit ? await db.Steps.Where(s => s.ProjectId == form.ProjectId && s.TemplateKey == "intake.mapping").ToListAsync(ct) : [];
            try
            {
                return await db.SaveVersionedAsync(q, form,
                    x =>
                    {
                        x.Needs = Blank(form.Needs);
                        x.WhyCloud = Blank(form.WhyCloud);
                        x.InternalResources = Blank(form.InternalResources);
                        x.HelpNeeded = Blank(form.HelpNeeded);
                        x.PreferredStart = Blank(form.PreferredStart);
                        x.WantsMoreMeetings = form.WantsMoreMeetings;
                        x.NeedsMappingProject = form.NeedsMappingProject;
                        x.Other = Blank(form.Other);
                        if (submit)
                        {
                            x.Status = QuestionnaireStatus.Submitted;
                            x.SubmittedUtc = now;
                            x.SubmittedBy = user.DisplayName();
                            mappingSteps.ForEach(step => step.SetStatus(StepStatus.Done, now));
                        }
                    },
                    ok: () => submit,
                    conflictPage: async () => await PageAsync(form, null, true, ct),
                    ct);
            }
            catch (DbUpdateException)
            {
                // Two people saved the very first draft at the same moment: the unique index decides.
                db.ChangeTracker.Clear();
                form.Version = await db.Questionnaires.Where(x => x.ProjectId == form.ProjectId).Select(x => x.Version).SingleOrDefaultAsync(ct);
                return Result.Conflict(await PageAsync(form, null, true, ct));
            }
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
