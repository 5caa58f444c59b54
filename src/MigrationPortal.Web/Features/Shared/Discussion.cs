using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Authorization;
using MigrationPortal.Web.Infrastructure.Mail;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Shared;

/// <summary>
/// The discussion on a step or a checklist item: comments both sides see, and internal notes only vendor staff see and
/// write. Comments are not changed once written.
/// </summary>
public static class Discussion
{
    public const int MaxLength = 4000;

    /// <summary>A new comment; the step or item it belongs to comes from the route.</summary>
    public sealed class Form
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(MaxLength, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Comment.Text")]
        [DataType(DataType.MultilineText)]
        public string? Text { get; set; }

        /// <summary>An internal note: vendor staff only.</summary>
        [Display(Name = "Comment.Internal")]
        public bool Internal { get; set; }
    }

    /// <summary>One comment as shown: who, from which side, when (UTC, shown in Oslo time), what.</summary>
    public sealed record Item(string AuthorName, bool ByCustomer, bool Internal, string Text, DateTime CreatedUtc);

    /// <summary>Writes comments once the caller has checked that the user may take part on this step or item.</summary>
    public sealed class Handler(PortalDb db, ResourceAccess access, TimeProvider clock, ProjectNotifier notifier)
    {
        /// <summary>
        /// Saves the comment on the step or the item, marked with the writer's side; an internal note only from vendor staff.
        /// Empty or too long: <paramref name="page"/> again with the message, nothing saved.
        /// </summary>
        public async Task<Result<int>> AddAsync(int projectId, int? stepId, int? checklistItemId, Form form, bool valid, ClaimsPrincipal user, Func<Task<object>> page, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(form);
            ArgumentNullException.ThrowIfNull(user);
            ArgumentNullException.ThrowIfNull(page);
            if (form.Internal && !await access.CanAsync(projectId, user, ProjectOperations.ViewInternal, ct))
            {
                return Result.Forbidden;
            }

            if (!valid)
            {
                return Result.Invalid(await page());
            }

            var comment = new Comment
            {
                ProjectId = projectId,
                StepId = stepId,
                ChecklistItemId = checklistItemId,
                AuthorUserId = user.UserId(),
                AuthorName = user.DisplayName(),
                ByCustomer = !user.IsStaff(),
                Internal = form.Internal,
                Text = form.Text!.Trim(),
                CreatedUtc = clock.GetUtcNow().UtcDateTime,
            };
            // The comment and the mails about it land together; the mails' key needs the comment's id.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.Comments.Add(comment);
            await db.SaveChangesAsync(ct);
            await NotifyAsync(comment, user, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return comment.Id;
        }

        /// <summary>
        /// Those a comment concerns, except its writer: the project lead, the step's assignee, the checklist item's owner,
        /// and everyone who has written in the same discussion. When the customer's side has no one in it yet, a question
        /// from the vendor on the customer's part (a customer step, a customer item) goes to the customer's contacts with
        /// a login. An internal note, or a comment on a step the customer does not see, reaches vendor staff only.
        /// </summary>
        private async Task NotifyAsync(Comment comment, ClaimsPrincipal user, CancellationToken ct)
        {
            var projectId = comment.ProjectId;
            var about = comment.StepId is { } stepId
                ? await db.Steps.AsNoTracking().Where(s => s.Id == stepId)
                    .Select(s => new About(s.Title, s.CustomerVisible, s.Responsible == ResponsibleParty.Customer, s.AssigneeUserId, null, s.Project!.Name, s.Project.LeadUserId)).SingleAsync(ct)
                : await db.ChecklistItems.AsNoTracking().Where(i => i.Id == comment.ChecklistItemId)
                    .Select(i => new About(i.Title, true, i.Owner == ResponsibleParty.Customer, null, i.OwnerContactId, i.Project!.Name, i.Project.LeadUserId)).SingleAsync(ct);
            var writers = await db.Comments.AsNoTracking()
                .Where(c => c.ProjectId == projectId && c.StepId == comment.StepId && c.ChecklistItemId == comment.ChecklistItemId && c.AuthorUserId != null)
                .Select(c => c.AuthorUserId).Distinct().ToListAsync(ct);
            var people = await notifier.UsersAsync(projectId, [about.LeadUserId, about.AssigneeUserId, .. writers], ct);
            var ids = people.Select(p => p.UserId).ToList();
            var customers = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && u.CustomerId != null).Select(u => u.Id).ToListAsync(ct);
            var customerSide = comment.Internal || !about.CustomerVisible ? [] : people.Where(p => customers.Contains(p.UserId!)).ToList();
            if (!comment.Internal && about.CustomerVisible && about.OwnerContactId is { } owner)
            {
                customerSide.AddRange(await notifier.ContactsAsync(projectId, [owner], ct));
            }

            if (!comment.Internal && about.CustomerVisible && about.CustomersPart && !comment.ByCustomer && customerSide.Count == 0)
            {
                customerSide = await notifier.CustomerSideAsync(projectId, ct);
            }

            var to = people.Where(p => !customers.Contains(p.UserId!)).Concat(customerSide);
            var path = comment.StepId is { } step ? $"/projects/{projectId}/steps/{step}" : $"/projects/{projectId}/checklist/{comment.ChecklistItemId}";
            await notifier.NotifyAsync($"comment:{comment.Id}", NotificationKind.StepComment, projectId, path, to, user.UserId(),
                l => new NoticeText(l[comment.Internal ? "Notice.Comment.SubjectInternal" : "Notice.Comment.Subject", about.Title],
                    [l["Notice.Comment.Body", comment.AuthorName, about.Title, about.Project], comment.Text], l["Notice.Comment.Link"]), ct);
        }

        private sealed record About(string Title, bool CustomerVisible, bool CustomersPart, string? AssigneeUserId, int? OwnerContactId, string Project, string? LeadUserId);
    }

    /// <summary>The comments of one step or item, oldest first; internal notes only for staff.</summary>
    public static IQueryable<Item> Items(this IQueryable<Comment> comments, bool staff) =>
        comments.Where(c => staff || !c.Internal).OrderBy(c => c.CreatedUtc).ThenBy(c => c.Id)
            .Select(c => new Item(c.AuthorName, c.ByCustomer, c.Internal, c.Text, c.CreatedUtc));
}
