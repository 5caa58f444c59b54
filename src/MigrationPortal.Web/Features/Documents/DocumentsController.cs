using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using MigrationPortal.Web.Features.Shared;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Documents;

[Route("/projects/{id:int}/documents")]
public sealed class DocumentsController : PortalController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int id, [FromServices] ProjectDocuments.Handler h, CancellationToken ct) =>
        Page(await h.IndexAsync(id, User, ct), "Index");

    [HttpPost("plan")]
    public async Task<IActionResult> SendPlan(int id, [FromServices] SendPlan.Handler h, CancellationToken ct) =>
        Done(await h.SendAsync(id, User, ct), "Plan.SentFlash", _ => RedirectToAction(nameof(Index), new { id }), () => RedirectToAction(nameof(Index), new { id }));

    [HttpGet("plan/preview")]
    public async Task<IActionResult> PreviewPlan(int id, [FromServices] ProjectDocuments.Handler h, CancellationToken ct) =>
        Download(await h.PreviewAsync(id, User, ct), inline: true);

    [HttpGet("plan/{number:int}")]
    public async Task<IActionResult> Plan(int id, int number, [FromServices] ProjectDocuments.Handler h, CancellationToken ct) =>
        Download(await h.PlanAsync(id, number, User, ct));

    [HttpGet("contract/{contractId:int}")]
    public async Task<IActionResult> Contract(int id, int contractId, [FromServices] ProjectDocuments.Handler h, CancellationToken ct) =>
        Download(await h.ContractAsync(id, contractId, User, ct));

    /// <summary>The PDF with a safe name (ASCII and <c>filename*</c>), never cached, never sniffed; or 404/403.</summary>
    private IActionResult Download(Result<ProjectDocuments.PdfFile> result, bool inline = false)
    {
        if (result is not { IsOk: true, Value: { } file })
        {
            return result.Kind == ResultKind.Forbidden ? Forbid() : NotFound();
        }

        var disposition = new ContentDispositionHeaderValue(inline ? "inline" : "attachment") { FileName = file.AsciiName, FileNameStar = file.FullName };
        Response.Headers.ContentDisposition = disposition.ToString();
        Response.Headers.CacheControl = "private, no-store";
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(file.Content, "application/pdf");
    }
}
