using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Authorization;
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
        public string? Text { get; set; }

        /// <summary>An internal note: vendor staff only.</summary>
        [Display(Name = "Comment.Internal")]
        public bool Internal { get; set; }
    }

    /// <summary>One comment as shown: who, from which side, when (UTC, shown in Oslo time), what.</summary>
    public sealed record Item(string AuthorName, bool ByCustomer, bool Internal, string Text, DateTime CreatedUtc);

    /// <summary>Writes comments once the caller has checked that the user may take part on this step or item.</summary>
    public sealed class Handler(PortalDb db, ResourceAccess access, TimeProvider clock)
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
            db.Comments.Add(comment);
            await db.SaveChangesAsync(ct);
            return comment.Id;
        }
    }

    /// <summary>The comments of one step or item, oldest first; internal notes only for staff.</summary>
    public static IQueryable<Item> Items(this IQueryable<Comment> comments, bool staff) =>
        comments.Where(c => staff || !c.Internal).OrderBy(c => c.CreatedUtc).ThenBy(c => c.Id)
            .Select(c => new Item(c.AuthorName, c.ByCustomer, c.Internal, c.Text, c.CreatedUtc));
}
