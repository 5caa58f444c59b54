using System.Buffers.Text;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Infrastructure;
using MigrationPortal.Web.Infrastructure.Authorization;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Calendar;

/// <summary>The page with a person's private calendar address, made on their first visit, and renewing it.</summary>
public static class MyCalendar
{
    public sealed record Page(string FeedUrl, int DaysBack, int DaysAhead);

    public sealed class Handler(PortalDb db, IOptions<PortalOptions> portal)
    {
        public async Task<Result<Page>> GetAsync(ClaimsPrincipal user, CancellationToken ct)
        {
            if (user.UserId() is not { } userId)
            {
                return Result.NotFound;
            }

            // Only where there is none yet: two first visits at once agree on one address.
            await db.Users.Where(u => u.Id == userId && u.CalendarToken == null)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.CalendarToken, NewToken()), ct);
            var token = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.CalendarToken).SingleOrDefaultAsync(ct);
            return token is null
                ? Result.NotFound
                : new Page($"{portal.Value.PublicUrl.TrimEnd('/')}/calendar/{token}.ics", CalendarFeed.DaysBack, CalendarFeed.DaysAhead);
        }

        /// <summary>A new secret: the old address answers 404 from now on.</summary>
        public async Task<Result<bool>> RenewAsync(ClaimsPrincipal user, CancellationToken ct)
        {
            var userId = user.UserId();
            var changed = await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.CalendarToken, NewToken()), ct);
            return changed == 1 ? true : Result.NotFound;
        }

        /// <summary>32 random bytes, base64url: 43 characters that go in a URL as they are.</summary>
        private static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
    }
}
