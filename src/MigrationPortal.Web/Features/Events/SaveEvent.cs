using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Features.Shared;
using MigrationPortal.Web.Infrastructure;
using MigrationPortal.Web.Infrastructure.Localization;
using MigrationPortal.Web.Infrastructure.Mail;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Events;

/// <summary>
/// Staff create or change an event and choose the customers invited; customers newly invited get the invitation (their
/// contacts with a login, one mail each, keyed by event, customer and address) in the same transaction as the save.
/// </summary>
public static class SaveEvent
{
    public sealed class Form : IValidatableObject, IVersionedForm
    {
        [FromRoute(Name = "id")]
        public int? Id { get; set; }

        public int Version { get; set; }

        [Display(Name = "Event.Kind")]
        public PortalEventKind Kind { get; set; } = PortalEventKind.UserSeminar;

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Event.Title")]
        public string Title { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Event.Date")]
        public DateOnly? Date { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Event.Start")]
        public TimeOnly? Start { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Event.End")]
        public TimeOnly? End { get; set; }

        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Event.Place")]
        public string? Place { get; set; }

        [StringLength(20000, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Event.Programme")]
        [DataType(DataType.MultilineText)]
        public string? Programme { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Range(1, 10000, ErrorMessage = "Validation.Range")]
        [Display(Name = "Event.Capacity")]
        public int? Capacity { get; set; }

        [Display(Name = "Event.RegistrationDeadline")]
        public DateOnly? RegistrationDeadline { get; set; }

        [Display(Name = "Event.InvitedCustomers")]
        public List<int> CustomerIds { get; set; } = [];

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            var l = validationContext.Localizer();
            foreach (var error in OsloTimes.Check(l, Date, Start, End, nameof(Start), nameof(End)))
            {
                yield return error;
            }

            if (Date is { } day && RegistrationDeadline is { } deadline && deadline > day)
            {
                yield return new ValidationResult(l["Event.DeadlineAfterEvent"], [nameof(RegistrationDeadline)]);
            }

            if (!Enum.IsDefined(Kind))
            {
                yield return new ValidationResult(l["Validation.ValueInvalidNoValue", l["Event.Kind"]], [nameof(Kind)]);
            }
        }
    }

    public sealed record Page(Form Form, IReadOnlyList<(int Id, string Name)> Customers) : IFormPage
    {
        object IFormPage.Form => Form;
    }

    public sealed class Handler(PortalDb db, TimeProvider clock, IMailer mailer, IStringLocalizer<SharedResource> l, IOptions<PortalOptions> portal)
    {
        public async Task<Result<Page>> GetAsync(int? id, CancellationToken ct)
        {
            if (id is null)
            {
                return await PageAsync(new Form { Date = Display.TodayInOslo(clock).AddDays(60), Start = new TimeOnly(9, 0), End = new TimeOnly(16, 0), Capacity = 100 }, ct);
            }

            var ev = await db.Events.AsNoTracking().Include(e => e.Invitations).SingleOrDefaultAsync(e => e.Id == id, ct);
            if (ev is null)
            {
                return Result.NotFound;
            }

            var start = Display.ToOslo(ev.StartUtc);
            return await PageAsync(new Form
            {
                Id = ev.Id, Version = ev.Version, Kind = ev.Kind, Title = ev.Title, Date = DateOnly.FromDateTime(start), Start = TimeOnly.FromDateTime(start),
                End = TimeOnly.FromDateTime(Display.ToOslo(ev.EndUtc)), Place = ev.Place, Programme = ev.Programme, Capacity = ev.Capacity,
                RegistrationDeadline = ev.RegistrationDeadline, CustomerIds = ev.Invitations.Select(i => i.CustomerId).ToList(),
            }, ct);
        }

        public async Task<Result<int>> SaveAsync(Form form, bool valid, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(form);
            var ev = form.Id is { } id ? await db.Events.Include(e => e.Invitations).SingleOrDefaultAsync(e => e.Id == id, ct) : null;
            if (form.Id is not null && ev is null)
            {
                return Result.NotFound;
            }

            var errors = new List<FieldError>();
            DateRules.AddTo(errors, Display.TodayInOslo(clock),
                (DateKind.Meeting, nameof(form.Date), "Event.Date", form.Date),
                (DateKind.Meeting, nameof(form.RegistrationDeadline), "Event.RegistrationDeadline", form.RegistrationDeadline));
            var wanted = form.CustomerIds.Distinct().ToList();
            if (await db.Customers.CountAsync(c => wanted.Contains(c.Id), ct) != wanted.Count)
            {
                errors.Add(new FieldError(nameof(form.CustomerIds), "Validation.ValueInvalidNoValue", new Label("Event.InvitedCustomers")));
            }

            if (!valid || errors.Count > 0)
            {
                return Result.Invalid(await PageAsync(form, ct), errors);
            }

            if (ev is null)
            {
                ev = new PortalEvent { Title = form.Title, CreatedUtc = clock.GetUtcNow().UtcDateTime };
                db.Events.Add(ev);
            }

            // The event is saved first (its id is in the mails' keys), the invitations in the same transaction.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var saved = await db.SaveVersionedAsync(ev, form,
                e =>
                {
                    e.Kind = form.Kind;
                    e.Title = form.Title.Trim();
                    e.StartUtc = Display.FromOslo(form.Date!.Value.ToDateTime(form.Start!.Value));
                    e.EndUtc = Display.FromOslo(form.Date!.Value.ToDateTime(form.End!.Value));
                    e.Place = string.IsNullOrWhiteSpace(form.Place) ? null : form.Place.Trim();
                    e.Programme = string.IsNullOrWhiteSpace(form.Programme) ? null : form.Programme;
                    e.Capacity = form.Capacity!.Value;
                    e.RegistrationDeadline = form.RegistrationDeadline;
                    e.Invitations.RemoveAll(i => !wanted.Contains(i.CustomerId));
                    e.Invitations.AddRange(wanted.Where(c => e.Invitations.All(i => i.CustomerId != c)).Select(c => new EventInvitation { CustomerId = c }));
                },
                ok: () => ev.Id,
                conflictPage: async () => await PageAsync(form, ct),
                ct);
            if (!saved.IsOk)
            {
                return saved;
            }

            var unsent = ev.Invitations.Where(i => i.SentUtc is null).ToList();
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var to in await OperationsCustomers.WithLoginAsync(db, unsent.Select(i => i.CustomerId).ToList(), ct))
            {
                await mailer.EnqueueAsync(EventMails.Invitation(l, portal.Value.PublicUrl, ev, to.CustomerId, to.Email, to.Name, to.Language, to.UserId), ct);
            }

            unsent.ForEach(i => i.SentUtc = now);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return ev.Id;
        }

        private async Task<Page> PageAsync(Form form, CancellationToken ct) =>
            new(form, (await db.Customers.AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(ct)).Select(c => (c.Id, c.Name)).ToList());
    }
}
