using Microsoft.AspNetCore.Mvc;
using MigrationPortal.Web.Features.Shared;

namespace MigrationPortal.Web.Features.Checklist;

/// <summary>The migration checklist of a project: what the customer's IT must provide so the vendor can reach the software to move.</summary>
[Route("projects/{id:int}/checklist")]
public sealed class ChecklistController : PortalController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int id, [FromServices] ShowChecklist.Handler h, CancellationToken ct) =>
        Page(await h.GetAsync(id, User, ct));

    [HttpGet("{itemId:int}")]
    public async Task<IActionResult> Item(int id, int itemId, [FromServices] ShowChecklist.Handler h, CancellationToken ct) =>
        Page(await h.GetItemAsync(id, itemId, User, ct));

    [HttpPost("{itemId:int}/comments")]
    public async Task<IActionResult> Comment(int id, int itemId, Discussion.Form form, [FromServices] ChecklistCommands.Handler h, CancellationToken ct) =>
        Saved(await h.CommentAsync(id, itemId, form, ModelState.IsValid, User, ct), nameof(Item), "Comment.Saved",
            _ => RedirectToAction(nameof(Item), null, new { id, itemId }, "comments"));

    [HttpPost("{itemId:int}/status")]
    public async Task<IActionResult> Status(int id, int itemId, bool done, int version, [FromServices] ChecklistCommands.Handler h, CancellationToken ct) =>
        Done(await h.SetDoneAsync(id, itemId, done, version, User, ct), done ? "Checklist.MarkedDone" : "Checklist.Reopened",
            _ => RedirectToAction(nameof(Index), null, new { id }, $"item-{itemId}"), () => RedirectToAction(nameof(Index), new { id }));

    [HttpGet("new")]
    public async Task<IActionResult> New(int id, [FromServices] EditChecklistItem.Handler h, CancellationToken ct) =>
        Page(await h.GetAsync(id, null, User, ct), "Edit");

    [HttpPost("new")]
    public async Task<IActionResult> New(EditChecklistItem.Form form, [FromServices] EditChecklistItem.Handler h, CancellationToken ct) =>
        SavedItem(await h.SaveAsync(form, ModelState.IsValid, User, ct), form.ProjectId);

    [HttpGet("{itemId:int}/edit")]
    public async Task<IActionResult> Edit(int id, int itemId, [FromServices] EditChecklistItem.Handler h, CancellationToken ct) =>
        Page(await h.GetAsync(id, itemId, User, ct));

    [HttpPost("{itemId:int}/edit")]
    public async Task<IActionResult> Edit(EditChecklistItem.Form form, [FromServices] EditChecklistItem.Handler h, CancellationToken ct) =>
        SavedItem(await h.SaveAsync(form, ModelState.IsValid, User, ct), form.ProjectId);

    [HttpPost("{itemId:int}/delete")]
    public async Task<IActionResult> Delete(int id, int itemId, int version, [FromServices] EditChecklistItem.Handler h, CancellationToken ct) =>
        Done(await h.DeleteAsync(id, itemId, version, User, ct), "Checklist.Deleted", _ => RedirectToAction(nameof(Index), new { id }), () => RedirectToAction(nameof(Index), new { id }));

    [HttpPost("standard")]
    public async Task<IActionResult> Standard(int id, [FromServices] EditChecklistItem.Handler h, CancellationToken ct) =>
        Done(await h.AddStandardAsync(id, User, ct), "Checklist.StandardAdded", _ => RedirectToAction(nameof(Index), new { id }), () => RedirectToAction(nameof(Index), new { id }));

    private IActionResult SavedItem(Infrastructure.Results.Result<int> result, int id) =>
        Saved(result, "Edit", "Checklist.Saved", itemId => RedirectToAction(nameof(Index), null, new { id }, $"item-{itemId}"));
}
