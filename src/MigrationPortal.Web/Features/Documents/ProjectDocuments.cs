using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Infrastructure.Authorization;
using MigrationPortal.Web.Infrastructure.Localization;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Documents;

/// <summary>
/// The project's documents: every plan version sent and the signed contracts, for staff and the project's customer
/// contacts; the stored bytes are served as they were sent, never re-rendered. Staff also preview the plan as it stands.
/// </summary>
public static class ProjectDocuments
{
    public sealed record PlanItem(int Number, DateTime SentUtc, string SentByName, string Sha256);

    public sealed record ContractItem(int Id, DateTime CreatedUtc, string CertificateSubject, string Sha256);

    public sealed record ViewModel(int ProjectId, string ProjectName, IReadOnlyList<PlanItem> Plans, IReadOnlyList<ContractItem> Contracts, bool CanSend, bool CanPreview);

    /// <summary>A PDF to download: its bytes, an ASCII file name and the same name in full for <c>filename*</c>.</summary>
    public sealed record PdfFile(byte[] Content, string AsciiName, string FullName);

    public sealed class Handler(PortalDb db, ResourceAccess access, TimeProvider clock, PlanPdf.Handler pdf, IStringLocalizer<SharedResource> l)
    {
        public async Task<Result<ViewModel>> IndexAsync(int projectId, ClaimsPrincipal user, CancellationToken ct)
        {
            if (await access.ProjectAsync(projectId, user, ProjectOperations.View, ct) is { } denied)
            {
                return denied;
            }

            var name = await db.Projects.AsNoTracking().Where(p => p.Id == projectId).Select(p => p.Name).SingleAsync(ct);
            var plans = await db.PlanVersions.AsNoTracking().Where(v => v.ProjectId == projectId).OrderByDescending(v => v.Number)
                .Select(v => new PlanItem(v.Number, v.SentUtc, v.SentByName, v.Sha256)).ToListAsync(ct);
            var contracts = await db.SignedContracts.AsNoTracking().Where(c => c.ProjectId == projectId).OrderByDescending(c => c.CreatedUtc).ThenByDescending(c => c.Id)
                .Select(c => new ContractItem(c.Id, c.CreatedUtc, c.CertificateSubject, c.Sha256)).ToListAsync(ct);
            return new ViewModel(projectId, name, plans, contracts,
                await access.CanAsync(projectId, user, ProjectOperations.Lead, ct),
                await access.CanAsync(projectId, user, ProjectOperations.ViewInternal, ct));
        }

        public async Task<Result<PdfFile>> PlanAsync(int projectId, int number, ClaimsPrincipal user, CancellationToken ct)
        {
            if (await access.ProjectAsync(projectId, user, ProjectOperations.View, ct,
                    partVisible: _ => db.PlanVersions.AnyAsync(v => v.ProjectId == projectId && v.Number == number, ct)) is { } denied)
            {
                return denied;
            }

            var bytes = await db.PlanVersions.AsNoTracking().Where(v => v.ProjectId == projectId && v.Number == number).Select(v => v.Pdf).SingleAsync(ct);
            return await FileAsync(projectId, bytes, $"{l["PlanPdf.FileName"]}-{{0}}-v{number.ToString(CultureInfo.InvariantCulture)}", ct);
        }

        public async Task<Result<PdfFile>> ContractAsync(int projectId, int contractId, ClaimsPrincipal user, CancellationToken ct)
        {
            if (await access.ProjectAsync(projectId, user, ProjectOperations.View, ct,
                    partVisible: _ => db.SignedContracts.AnyAsync(c => c.Id == contractId && c.ProjectId == projectId, ct)) is { } denied)
            {
                return denied;
            }

            var contract = await db.SignedContracts.AsNoTracking().Where(c => c.Id == contractId).Select(c => new { c.Pdf, c.CreatedUtc }).SingleAsync(ct);
            var date = Display.ToOslo(contract.CreatedUtc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return await FileAsync(projectId, contract.Pdf, $"{l["Documents.ContractFileName"]}-{{0}}-{date}", ct);
        }

        /// <summary>The plan as it stands now, for staff to check before sending; marked as not sent.</summary>
        public async Task<Result<PdfFile>> PreviewAsync(int projectId, ClaimsPrincipal user, CancellationToken ct)
        {
            if (await access.ProjectAsync(projectId, user, ProjectOperations.ViewInternal, ct) is { } denied)
            {
                return denied;
            }

            var bytes = await pdf.RenderAsync(projectId, null, Display.TodayInOslo(clock), ct);
            return await FileAsync(projectId, bytes, $"{l["PlanPdf.FileName"]}-{{0}}-{l["Documents.PreviewFileName"]}", ct);
        }

        private async Task<Result<PdfFile>> FileAsync(int projectId, byte[] bytes, string pattern, CancellationToken ct)
        {
            var project = await db.Projects.AsNoTracking().Where(p => p.Id == projectId).Select(p => p.Name).SingleAsync(ct);
            var full = string.Format(CultureInfo.InvariantCulture, pattern, FileNames.Readable(project)) + ".pdf";
            return new PdfFile(bytes, FileNames.Ascii(full), full);
        }
    }
}

/// <summary>File names for downloads: the project's name made safe, and an ASCII form for clients that cannot read <c>filename*</c>.</summary>
public static class FileNames
{
    /// <summary>Letters and digits kept (æøå and Sámi letters too), everything else one hyphen.</summary>
    public static string Readable(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Trim())
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(c);
            }
            else if (sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }

        return sb.ToString().Trim('-');
    }

    /// <summary>The name in ASCII: æ → ae, ø → o, å → a, accents (Sámi á, č, ŋ ...) dropped, anything else a hyphen.</summary>
    public static string Ascii(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var folded = name.Replace("æ", "ae", StringComparison.Ordinal).Replace("Æ", "Ae", StringComparison.Ordinal)
            .Replace("ø", "o", StringComparison.Ordinal).Replace("Ø", "O", StringComparison.Ordinal)
            .Replace("đ", "d", StringComparison.Ordinal).Replace("Đ", "D", StringComparison.Ordinal)
            .Replace("ŧ", "t", StringComparison.Ordinal).Replace("Ŧ", "T", StringComparison.Ordinal)
            .Replace("ŋ", "n", StringComparison.Ordinal).Replace("Ŋ", "N", StringComparison.Ordinal)
            .Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            sb.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '-');
        }

        return sb.ToString();
    }
}
