using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Authorization;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Account;

/// <summary>Which e-mail notifications a signed-in person wants. Account mails (invitation, new password) always go.</summary>
public static class Notifications
{
    /// <summary>The kinds a person may turn off, in the order shown.</summary>
    public static readonly IReadOnlyList<NotificationKind> Choosable = Enum.GetValues<NotificationKind>().Where(k => k != NotificationKind.Account).ToList();

    public sealed class NotificationsForm
    {
        /// <summary>The kinds ticked; every other choosable kind is off.</summary>
        [Display(Name = "Notifications.Legend")]
        public List<NotificationKind> On { get; set; } = [];
    }

    public sealed class Handler(PortalDb db)
    {
        public async Task<NotificationsForm> GetAsync(ClaimsPrincipal user, CancellationToken ct)
        {
            var userId = user.UserId();
            var off = await db.NotificationPreferences.AsNoTracking().Where(p => p.UserId == userId && !p.Enabled).Select(p => p.Kind).ToListAsync(ct);
            return new NotificationsForm { On = Choosable.Except(off).ToList() };
        }

        public async Task<Result<bool>> SaveAsync(NotificationsForm form, bool valid, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(form);
            if (!valid || form.On.Any(k => !Choosable.Contains(k)))
            {
                return Result.Invalid(form, new FieldError(nameof(form.On), "Notifications.Invalid"));
            }

            if (user.UserId() is not { } userId)
            {
                return Result.Forbidden;
            }

            var rows = await db.NotificationPreferences.Where(p => p.UserId == userId).ToListAsync(ct);
            foreach (var kind in Choosable)
            {
                var enabled = form.On.Contains(kind);
                if (rows.SingleOrDefault(p => p.Kind == kind) is { } row)
                {
                    row.Enabled = enabled;
                }
                else if (!enabled)
                {
                    db.NotificationPreferences.Add(new NotificationPreference { UserId = userId, Kind = kind, Enabled = false });
                }
            }

            await db.SaveChangesAsync(ct);
            return true;
        }
    }
}
