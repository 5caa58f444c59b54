using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Authorization;
using MigrationPortal.Web.Infrastructure.Localization;
using MigrationPortal.Web.Infrastructure.Mail;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Projects;

/// <summary>Planning a meeting of a project and writing its minutes. Times are entered in Oslo time and stored in UTC.</summary>
public static class SaveMeeting
{
    public sealed class Form : IValidatableObject, IVersionedForm
    {
        [FromRoute(Name = "id")]
        public int ProjectId { get; set; }

        [FromRoute(Name = "meetingId")]
        public int? Id { get; set; }

        public int Version { get; set; }

        [Display(Name = "Meeting.Kind")]
        public MeetingKind Kind { get; set; } = MeetingKind.Status;

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Meeting.Title")]
        public string Title { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Meeting.Date")]
        public DateOnly? Date { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Meeting.Start")]
        public TimeOnly? Start { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Meeting.End")]
        public TimeOnly? End { get; set; }

        [StringLength(300, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Meeting.Place")]
        public string? Location { get; set; }

        [StringLength(1000, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Meeting.OnlineLink")]
        public string? OnlineLink { get; set; }

        [StringLength(8000, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Meeting.Agenda")]
        [DataType(DataType.MultilineText)]
        public string? Agenda { get; set; }

        [StringLength(16000, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Meeting.Minutes")]
        [DataType(DataType.MultilineText)]
        public string? Minutes { get; set; }

        [Display(Name = "Meeting.CustomerVisible")]
        public bool CustomerVisible { get; set; } = true;

        [Display(Name = "Meeting.CustomerParticipants")]
        public List<int> ContactIds { get; set; } = [];

        [Display(Name = "Meeting.StaffParticipants")]
        public List<string> UserIds { get; set; } = [];

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            var l = validationContext.Localizer();
            if (Start is { } s && End is { } e && e <= s)
            {
                yield return new ValidationResult(l["Validation.EndBeforeStart"], [nameof(End)]);
            }

            // The hour skipped when summer time starts does not exist in Oslo.
            if (Date is { } d && (Start is { } st && Display.Oslo.IsInvalidTime(d.ToDateTime(st)) || End is { } en && Display.Oslo.IsInvalidTime(d.ToDateTime(en))))
            {
                yield return new ValidationResult(l["Validation.TimeDoesNotExist"], [nameof(Start)]);
            }

            // Only web links: a javascript: or data: URL in an href would run in the reader's browser.
            if (!string.IsNullOrWhiteSpace(OnlineLink)
                && !(Uri.TryCreate(OnlineLink.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
            {
                yield return new ValidationResult(l["Validation.Url"], [nameof(OnlineLink)]);
            }

            if (!Enum.IsDefined(Kind))
            {
                yield return new ValidationResult(l["Validation.ValueInvalidNoValue", l["Meeting.Kind"]], [nameof(Kind)]);
            }
        }
    }

    public sealed record Person<T>(T Id, string Name, string Detail);

    public sealed record Page(Form Form, string ProjectName, IReadOnlyList<Person<int>> Contacts, IReadOnlyList<Person<string>> Staff) : IFormPage
    {
        object IFormPage.Form => Form;
    }

    public sealed class Handler(PortalDb db, ResourceAccess access, TimeProvider clock, IMeetingInvitations invitations)
    {
        public async Task<Result<Page>> GetAsync(int projectId, int? meetingId, ClaimsPrincipal user, CancellationToken ct)
        {
            if (await AccessAsync(projectId, meetingId, user, ct) is { } denied)
            {
                return denied;
            }

            Form form;
            if (meetingId is null)
            {
                form = new Form { ProjectId = projectId, Date = Display.TodayInOslo(clock).AddDays(7), Start = new TimeOnly(10, 0), End = new TimeOnly(11, 0) };
            }
            else
            {
                var m = await db.Meetings.AsNoTracking().Include(x => x.Participants).SingleAsync(x => x.Id == meetingId, ct);
                var start = Display.ToOslo(m.StartUtc);
                form = new Form
                {
                    ProjectId = projectId, Id = m.Id, Version = m.Version, Kind = m.Kind, Title = m.Title,
                    Date = DateOnly.FromDateTime(start), Start = TimeOnly.FromDateTime(start), End = TimeOnly.FromDateTime(Display.ToOslo(m.EndUtc)),
                    Location = m.Location, OnlineLink = m.OnlineLink, Agenda = m.Agenda, Minutes = m.Minutes, CustomerVisible = m.CustomerVisible,
                    ContactIds = m.Participants.Where(p => p.ContactId != null).Select(p => p.ContactId!.Value).ToList(),
                    UserIds = m.Participants.Where(p => p.UserId != null).Select(p => p.UserId!).ToList(),
                };
            }

            return await PageAsync(form, ct);
        }

        /// <summary>Saves and returns the meeting's id.</summary>
        public async Task<Result<int>> SaveAsync(Form form, bool valid, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(form);
            if (await AccessAsync(form.ProjectId, form.Id, user, ct) is { } denied)
            {
                return denied;
            }

            var page = await PageAsync(form, ct);
            if (!valid)
            {
                return Result.Invalid(page);
            }

            if (DateRules.Check(DateKind.Meeting, nameof(form.Date), "Meeting.Date", form.Date, Display.TodayInOslo(clock)) is { } outOfRange)
            {
                return Result.Invalid(page, outOfRange);
            }

            // Only a crafted request names someone not on the lists (another customer's contact, a user who does not exist).
            if (form.ContactIds.Any(id => page.Contacts.All(c => c.Id != id)))
            {
                return Result.Invalid(page, new FieldError(nameof(form.ContactIds), "Validation.ValueInvalidNoValue", new Label("Meeting.CustomerParticipants")));
            }

            if (form.UserIds.Any(id => page.Staff.All(s => s.Id != id)))
            {
                return Result.Invalid(page, new FieldError(nameof(form.UserIds), "Validation.ValueInvalidNoValue", new Label("Meeting.StaffParticipants")));
            }

            var meeting = form.Id is { } id
                ? await db.Meetings.Include(m => m.Participants).SingleAsync(m => m.Id == id, ct)
                : db.Meetings.Add(new Meeting { ProjectId = form.ProjectId, Title = form.Title }).Entity;
            if (meeting.CancelledUtc is not null)
            {
                return Result.Invalid(page, new FieldError(string.Empty, "Meeting.CancelledNoEdit"));
            }

            // The invitations go in the same transaction as the meeting: a new meeting needs its id (its UID) first.
            var isNew = form.Id is null;
            var before = Invited(meeting);
            var changed = false;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var saved = await db.SaveVersionedAsync(meeting, form,
                m =>
                {
                    var date = form.Date!.Value;
                    m.Kind = form.Kind;
                    m.Title = form.Title.Trim();
                    m.StartUtc = Display.FromOslo(date.ToDateTime(form.Start!.Value));
                    m.EndUtc = Display.FromOslo(date.ToDateTime(form.End!.Value));
                    m.Location = Blank(form.Location);
                    m.OnlineLink = Blank(form.OnlineLink);
                    m.Agenda = Blank(form.Agenda);
                    m.Minutes = Blank(form.Minutes);
                    m.CustomerVisible = form.CustomerVisible;

                    // Participants: only contacts of the project's customers and active staff, whatever the form says.
                    m.Participants.Clear();
                    m.Participants.AddRange(page.Contacts.Where(c => form.ContactIds.Contains(c.Id)).Select(c => new MeetingParticipant { ContactId = c.Id, Name = c.Name }));
                    m.Participants.AddRange(page.Staff.Where(s => form.UserIds.Contains(s.Id)).Select(s => new MeetingParticipant { UserId = s.Id, Name = s.Name }));

                    // What the invitees' calendars hold changed: an update with a higher SEQUENCE goes out.
                    changed = !isNew && Invited(m) != before;
                    if (changed)
                    {
                        m.Sequence++;
                    }
                },
                ok: () => meeting.Id,
                conflictPage: () => Task.FromResult<object>(page),
                ct);
            if (!saved.IsOk)
            {
                return saved;
            }

            if (isNew || changed)
            {
                await invitations.InviteAsync(meeting.Id, ct);
                await db.SaveChangesAsync(ct);
            }

            await transaction.CommitAsync(ct);
            return saved;
        }

        /// <summary>What an invitation says: when, where, the link, who (and whether the customer is invited at all).</summary>
        private static string Invited(Meeting m) => string.Join('|',
            m.Title, m.StartUtc.Ticks, m.EndUtc.Ticks, m.Location, m.OnlineLink, m.CustomerVisible,
            string.Join(',', m.Participants.Select(p => p.ContactId is { } c ? $"c{c}" : $"u{p.UserId}").Order(StringComparer.Ordinal)));

        private Task<Failure?> AccessAsync(int projectId, int? meetingId, ClaimsPrincipal user, CancellationToken ct) =>
            access.ProjectAsync(projectId, user, ProjectOperations.ManageMeetings, ct,
                partVisible: meetingId is not { } mid ? null : internalToo => db.Meetings.AnyAsync(m => m.Id == mid && m.ProjectId == projectId && (internalToo || m.CustomerVisible), ct));

        private async Task<Page> PageAsync(Form form, CancellationToken ct)
        {
            var projectName = await db.Projects.Where(p => p.Id == form.ProjectId).Select(p => p.Name).SingleAsync(ct);
            var contacts = await db.Contacts.AsNoTracking()
                .Where(c => db.ProjectCustomers.Any(pc => pc.ProjectId == form.ProjectId && pc.CustomerId == c.CustomerId)
                    || (form.Id != null && db.MeetingParticipants.Any(mp => mp.MeetingId == form.Id && mp.ContactId == c.Id)))
                .OrderBy(c => c.Customer!.Name).ThenBy(c => c.Name)
                .Select(c => new Person<int>(c.Id, c.Name, c.Customer!.Name)).ToListAsync(ct);
            var staff = await db.Users.AsNoTracking()
                .Where(u => u.CustomerId == null && (u.IsActive || (form.Id != null && db.MeetingParticipants.Any(mp => mp.MeetingId == form.Id && mp.UserId == u.Id))))
                .OrderBy(u => u.DisplayName)
                .Select(u => new Person<string>(u.Id, u.DisplayName, u.Email ?? string.Empty)).ToListAsync(ct);
            return new Page(form, projectName, contacts, staff);
        }

        private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
    }
}
