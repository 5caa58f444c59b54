using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Features.Shared;
using MigrationPortal.Web.Infrastructure.Authorization;
using MigrationPortal.Web.Infrastructure.Localization;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Admin;

/// <summary>The security log for admins: sign-ins, lockouts, password and two-factor changes, role changes, refusals; newest first, filtered, paged.</summary>
public static class SecurityEvents
{
    public const int PageSize = 50;

    public sealed record Item(DateTime AtUtc, SecurityEventKind Kind, string? UserName, string? ActorName, string? IpAddress, string? Path, string? Detail);

    /// <summary>
    /// The filter, named as the query string binds it (the page's form is drawn from it): a kind, a text found in the
    /// person, the actor or the address, days in Oslo time, and the page. A value that does not read is left out of the
    /// filter and shown back as typed with its message.
    /// </summary>
    public sealed class Filter
    {
        [Display(Name = "Security.Kind")]
        public SecurityEventKind? Kind { get; set; }

        [Display(Name = "Security.Who")]
        public string? Who { get; set; }

        [Display(Name = "Security.From")]
        public DateOnly? From { get; set; }

        [Display(Name = "Security.To")]
        public DateOnly? To { get; set; }

        [Display(Name = "Common.Page")]
        public int Page { get; set; } = 1;
    }

    public sealed record ViewModel(Filter Filter, IReadOnlyList<Item> Items, int Page, bool HasMore) : IFormPage
    {
        object IFormPage.Form => Filter;
    }

    public sealed class Handler(PortalDb db)
    {
        public async Task<ViewModel> ListAsync(Filter filter, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(filter);
            var page = Math.Max(filter.Page, 1);
            var query = db.SecurityEvents.AsNoTracking();
            if (filter.Kind is { } kind && Enum.IsDefined(kind))
            {
                query = query.Where(e => e.Kind == kind);
            }

            if (filter.Who?.Trim() is { Length: > 0 } who)
            {
                var w = who.ToLowerInvariant();
                query = query.Where(e => (e.UserName != null && e.UserName.ToLower().Contains(w)) || (e.ActorName != null && e.ActorName.ToLower().Contains(w)) || e.IpAddress == who);
            }

            if (filter.From is { } from)
            {
                var fromUtc = Display.FromOslo(from.ToDateTime(TimeOnly.MinValue));
                query = query.Where(e => e.AtUtc >= fromUtc);
            }

            if (filter.To is { } to)
            {
                var untilUtc = Display.FromOslo(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
                query = query.Where(e => e.AtUtc < untilUtc);
            }

            var items = await query.OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id)
                .Skip((page - 1) * PageSize).Take(PageSize + 1)
                .Select(e => new Item(e.AtUtc, e.Kind, e.UserName, e.ActorName, e.IpAddress, e.Path, e.Detail))
                .ToListAsync(ct);
            return new ViewModel(filter, items.Take(PageSize).ToList(), page, items.Count > PageSize);
        }
    }
}

[Authorize(Policy = Policies.Admin)]
[Route("admin/security")]
public sealed class SecurityEventsController(SecurityEvents.Handler h) : PortalController
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] SecurityEvents.Filter filter, CancellationToken ct) =>
        ViewPage("SecurityEvents", await h.ListAsync(filter, ct));
}
