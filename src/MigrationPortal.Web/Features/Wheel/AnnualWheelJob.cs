using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Calendar;
using MigrationPortal.Web.Infrastructure.Jobs;
using MigrationPortal.Web.Infrastructure.Localization;
using MigrationPortal.Web.Infrastructure.Mail;

namespace MigrationPortal.Web.Features.Wheel;

/// <summary>
/// Daily at 05:00: keeps the next twelve months of every customer in operation planned (<see cref="AnnualWheel"/>) and
/// invites to wheel meetings starting within <see cref="VendorSettings.InvitationLeadDays"/>. Idempotent by
/// <see cref="Meeting.WheelKey"/> (a unique index): a meeting already planned, moved or cancelled keeps its key and is
/// never planned again; two runs at once lose the race on the index, not by luck.
/// </summary>
public sealed partial class AnnualWheelJob(PortalDb db, TimeProvider clock, IStringLocalizer<SharedResource> l, IMeetingInvitations invitations, ILogger<AnnualWheelJob> log) : IRecurringJob
{
    public string Id => "annual-wheel";

    public string Cron => "0 5 * * *";

    public async Task RunAsync(CancellationToken ct)
    {
        var planned = await PlanAsync(ct);
        LogPlanned(log, planned);
        await InviteAsync(ct);
    }

    /// <summary>Plans the wheel meetings still missing; returns how many this run added.</summary>
    public async Task<int> PlanAsync(CancellationToken ct)
    {
        var today = Display.TodayInOslo(clock);
        var customers = await db.Projects.AsNoTracking().InOperation()
            .Select(p => new
            {
                p.Id,
                p.Name,
                p.LeadUserId,
                LeadName = p.Lead!.DisplayName,
                p.HandoverAcceptedUtc,
                EnteredUtc = db.PhaseTransitions.Where(t => t.ProjectId == p.Id && t.To == Phase.Operations).Max(t => (DateTime?)t.AtUtc),
            })
            .ToListAsync(ct);
        var ids = customers.Select(c => c.Id).ToList();
        var owners = (await db.ProjectCustomers.AsNoTracking().Where(pc => ids.Contains(pc.ProjectId))
                .OrderBy(pc => pc.CustomerId).Select(pc => new { pc.ProjectId, pc.Customer!.StatusMeetingMonth, pc.Customer.PreferredLanguage })
                .ToListAsync(ct))
            .ToLookup(pc => pc.ProjectId);
        var existing = (await db.Meetings.AsNoTracking().Where(m => m.WheelKey != null && ids.Contains(m.ProjectId)).Select(m => m.WheelKey!).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var contacts = (await db.ProjectCustomers.AsNoTracking().Where(pc => ids.Contains(pc.ProjectId))
                .Join(db.Contacts, pc => pc.CustomerId, c => c.CustomerId, (pc, c) => new { pc.ProjectId, c.Id, c.Name, c.UserId })
                .ToListAsync(ct))
            .ToLookup(c => c.ProjectId);

        var added = 0;
        foreach (var c in customers)
        {
            var entered = c.HandoverAcceptedUtc ?? c.EnteredUtc;
            var statusMonth = owners[c.Id].Select(o => o.StatusMeetingMonth).FirstOrDefault(m => m is not null);
            var language = owners[c.Id].Select(o => o.PreferredLanguage).FirstOrDefault() ?? "nb-NO";
            var start = entered is { } utc ? DateOnly.FromDateTime(Display.ToOslo(utc)) : today;
            var meetings = new List<Meeting>();
            foreach (var slot in AnnualWheel.Plan(c.Id, today, start, statusMonth, WorkCalendar.IsHoliday).Where(s => !existing.Contains(s.Key)))
            {
                var meeting = new Meeting
                {
                    ProjectId = c.Id,
                    Kind = slot.Kind == WheelMeetingKind.Status ? MeetingKind.Status : MeetingKind.Other,
                    Title = Title(slot, language),
                    StartUtc = Display.FromOslo(slot.Date.ToDateTime(slot.Start)),
                    EndUtc = Display.FromOslo(slot.Date.ToDateTime(slot.End)),
                    CustomerVisible = true,
                    WheelKey = slot.Key,
                };
                meeting.Participants.AddRange(contacts[c.Id].Select(x => new MeetingParticipant { ContactId = x.Id, UserId = x.UserId, Name = x.Name }));
                if (c.LeadUserId is not null)
                {
                    meeting.Participants.Add(new MeetingParticipant { UserId = c.LeadUserId, Name = c.LeadName });
                }

                meetings.Add(meeting);
            }

            added += await AddAllAsync(meetings, ct);
        }

        return added;
    }

    /// <summary>
    /// Invites to wheel meetings starting within the lead time (the invitation's key makes a meeting already invited at its
    /// current SEQUENCE a no-op); one save per meeting, so a failure halfway keeps what went before.
    /// </summary>
    public async Task<int> InviteAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var leadDays = await db.VendorSettings.AsNoTracking().Select(s => (int?)s.InvitationLeadDays).FirstOrDefaultAsync(ct) ?? 28;
        var until = now.AddDays(leadDays);
        var due = await db.Meetings.AsNoTracking()
            .Where(m => m.WheelKey != null && m.CancelledUtc == null && m.StartUtc > now && m.StartUtc <= until)
            .Where(m => db.Projects.InOperation().Any(p => p.Id == m.ProjectId))
            .OrderBy(m => m.StartUtc).Select(m => m.Id).ToListAsync(ct);
        var sent = 0;
        foreach (var id in due)
        {
            sent += await invitations.InviteAsync(id, ct);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        return sent;
    }

    private string Title(WheelSlot slot, string language)
    {
        using var _ = new CultureScope(language);
        return slot.Kind == WheelMeetingKind.Status
            ? l["Wheel.StatusMeetingTitle", slot.Date.Year].Value
            : l["Wheel.CustomerCentreTitle", slot.Quarter, slot.Date.Year].Value;
    }

    /// <summary>
    /// Saves one customer's new meetings in one go (2,000 customers: 2,000 saves, not 10,000); if another run saved one of
    /// the same keys first, saves them one by one so only that one is dropped.
    /// </summary>
    private async Task<int> AddAllAsync(List<Meeting> meetings, CancellationToken ct)
    {
        if (meetings.Count == 0)
        {
            return 0;
        }

        db.Meetings.AddRange(meetings);
        try
        {
            await db.SaveChangesAsync(ct);
            return meetings.Count;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var added = 0;
            foreach (var meeting in meetings)
            {
                meeting.Id = 0;
                meeting.Participants.ForEach(p => (p.Id, p.MeetingId) = (0, 0));
                added += await TryAddAsync(meeting, ct) ? 1 : 0;
            }

            return added;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Saves one meeting; if another run saved the same key first (the unique index), forgets ours and carries on.</summary>
    private async Task<bool> TryAddAsync(Meeting meeting, CancellationToken ct)
    {
        db.Meetings.Add(meeting);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            if (!await KeyTakenAsync(meeting.WheelKey!, ct))
            {
                throw;
            }

            LogTaken(log, meeting.WheelKey!);
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private async Task<bool> KeyTakenAsync(string key, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return await db.Meetings.AsNoTracking().AnyAsync(m => m.WheelKey == key, ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Annual wheel: {Count} meetings planned")]
    private static partial void LogPlanned(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Annual wheel: {Key} was planned by another run")]
    private static partial void LogTaken(ILogger logger, string key);
}
