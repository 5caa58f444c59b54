using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MigrationPortal.Web.Features.Shared;
using MigrationPortal.Web.Infrastructure.Calendar;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Calendar;

/// <summary>Calendar files: a meeting to add to one's calendar, and each person's private feed with the page that gives its address.</summary>
public sealed class CalendarController : PortalController
{
    [HttpGet("/projects/{id:int}/meetings/{meetingId:int}/calendar.ics")]
    public async Task<IActionResult> Meeting(int id, int meetingId, [FromServices] MeetingFile.Handler h, CancellationToken ct) =>
        Ics(await h.GetAsync(id, meetingId, User, ct));

    /// <summary>The private feed: no login (calendar programs have none); the token is the secret.</summary>
    [AllowAnonymous]
    [HttpGet("/calendar/{token}.ics")]
    public async Task<IActionResult> Feed(string token, [FromServices] CalendarFeed.Handler h, CancellationToken ct) =>
        Ics(await h.GetAsync(token, ct));

    [HttpGet("/account/calendar")]
    public async Task<IActionResult> Index([FromServices] MyCalendar.Handler h, CancellationToken ct) =>
        Page(await h.GetAsync(User, ct));

    [HttpPost("/account/calendar/renew")]
    public async Task<IActionResult> Renew([FromServices] MyCalendar.Handler h, CancellationToken ct) =>
        Done(await h.RenewAsync(User, ct), "Calendar.Renewed", _ => RedirectToAction(nameof(Index)), () => RedirectToAction(nameof(Index)));

    /// <summary>The file as text/calendar, never kept by a cache (a feed changes, and its URL is a secret).</summary>
    private IActionResult Ics(Result<IcsFile> result)
    {
        if (!result.IsOk)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "private, no-store";
        var bytes = Encoding.UTF8.GetBytes(result.Value!.Content);
        return result.Value.FileName is { } name ? File(bytes, MeetingCalendar.ContentType, name) : File(bytes, MeetingCalendar.ContentType);
    }
}
