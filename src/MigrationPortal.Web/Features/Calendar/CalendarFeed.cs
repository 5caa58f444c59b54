using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Infrastructure;
using MigrationPortal.Web.Infrastructure.Localization;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Calendar;

/// <summary>
/// A person's private calendar feed, read by calendar programs without a login: the token in the URL is the secret.
/// Staff get the meetings they take part in or whose project they lead; a customer's people the meetings of their
/// organisation's projects that the customer sees. From 90 days back to a year ahead; cancelled ones stay, marked so.
/// </summary>
public static class CalendarFeed
{
    public const int DaysBack = 90;
    public const int DaysAhead = 365;

    public sealed class Handler(PortalDb db, IStringLocalizer<SharedResource> l, IOptions<PortalOptions> portal, TimeProvider clock)
    {
        /// <summary>Not found for an unknown (or renewed) token and for a deactivated user.</summary>
        public async Task<Result<IcsFile>> GetAsync(string token, CancellationToken ct)
        {
            if (string.IsNullOrEmpty(token) || token.Length > 64)
            {
                return Result.NotFound;
            }

            var owner = await db.Users.AsNoTracking().Where(u => u.CalendarToken == token && u.IsActive)
                .Select(u => new { u.Id, u.DisplayName, u.CustomerId, u.PreferredLanguage }).SingleOrDefaultAsync(ct);
            if (owner is null)
            {
                return Result.NotFound;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var (from, to) = (now.AddDays(-DaysBack), now.AddDays(DaysAhead));
            var meetings = db.Meetings.AsNoTracking().Where(m => m.StartUtc >= from && m.StartUtc <= to);
            meetings = owner.CustomerId is { } customerId
                ? meetings.Where(m => m.CustomerVisible && db.ProjectCustomers.Any(pc => pc.ProjectId == m.ProjectId && pc.CustomerId == customerId))
                : meetings.Where(m => m.Participants.Any(p => p.UserId == owner.Id) || m.Project!.LeadUserId == owner.Id);
            var rows = await meetings.OrderBy(m => m.StartUtc).ThenBy(m => m.Id).Select(CalendarFiles.Row).ToListAsync(ct);

            using var _ = new CultureScope(owner.PreferredLanguage ?? LocalizationSetup.DefaultCulture);
            return new IcsFile(CalendarFiles.Publish(rows, l, portal.Value.PublicUrl, now, l["Calendar.FeedName", owner.DisplayName]), null);
        }
    }
}
