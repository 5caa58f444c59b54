using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Localization;
using MigrationPortal.Web.Infrastructure.Paging;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Queue;

/// <summary>The cloud queue (sky-kø): accepted projects in the order they start, with capacity per month.</summary>
public static class CloudQueueBoard
{
    public sealed record Item(int EntryId, int Version, int Position, int ProjectId, string ProjectName, IReadOnlyList<string> Customers, DateTime QueuedUtc, DateOnly ExpectedStart, string? MoveReason);

    /// <summary>
    /// One page of the waiting projects; <see cref="PageInfo.Total"/> is how many wait in all (the highest place a move
    /// may name). The capacity and its version, and the move form's fields, are named as the actions bind them.
    /// </summary>
    public sealed record Page(int ProjectStartsPerMonth, int Version, IReadOnlyList<Item> Waiting, PageInfo Paging)
    {
        /// <summary>A move's new place (each row shows its own).</summary>
        public int? NewPosition => null;

        /// <summary>Why a project moves.</summary>
        public string? Reason => null;
    }

    /// <summary>Projects per page of the queue.</summary>
    public const int PageSize = 25;

    /// <summary>The page that shows a place in the queue.</summary>
    public static int PageOf(int position) => ((Math.Max(1, position) - 1) / PageSize) + 1;

    public sealed class MoveForm : IVersionedForm
    {
        public int Version { get; set; }

        [Range(1, 10000, ErrorMessage = "Validation.Range")]
        [Display(Name = "Queue.NewPosition")]
        public int NewPosition { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(1000, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Queue.Reason")]
        public string Reason { get; set; } = string.Empty;
    }

    public sealed class CapacityForm : IVersionedForm
    {
        public int Version { get; set; }

        [Range(1, 50, ErrorMessage = "Validation.Range")]
        [Display(Name = "Queue.PerMonth")]
        public int ProjectStartsPerMonth { get; set; }
    }

    public sealed class Handler(PortalDb db, TimeProvider clock)
    {
        /// <summary>
        /// One page of the queue, in the order the projects start: a row's place is its rank over the whole queue (page 2
        /// starts at 26), and so is its expected start. The customers are read for the page's projects only, in a statement of their own.
        /// </summary>
        public async Task<Page> GetAsync(int page, CancellationToken ct)
        {
            var settings = await db.VendorSettings.AsNoTracking().FirstAsync(ct);
            var perMonth = Math.Max(1, settings.ProjectStartsPerMonth);
            var today = Display.TodayInOslo(clock);
            var (rows, paging) = await db.CloudQueue.AsNoTracking().Where(q => q.StartedUtc == null).OrderBy(q => q.Position).ThenBy(q => q.QueuedUtc).ThenBy(q => q.Id)
                .Select(q => new { q.Id, q.Version, q.ProjectId, q.Project!.Name, q.QueuedUtc, q.MoveReason })
                .PageAsync(page, PageSize, ct);
            var ids = rows.Select(r => r.ProjectId).ToList();
            var customers = (await db.ProjectCustomers.AsNoTracking().Where(pc => ids.Contains(pc.ProjectId))
                    .OrderBy(pc => pc.Customer!.Name).Select(pc => new { pc.ProjectId, pc.Customer!.Name }).ToListAsync(ct))
                .ToLookup(c => c.ProjectId, c => c.Name);
            return new Page(perMonth, settings.Version, rows.Select((r, i) =>
            {
                var position = paging.Skip + i + 1;
                return new Item(r.Id, r.Version, position, r.ProjectId, r.Name, [.. customers[r.ProjectId]], r.QueuedUtc,
                    CloudQueue.ExpectedStartMonth(position, perMonth, today), r.MoveReason);
            }).ToList(), paging);
        }

        /// <summary>Moves a project to a new place anywhere in the queue (not only on the page shown); the others close up. Audited with the reason. Gives the new place.</summary>
        public async Task<Result<int>> MoveAsync(int entryId, MoveForm form, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(form);
            var waiting = await db.CloudQueue.Where(q => q.StartedUtc == null).ToListAsync(ct);
            return waiting.SingleOrDefault(q => q.Id == entryId) is not { } entry ? Result.NotFound
                : await db.SaveVersionedAsync(entry, form,
                    e =>
                    {
                        e.MoveReason = form.Reason.Trim();
                        CloudQueue.Move(waiting, e, form.NewPosition);
                    },
                    ok: () => entry.Position, conflictPage: null, ct);
        }

        /// <summary>The project starts: it leaves the queue and everyone behind it moves up.</summary>
        public async Task<Result<int>> StartAsync(int entryId, int version, CancellationToken ct)
        {
            var waiting = await db.CloudQueue.Where(q => q.StartedUtc == null).ToListAsync(ct);
            return waiting.SingleOrDefault(q => q.Id == entryId) is not { } entry ? Result.NotFound
                : await db.SaveVersionedAsync(entry, new PostedVersion(version),
                    e =>
                    {
                        e.StartedUtc = clock.GetUtcNow().UtcDateTime;
                        var rest = waiting.Where(q => q.Id != entryId).OrderBy(q => q.Position).ThenBy(q => q.QueuedUtc).ThenBy(q => q.Id).ToList();
                        for (var i = 0; i < rest.Count; i++)
                        {
                            rest[i].Position = i + 1;
                        }
                    },
                    ok: () => entryId, conflictPage: null, ct);
        }

        public async Task<Result<int>> SetCapacityAsync(CapacityForm form, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(form);
            var settings = await db.VendorSettings.FirstAsync(ct);
            return await db.SaveVersionedAsync(settings, form, s => s.ProjectStartsPerMonth = form.ProjectStartsPerMonth, ok: () => settings.ProjectStartsPerMonth, conflictPage: null, ct);
        }
    }
}
