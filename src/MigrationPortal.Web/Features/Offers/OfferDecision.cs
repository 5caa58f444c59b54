using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Authorization;
using MigrationPortal.Web.Infrastructure.Localization;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Offers;

/// <summary>
/// The customer's decision. Accepting records who, when, from where and the SHA-256 of the exact PDF,
/// locks the offer, ends phase 1 (the project moves to setup with its steps) and puts the project in the
/// cloud queue, all in one transaction.
/// </summary>
public static partial class OfferDecision
{
    public sealed partial class Handler(PortalDb db, OfferAccess access, Shared.KickoffTexts kickoff, TimeProvider clock, SealContract.Handler contract, Infrastructure.Mail.IMeetingInvitations invitations, ILogger<Handler> logger)
    {
        /// <summary>Accepts; the result is the revision's id, or the acceptance problem as the reason (<c>Acceptance.X</c>).</summary>
        public async Task<Result<int>> AcceptAsync(int revisionId, string? typedName, bool confirmed, string? ip, string? userAgent, ClaimsPrincipal user, CancellationToken ct)
        {
            var (refused, contact) = await DeciderAsync(revisionId, user, ct);
            if (refused is not null)
            {
                return refused;
            }

            var today = Display.TodayInOslo(clock);
            var revision = await db.OfferRevisions.Include(r => r.Offer).Include(r => r.Activities).SingleAsync(r => r.Id == revisionId, ct);
            var newest = await db.OfferRevisions.Where(r => r.OfferId == revision.OfferId && r.Status != OfferStatus.Draft).MaxAsync(r => r.Revision, ct);
            var problem = OfferAcceptance.Check(revision, newest == revision.Revision, contact, typedName, confirmed, today);
            if (problem == AcceptanceProblem.None && await db.OfferRevisions.AnyAsync(r => r.Offer!.ProjectId == revision.Offer!.ProjectId && r.Status == OfferStatus.Accepted, ct))
            {
                problem = AcceptanceProblem.NotSent;
            }
            if (problem != AcceptanceProblem.None)
            {
                return Refused(problem);
            }

            // The PDF accepted must be the PDF that was sent.
            if (revision.PdfContent is null || OfferRevision.Sha256(revision.PdfContent) != revision.PdfSha256)
            {
                throw new InvalidOperationException($"Offer revision {revision.Id}: stored PDF does not match its hash.");
            }

            var now = clock.GetUtcNow().UtcDateTime;

            // The offer row's version makes acceptance conflict with a new revision sent at the same moment.
            db.Entry(revision.Offer!).Property(o => o.Version).IsModified = true;
            revision.Status = OfferStatus.Accepted;

            // An open draft of a new revision has nothing left to change, and other offers to the project are no longer open.
            db.OfferRevisions.RemoveRange(await db.OfferRevisions.Include(r => r.Offer).Where(r => r.OfferId == revision.OfferId && r.Status == OfferStatus.Draft).ToListAsync(ct));
            foreach (var other in await db.OfferRevisions.Include(r => r.Offer).Where(r => r.Offer!.ProjectId == revision.Offer!.ProjectId && r.OfferId != revision.OfferId && r.Status == OfferStatus.Sent).ToListAsync(ct))
            {
                other.Status = OfferStatus.Superseded;
            }
            revision.AcceptedByContactId = contact.Id;
            revision.AcceptedByName = typedName!.Trim();
            revision.AcceptedUtc = now;
            revision.AcceptedFromIp = ip is { Length: > 64 } ? ip[..64] : ip;
            revision.AcceptedUserAgent = userAgent is { Length: > 512 } ? userAgent[..512] : userAgent;

            var kickoffMeeting = await StartPhaseTwoAsync(revision, contact, today, now, ct);

            // The sealed contract is saved with the acceptance, or nothing is.
            if (!await contract.AddAsync(revision, contact, ct))
            {
                return Result.Refused("Contract.SealFailed");
            }

            // The kickoff's invitations need its id: they are written after the first save, in the same transaction.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (!await db.TrySaveAsync(ct))
            {
                // Someone else decided at the same moment (or sales sent a new revision): nothing is saved.
                return Refused(AcceptanceProblem.Superseded);
            }

            if (kickoffMeeting is not null)
            {
                await invitations.InviteAsync(kickoffMeeting.Id, ct);
                await db.SaveChangesAsync(ct);
            }

            await transaction.CommitAsync(ct);

            LogAccepted(logger, revision.Offer!.Number, revision.Revision, contact.Id, revision.PdfSha256!);
            return revisionId;
        }

