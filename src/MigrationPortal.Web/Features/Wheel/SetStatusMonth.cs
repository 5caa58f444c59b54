using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Infrastructure.Authorization;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Wheel;

/// <summary>
/// The cloud centre chooses the month of a customer's yearly status meeting. Meetings already planned keep their date
/// (move them on the meeting page); the wheel plans the years not yet planned in the new month.
/// </summary>
public static class SetStatusMonth
{
    public sealed class Form : IVersionedForm
    {
        [FromRoute(Name = "id")]
        public int ProjectId { get; set; }

        public int CustomerId { get; set; }

        public int Version { get; set; }

        [Range(1, 12, ErrorMessage = "Wheel.StatusMonthRange")]
        [Display(Name = "Wheel.StatusMonth")]
        public int? Month { get; set; }
    }

    public sealed class Handler(PortalDb db, ResourceAccess access)
    {
        public async Task<Result<int>> SaveAsync(Form form, bool valid, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(form);
            if (await access.ProjectAsync(form.ProjectId, user, ProjectOperations.AcceptHandover, ct,
                    partVisible: _ => db.ProjectCustomers.AnyAsync(pc => pc.ProjectId == form.ProjectId && pc.CustomerId == form.CustomerId, ct)) is { } denied)
            {
                return denied;
            }

            if (!valid)
            {
                return Result.Refused("Wheel.StatusMonthRange");
            }

            var customer = await db.Customers.SingleAsync(c => c.Id == form.CustomerId, ct);
            return await db.SaveVersionedAsync(customer, form, c => c.StatusMeetingMonth = form.Month,
                ok: () => form.ProjectId, conflictPage: () => Task.FromResult<object>(form), ct);
        }
    }
}
