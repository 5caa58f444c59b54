using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure;
using MigrationPortal.Web.Infrastructure.Authorization;
using MigrationPortal.Web.Infrastructure.Localization;
using MigrationPortal.Web.Infrastructure.Mail;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Events;

/// <summary>
/// A contact of an invited customer registers (a seat while there are any, else the waiting list) or cancels (the first
/// waiting moves up and is told). Every change bumps the event row's version in the same save, so two people taking the
/// last seat at once cannot both get it: the second save fails, is retried once on fresh data, and waits.
/// </summary>
public static class Registrations
{
    public sealed class Handler(PortalDb db, TimeProvider clock, IMailer mailer, IStringLocalizer<SharedResource> l, IOptions<PortalOptions> portal)
    {
        public Task<Result<RegistrationStatus>> RegisterAsync(int eventId, ClaimsPrincipal user, CancellationToken ct) =>
            WithRetryAsync(eventId, user, async (ev, contact, mine) =>
            {
                if (mine is { Status: RegistrationStatus.Registered or RegistrationStatus.Waiting })
                {
                    return mine.Status;
                }

                if (ev.RegistrationDeadline is { } deadline && Display.TodayInOslo(clock) > deadline || ev.StartUtc <= clock.GetUtcNow().UtcDateTime)
                {
                    return Result.Refused("Event.RegistrationClosed");
                }

                var taken = await db.EventRegistrations.CountAsync(r => r.EventId == ev.Id && r.Status == RegistrationStatus.Registered, ct);
                mine ??= db.EventRegistrations.Add(new EventRegistration { EventId = ev.Id, ContactId = contact.Id, Name = contact.Name }).Entity;
                mine.Status = taken < ev.Capacity ? RegistrationStatus.Registered : RegistrationStatus.Waiting;
                mine.RegisteredUtc = clock.GetUtcNow().UtcDateTime;
                mine.CancelledUtc = null;
                return mine.Status;
            }, ct);

        public Task<Result<RegistrationStatus>> CancelAsync(int eventId, ClaimsPrincipal user, CancellationToken ct) =>
            WithRetryAsync(eventId, user, async (ev, contact, mine) =>
            {
                if (mine is not { Status: RegistrationStatus.Registered or RegistrationStatus.Waiting })
                {
                    return Result.Refused("Event.NotRegistered");
                }

                var hadSeat = mine.Status == RegistrationStatus.Registered;
                mine.Status = RegistrationStatus.Cancelled;
                mine.CancelledUtc = clock.GetUtcNow().UtcDateTime;
                if (hadSeat && await db.EventRegistrations.Where(r => r.EventId == ev.Id && r.Status == RegistrationStatus.Waiting)
                        .OrderBy(r => r.RegisteredUtc).ThenBy(r => r.Id).FirstOrDefaultAsync(ct) is { } next)
                {
                    next.Status = RegistrationStatus.Registered;
                    var to = await db.Contacts.Where(c => c.Id == next.ContactId)
                        .Select(c => new { c.Email, c.Name, c.UserId, Language = db.Users.Where(u => u.Id == c.UserId).Select(u => u.PreferredLanguage).FirstOrDefault() ?? c.Customer!.PreferredLanguage })
                        .SingleAsync(ct);
                    await mailer.EnqueueAsync(EventMails.MovedUp(l, portal.Value.PublicUrl, ev, next.Id, to.Email, to.Name, to.Language, to.UserId), ct);
                }

                return RegistrationStatus.Cancelled;
            }, ct);

        /// <summary>Not found unless the user is a contact of a customer invited to the event. The change is saved with the event's version checked and bumped; one retry.</summary>
        private async Task<Result<RegistrationStatus>> WithRetryAsync(int eventId, ClaimsPrincipal user, Func<PortalEvent, Contact, EventRegistration?, Task<Result<RegistrationStatus>>> change, CancellationToken ct)
        {
            for (var attempt = 0; attempt < 2; attempt++)
            {
                var customerId = user.CustomerId();
                var userId = user.UserId();
                var contact = await db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.UserId == userId && c.CustomerId == customerId, ct);
                var ev = contact is null ? null : await db.Events.SingleOrDefaultAsync(e => e.Id == eventId && e.Invitations.Any(i => i.CustomerId == contact.CustomerId), ct);
                if (contact is null || ev is null)
                {
                    return Result.NotFound;
                }

                var mine = await db.EventRegistrations.SingleOrDefaultAsync(r => r.EventId == eventId && r.ContactId == contact.Id, ct);
                var result = await change(ev, contact, mine);
                if (!result.IsOk || db.ChangeTracker.Entries<EventRegistration>().All(e => e.State == EntityState.Unchanged))
                {
                    db.ChangeTracker.Clear();
                    return result;
                }

                db.ExpectVersion(ev, ev.Version);
                if (await db.TrySaveAsync(ct))
                {
                    return result;
                }
            }

            return Result.Refused("Common.Conflict");
        }
    }
}
