using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Features.Shared;
using MigrationPortal.Web.Infrastructure.Authorization;
using MigrationPortal.Web.Infrastructure.Localization;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Checklist;

/// <summary>The project's migration checklist, grouped by category, and one item with its discussion.</summary>
public static class ShowChecklist
{
    public sealed record ViewModel(int ProjectId, string ProjectName, IReadOnlyList<Group> Groups, int Done, int Total, bool CanEdit, DateOnly Today)
    {
        public int Percent => Total == 0 ? 0 : Done * 100 / Total;

        public bool IsEmpty => Groups.Count == 0;
    }

    public sealed record Group(ChecklistCategory Category, IReadOnlyList<Row> Items);

    public sealed record Row(
        int Id, ChecklistCategory Category, string Title, string? Description, ResponsibleParty Owner, string? OwnerContact, DateOnly? Due,
        ChecklistStatus Status, DateTime? DoneUtc, string? DoneByName, bool Overdue, int Version, int Comments, bool CanMark);

    /// <summary>One item and its comments; the model of the view is the comment form.</summary>
    public sealed record ItemPage(Discussion.Form Form, int ProjectId, string ProjectName, Row Item, IReadOnlyList<Discussion.Item> Comments, bool IsStaff, bool CanComment, bool CanEdit) : IFormPage
    {
        object IFormPage.Form => Form;
    }

    public sealed class Handler(PortalDb db, ResourceAccess access, TimeProvider clock)
    {
        public async Task<Result<ViewModel>> GetAsync(int projectId, ClaimsPrincipal user, CancellationToken ct)
        {
            if (await access.ProjectAsync(projectId, user, ProjectOperations.View, ct) is { } denied)
            {
                return denied;
            }

            var rows = await RowsAsync(projectId, null, user, ct);
            var groups = rows.GroupBy(r => r.Category).OrderBy(g => g.Key).Select(g => new Group(g.Key, g.ToList())).ToList();
            var (done, total) = MigrationChecklist.Progress(rows.Select(r => r.Status));
            return new ViewModel(projectId, await ProjectNameAsync(projectId, ct), groups, done, total,
                await access.CanAsync(projectId, user, ProjectOperations.Edit, ct), Display.TodayInOslo(clock));
        }

        public async Task<Result<ItemPage>> GetItemAsync(int projectId, int itemId, ClaimsPrincipal user, CancellationToken ct, Discussion.Form? form = null)
        {
            if (await access.ProjectAsync(projectId, user, ProjectOperations.View, ct, partVisible: _ => ItemExistsAsync(projectId, itemId, ct)) is { } denied)
            {
                return denied;
            }

            return await ItemPageAsync(projectId, itemId, user, form ?? new Discussion.Form(), ct);
        }

        /// <summary>The item page around a comment form (shown again with its errors when the comment was refused).</summary>
        public async Task<ItemPage> ItemPageAsync(int projectId, int itemId, ClaimsPrincipal user, Discussion.Form form, CancellationToken ct)
        {
            var staff = await access.CanAsync(projectId, user, ProjectOperations.ViewInternal, ct);
            var row = (await RowsAsync(projectId, itemId, user, ct)).Single();
            var comments = await db.Comments.AsNoTracking().Where(c => c.ChecklistItemId == itemId && c.ProjectId == projectId).Items(staff).ToListAsync(ct);
            return new ItemPage(form, projectId, await ProjectNameAsync(projectId, ct), row, comments, staff,
                await access.CanAsync(projectId, user, ProjectOperations.Participate, ct),
                await access.CanAsync(projectId, user, ProjectOperations.Edit, ct));
        }

        public Task<bool> ItemExistsAsync(int projectId, int itemId, CancellationToken ct) =>
            db.ChecklistItems.AnyAsync(i => i.Id == itemId && i.ProjectId == projectId, ct);

        private Task<string> ProjectNameAsync(int projectId, CancellationToken ct) =>
            db.Projects.Where(p => p.Id == projectId).Select(p => p.Name).SingleAsync(ct);

        private async Task<List<Row>> RowsAsync(int projectId, int? itemId, ClaimsPrincipal user, CancellationToken ct)
        {
            var today = Display.TodayInOslo(clock);
            var participate = await access.CanAsync(projectId, user, ProjectOperations.Participate, ct);
            var items = await db.ChecklistItems.AsNoTracking()
                .Where(i => i.ProjectId == projectId && (itemId == null || i.Id == itemId))
                .OrderBy(i => i.SortOrder).ThenBy(i => i.Id)
                .Select(i => new
                {
                    Item = i,
                    Contact = db.Contacts.Where(c => c.Id == i.OwnerContactId).Select(c => c.Name).FirstOrDefault(),
                    Comments = db.Comments.Count(c => c.ChecklistItemId == i.Id && !c.Internal),
                })
                .ToListAsync(ct);
            return items.Select(x => new Row(
                x.Item.Id, x.Item.Category, x.Item.Title, x.Item.Description, x.Item.Owner, x.Contact, x.Item.Due, x.Item.Status, x.Item.DoneUtc, x.Item.DoneByName,
                x.Item.IsOverdue(today), x.Item.Version, x.Comments,
                CanMark: participate && x.Item.Owner == ResponsibleParty.Customer && x.Item.Status != ChecklistStatus.NotApplicable)).ToList();
        }
    }
}
