using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Authorization;
using MigrationPortal.Web.Infrastructure.Localization;

namespace MigrationPortal.Web.Features.Projects;

/// <summary>Planning a meeting of a project and writing its minutes. Times are entered in Oslo time and stored in UTC.</summary>
public static class SaveMeeting
{
    public sealed class Form : IValidatableObject
    {
        public int ProjectId { get; set; }
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
        public string? Agenda { get; set; }

        [StringLength(16000, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Meeting.Minutes")]
        public string? Minutes { get; set; }

        [Display(Name = "Meeting.CustomerVisible")]
        public bool CustomerVisible { get; set; } = true;

        public List<int> ContactIds { get; set; } = [];

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

    public sealed record Page(Form Form, string ProjectName, IReadOnlyList<Person<int>> Contacts, IReadOnlyList<Person<string>> Staff);

    public enum Outcome
    {
        Saved,
        NotFound,
        Forbidden,
        Invalid,
        Conflict,
    }

    public sealed class Handler(PortalDb db, IAuthorizationService authz, TimeProvider clock)
    {
        public async Task<(Outcome, Page?)> GetAsync(int projectId, int? meetingId, ClaimsPrincipal user, CancellationToken ct)
        {
            var access = await AccessAsync(projectId, meetingId, user, ct);
            if (access != Outcome.Saved)
            {
                return (access, null);
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

            return (Outcome.Saved, await PageAsync(form, ct));
        }

        public async Task<(Outcome Outcome, int MeetingId, Page? Page)> SaveAsync(Form form, bool valid, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(form);
            var access = await AccessAsync(form.ProjectId, form.Id, user, ct);
            if (access != Outcome.Saved)
            {
                return (access, 0, null);
            }

            if (!valid)
            {
                return (Outcome.Invalid, 0, await PageAsync(form, ct));
            }

            Meeting meeting;
            if (form.Id is { } id)
            {
                meeting = await db.Meetings.Include(m => m.Participants).SingleAsync(m => m.Id == id, ct);
                if (meeting.Version != form.Version)
                {
                    form.Version = meeting.Version;
                    return (Outcome.Conflict, id, await PageAsync(form, ct));
                }

                db.Entry(meeting).Property(m => m.Version).OriginalValue = form.Version;

                // Checked and bumped even when only the participants change.
                db.Entry(meeting).Property(m => m.Version).IsModified = true;
            }
            else
            {
                meeting = new Meeting { ProjectId = form.ProjectId, Title = form.Title };
                db.Meetings.Add(meeting);
            }

            var date = form.Date!.Value;
            meeting.Kind = form.Kind;
            meeting.Title = form.Title.Trim();
            meeting.StartUtc = Display.FromOslo(date.ToDateTime(form.Start!.Value));
            meeting.EndUtc = Display.FromOslo(date.ToDateTime(form.End!.Value));
            meeting.Location = Blank(form.Location);
            meeting.OnlineLink = Blank(form.OnlineLink);
            meeting.Agenda = Blank(form.Agenda);
            meeting.Minutes = Blank(form.Minutes);
            meeting.CustomerVisible = form.CustomerVisible;

            // Participants: only contacts of the project's customers and active staff, whatever the form says.
            var page = await PageAsync(form, ct);
            meeting.Participants.Clear();
            meeting.Participants.AddRange(page.Contacts.Where(c => form.ContactIds.Contains(c.Id)).Select(c => new MeetingParticipant { ContactId = c.Id, Name = c.Name }));
            meeting.Participants.AddRange(page.Staff.Where(s => form.UserIds.Contains(s.Id)).Select(s => new MeetingParticipant { UserId = s.Id, Name = s.Name }));
            try
            {
                await db.SaveChangesAsync(ct);
                return (Outcome.Saved, meeting.Id, null);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                form.Version = await db.Meetings.Where(m => m.Id == meeting.Id).Select(m => m.Version).SingleAsync(ct);
                return (Outcome.Conflict, meeting.Id, await PageAsync(form, ct));
            }
        }

        private async Task<Outcome> AccessAsync(int projectId, int? meetingId, ClaimsPrincipal user, CancellationToken ct)
        {
            var resource = await db.FindProjectResourceAsync(projectId, user, ct);
            var staff = user.IsStaff();
            if (resource is null
                || !(await authz.AuthorizeAsync(user, resource, ProjectOperations.View)).Succeeded
                || (meetingId is { } mid && !await db.Meetings.AnyAsync(m => m.Id == mid && m.ProjectId == projectId && (staff || m.CustomerVisible), ct)))
            {
                return Outcome.NotFound;
            }

            return (await authz.AuthorizeAsync(user, resource, ProjectOperations.ManageMeetings)).Succeeded ? Outcome.Saved : Outcome.Forbidden;
        }

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