        public async Task<Result<int>> DeclineAsync(int revisionId, string? reason, ClaimsPrincipal user, CancellationToken ct)
        {
            var (refused, contact) = await DeciderAsync(revisionId, user, ct);
            if (refused is not null)
            {
                return refused;
            }

            var revision = await db.OfferRevisions.Include(r => r.Offer).SingleAsync(r => r.Id == revisionId, ct);
            var newest = await db.OfferRevisions.Where(r => r.OfferId == revision.OfferId && r.Status != OfferStatus.Draft).MaxAsync(r => r.Revision, ct);
            var problem = OfferAcceptance.Check(revision, newest == revision.Revision, contact, contact.Name, confirmed: true, Display.TodayInOslo(clock));
            if (problem != AcceptanceProblem.None)
            {
                return Refused(problem);
            }

            db.Entry(revision.Offer!).Property(o => o.Version).IsModified = true;
            if (string.IsNullOrWhiteSpace(reason))
            {
                return Result.Refused("Offer.DeclineNeedsReason");
            }

            revision.Status = OfferStatus.Declined;
            revision.DeclinedUtc = clock.GetUtcNow().UtcDateTime;
            revision.DeclineReason = reason.Trim() is { Length: > 2000 } r ? r[..2000] : reason.Trim();
            if (!await db.TrySaveAsync(ct))
            {
                return Refused(AcceptanceProblem.Superseded);
            }

            return revisionId;
        }

        /// <summary>The customer contact deciding: a person at one of the project's customers, or the reason they may not.</summary>
        private async Task<(Failure? Refused, Contact Contact)> DeciderAsync(int revisionId, ClaimsPrincipal user, CancellationToken ct)
        {
            var target = await access.CheckAsync(revisionId, user, ProjectOperations.DecideOffers, ct);
            if (!target.IsOk)
            {
                return (target.Failure, null!);
            }

            if (user.UserId() is not { } userId
                || await db.Contacts.SingleOrDefaultAsync(c => c.UserId == userId, ct) is not { } contact
                || !await db.ProjectCustomers.AnyAsync(pc => pc.ProjectId == target.Value!.ProjectId && pc.CustomerId == contact.CustomerId, ct))
            {
                return (Result.Forbidden, null!);
            }

            return (null, contact);
        }

        /// <summary>Without signing authority the answer is 403; any other problem is a reason shown on the offer.</summary>
        private static Failure Refused(AcceptanceProblem problem) =>
            problem == AcceptanceProblem.NoSigningAuthority ? Result.Forbidden : Result.Refused("Acceptance." + problem);

        /// <summary>
        /// Phase 1 ends: intake steps are done, the project joins the back of the cloud queue, its plan is built once from
        /// the templates (with the accepted activities mapped onto their steps) and dated from the start its place gives,
        /// the kickoff is planned with its default agenda, and a project lead becomes the customer's dedicated contact.
        /// </summary>
        /// <returns>The kickoff meeting planned now (none if the project had one).</returns>
        private async Task<Meeting?> StartPhaseTwoAsync(OfferRevision revision, Contact contact, DateOnly today, DateTime now, CancellationToken ct)
        {
            var project = await db.Projects.Include(p => p.Steps).ThenInclude(s => s.DependsOn).Include(p => p.Products).Include(p => p.Customers)
                .SingleAsync(p => p.Id == revision.Offer!.ProjectId, ct);
            if (project.Phase == Phase.Intake)
            {
                db.PhaseTransitions.Add(PhaseGate.Move(project, PhaseTransitionKind.Acceptance, null, now, contact.UserId, contact.Name));
            }

            foreach (var step in project.Steps.Where(s => s.Phase == Phase.Intake && s.IsOpen))
            {
                step.SetStatus(StepStatus.Done, now);
            }

            var waiting = await db.CloudQueue.Where(q => q.StartedUtc == null).ToListAsync(ct);
            var place = waiting.Any(q => q.ProjectId == project.Id) ? CloudQueue.Ranks(waiting)[project.Id] : waiting.Count + 1;
            if (!await db.CloudQueue.AnyAsync(q => q.ProjectId == project.Id, ct))
            {
                db.CloudQueue.Add(new CloudQueueEntry { ProjectId = project.Id, Position = waiting.Count == 0 ? 1 : waiting.Max(q => q.Position) + 1, QueuedUtc = now });
            }

            var perMonth = await db.StartsPerMonthAsync(ct);
            var start = CloudQueue.ExpectedStartMonth(place, perMonth, today);
            project.PlannedStart = start;

            var productIds = project.Products.Select(p => p.ProductId).ToList();
            var customerIds = project.Customers.Select(c => c.CustomerId).ToList();
            var installed = (await db.CustomerProducts.AsNoTracking().Where(cp => customerIds.Contains(cp.CustomerId)).Select(cp => cp.Product!.Code).ToListAsync(ct))
                .ToHashSet(StringComparer.Ordinal);
            var templates = await db.StepTemplates.AsNoTracking().Where(t => productIds.Contains(t.ProductId) && t.Phase != Phase.Intake).ToListAsync(ct);
            ProjectPlan.AddFromTemplates(project, templates, installed, start);
            ProjectPlan.MapActivities(project, revision.Activities, start);
            project.PlannedGoLive = project.Steps.FirstOrDefault(s => s.Milestone == MilestoneKind.GoLive)?.PlannedStart
                ?? project.Steps.Where(s => s.Phase == Phase.GoLive).Min(s => s.PlannedStart)
                ?? project.Steps.Max(s => s.Due);

            await AssignProjectLeadAsync(project, ct);
            var kickoffMeeting = await PlanKickoffAsync(project, revision.Language, ct);

            // What the customer's IT must provide, due from the start, unless someone has begun a checklist already.
            if (!await db.ChecklistItems.AnyAsync(i => i.ProjectId == project.Id, ct))
            {
                var codes = await db.Products.Where(p => productIds.Contains(p.Id)).Select(p => p.Code).ToListAsync(ct);
                foreach (var item in MigrationChecklist.Standard(codes, start, kickoff.In(revision.Language)))
                {
                    item.ProjectId = project.Id;
                    db.ChecklistItems.Add(item);
                }
            }

            return kickoffMeeting;
        }

        /// <summary>The dedicated contact becomes a project lead: the one with the fewest projects in setup and go-live.</summary>
        private async Task AssignProjectLeadAsync(Project project, CancellationToken ct)
        {
            var leadRoleId = await db.Roles.Where(r => r.Name == Roles.ProjectLead).Select(r => r.Id).SingleOrDefaultAsync(ct);
            if (project.LeadUserId is { } current && await db.UserRoles.AnyAsync(ur => ur.UserId == current && ur.RoleId == leadRoleId, ct))
            {
                return;
            }

            var lead = await db.Users.Where(u => u.IsActive && u.CustomerId == null && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == leadRoleId))
                .Select(u => new { u.Id, u.DisplayName, Load = db.Projects.Count(p => p.LeadUserId == u.Id && (p.Phase == Phase.Setup || p.Phase == Phase.GoLive)) })
                .OrderBy(x => x.Load).ThenBy(x => x.DisplayName).ThenBy(x => x.Id).FirstOrDefaultAsync(ct);
            if (lead is not null)
            {
                project.LeadUserId = lead.Id;
            }
        }

        /// <summary>The kickoff meeting on the kickoff step's day, with the default agenda the lead edits, and both sides invited.</summary>
        private async Task<Meeting?> PlanKickoffAsync(Project project, string language, CancellationToken ct)
        {
            if (await db.Meetings.AnyAsync(m => m.ProjectId == project.Id && m.Kind == MeetingKind.Kickoff, ct))
            {
                return null;
            }

            var day = project.Steps.FirstOrDefault(s => s.Milestone == MilestoneKind.Kickoff)?.PlannedStart ?? project.PlannedStart ?? Display.TodayInOslo(clock);
            day = day.DayOfWeek switch { DayOfWeek.Saturday => day.AddDays(2), DayOfWeek.Sunday => day.AddDays(1), _ => day };
            var customerIds = project.Customers.Select(c => c.CustomerId).ToList();
            var contacts = await db.Contacts.AsNoTracking().Where(c => customerIds.Contains(c.CustomerId) && c.UserId != null).OrderBy(c => c.Name).ToListAsync(ct);
            var lead = project.LeadUserId is { } id ? await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.Id, u.DisplayName }).SingleOrDefaultAsync(ct) : null;
            var meeting = new Meeting
            {
                ProjectId = project.Id, Kind = MeetingKind.Kickoff, Title = kickoff.Title(language, project.Name),
                StartUtc = Display.FromOslo(day.ToDateTime(new TimeOnly(10, 0))), EndUtc = Display.FromOslo(day.ToDateTime(new TimeOnly(12, 0))),
                Agenda = kickoff.Agenda(language), CustomerVisible = true,
            };
            if (lead is not null)
            {
                meeting.Participants.Add(new MeetingParticipant { UserId = lead.Id, Name = lead.DisplayName });
            }

            meeting.Participants.AddRange(contacts.Select(c => new MeetingParticipant { ContactId = c.Id, Name = c.Name }));
            project.Meetings.Add(meeting);
            return meeting;
        }

        [LoggerMessage(Level = LogLevel.Information, Message = "Offer {OfferNumber} revision {Revision} accepted by contact {ContactId}, PDF SHA-256 {Sha256}")]
        private static partial void LogAccepted(ILogger logger, string offerNumber, int revision, int contactId, string sha256);
    }
}
