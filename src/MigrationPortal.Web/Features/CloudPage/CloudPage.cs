using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Authorization;
using MigrationPortal.Web.Infrastructure.Localization;
using MigrationPortal.Web.Infrastructure.Results;
using MigrationPortal.Web.Infrastructure.Text;

namespace MigrationPortal.Web.Features.CloudPage;

/// <summary>Who the cloud-customer page is for: staff, and contacts of a customer with an active project in operation.</summary>
public static class CloudAudience
{
    public static IQueryable<int> CustomersInOperation(PortalDb db) => Shared.OperationsCustomers.InOperation(db);

    public static async Task<bool> MaySeeAsync(PortalDb db, ClaimsPrincipal user, CancellationToken ct) =>
        user.IsStaff() || (user.CustomerId() is { } customerId && await CustomersInOperation(db).AnyAsync(id => id == customerId, ct));
}

/// <summary>The cloud-customer page: news, the upgrade calendar, webinar recordings and how to reach the customer centre.</summary>
public static class ShowCloudPage
{
    public sealed record News(int Id, string Title, IHtmlContent Body, DateTime PublishedUtc);

    public sealed record Upgrade(string Product, string Version, ReleaseSize Size, DateOnly PlannedDate, string? InfoUrl, DateTime? WebinarUtc);

    public sealed record Webinar(string Product, string Version, DateTime WebinarUtc, string Url);

    public sealed record ViewModel(IReadOnlyList<News> NewsItems, string? Phone, string? Email, string? Hours, IReadOnlyList<Upgrade> Upgrades, IReadOnlyList<Webinar> Webinars, bool CanEdit);

    public sealed class Handler(PortalDb db, TimeProvider clock, SafeMarkdown markdown, IAuthorizationService authorization)
    {
        public async Task<Result<ViewModel>> GetAsync(ClaimsPrincipal user, CancellationToken ct)
        {
            if (!await CloudAudience.MaySeeAsync(db, user, ct))
            {
                return Result.NotFound;
            }

            var today = Display.TodayInOslo(clock);
            var now = clock.GetUtcNow().UtcDateTime;

            // A customer sees the releases of the products it runs in the cloud; staff see them all.
            var releases = db.UpgradeReleases.AsNoTracking();
            if (user.CustomerId() is { } customerId)
            {
                var products = db.Projects.InOperation().Where(p => p.Customers.Any(c => c.CustomerId == customerId)).SelectMany(p => p.Products).Select(pp => pp.ProductId);
                releases = releases.Where(r => products.Contains(r.ProductId));
            }

            var upgrades = await releases.Where(r => r.PlannedDate >= today && r.DoneDate == null).OrderBy(r => r.PlannedDate).ThenBy(r => r.Id)
                .Select(r => new Upgrade(r.Product!.Name, r.ProductVersion, r.Size, r.PlannedDate, r.InfoUrl, r.WebinarUtc)).ToListAsync(ct);
            var webinars = await releases.Where(r => r.WebinarUtc != null && r.WebinarUtc < now && r.WebinarUrl != null).OrderByDescending(r => r.WebinarUtc)
                .Select(r => new Webinar(r.Product!.Name, r.ProductVersion, r.WebinarUtc!.Value, r.WebinarUrl!)).ToListAsync(ct);
            var news = await db.CloudNews.AsNoTracking().Where(n => n.PublishedUtc <= now).OrderByDescending(n => n.PublishedUtc).ThenByDescending(n => n.Id)
                .Select(n => new { n.Id, n.Title, n.Markdown, n.PublishedUtc }).Take(20).ToListAsync(ct);
            var settings = await db.VendorSettings.AsNoTracking().FirstAsync(ct);
            return new ViewModel(news.Select(n => new News(n.Id, n.Title, markdown.Render(n.Markdown), n.PublishedUtc)).ToList(),
                settings.CustomerCentrePhone, settings.CustomerCentreEmail, settings.CustomerCentreHours, upgrades, webinars.Where(w => IsWebAddress(w.Url)).ToList(),
                (await authorization.AuthorizeAsync(user, Policies.CloudCentre)).Succeeded);
        }

        /// <summary>Only http(s) links are shown as links; anything else typed into a release is left out.</summary>
        private static bool IsWebAddress(string url) =>
            Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp);
    }
}

/// <summary>Cloud-centre staff write, change and remove news items (Markdown, sanitised when shown).</summary>
public static class EditCloudNews
{
    public sealed class Form : IVersionedForm
    {
        [FromRoute(Name = "newsId")]
        public int? Id { get; set; }

        public int Version { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "CloudNews.Title")]
        public string Title { get; set; } = string.Empty;

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(20000, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "CloudNews.Markdown")]
        [DataType(DataType.MultilineText)]
        public string Markdown { get; set; } = string.Empty;
    }

    public sealed record Page(Form Form, bool IsNew) : IFormPage
    {
        object IFormPage.Form => Form;
    }

    public sealed class Handler(PortalDb db, TimeProvider clock)
    {
        public async Task<Result<Page>> GetAsync(int? id, CancellationToken ct)
        {
            if (id is null)
            {
                return new Page(new Form(), IsNew: true);
            }

            return await db.CloudNews.AsNoTracking().Where(n => n.Id == id)
                .Select(n => new Form { Id = n.Id, Version = n.Version, Title = n.Title, Markdown = n.Markdown }).SingleOrDefaultAsync(ct) is { } form
                ? new Page(form, IsNew: false)
                : Result.NotFound;
        }

        public async Task<Result<int>> SaveAsync(Form form, bool valid, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(form);
            CloudNewsItem? item;
            if (form.Id is { } id)
            {
                item = await db.CloudNews.SingleOrDefaultAsync(n => n.Id == id, ct);
                if (item is null)
                {
                    return Result.NotFound;
                }
            }
            else
            {
                item = new CloudNewsItem { Title = string.Empty, Markdown = string.Empty, PublishedUtc = clock.GetUtcNow().UtcDateTime };
            }

            var page = new Page(form, form.Id is null);
            if (!valid)
            {
                return Result.Invalid(page);
            }

            if (form.Id is null)
            {
                db.CloudNews.Add(item);
            }

            return await db.SaveVersionedAsync(item, form, n =>
            {
                n.Title = form.Title.Trim();
                n.Markdown = form.Markdown.Trim();
            }, ok: () => item.Id, conflictPage: () => Task.FromResult<object>(page), ct);
        }

        public async Task<Result<int>> DeleteAsync(int id, int version, CancellationToken ct)
        {
            if (await db.CloudNews.SingleOrDefaultAsync(n => n.Id == id, ct) is not { } item)
            {
                return Result.NotFound;
            }

            db.ExpectVersion(item, version);
            db.CloudNews.Remove(item);
            return await db.TrySaveAsync(ct) ? id : Result.Conflict(null);
        }
    }
}

/// <summary>How customers reach the customer centre: phone, e-mail and opening hours, shown on the cloud-customer page.</summary>
public static class EditCustomerCentre
{
    public sealed class Form : IVersionedForm
    {
        public int Version { get; set; }

        [StringLength(40, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "CustomerCentre.Phone")]
        public string? CustomerCentrePhone { get; set; }

        [EmailAddress(ErrorMessage = "Validation.Email")]
        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "CustomerCentre.Email")]
        public string? CustomerCentreEmail { get; set; }

        [StringLength(500, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "CustomerCentre.Hours")]
        [DataType(DataType.MultilineText)]
        public string? CustomerCentreHours { get; set; }
    }

    public sealed record Page(Form Form) : IFormPage
    {
        object IFormPage.Form => Form;
    }

    public sealed class Handler(PortalDb db)
    {
        public async Task<Result<Page>> GetAsync(CancellationToken ct) =>
            new Page(await db.VendorSettings.AsNoTracking().Select(s => new Form
            {
                Version = s.Version, CustomerCentrePhone = s.CustomerCentrePhone, CustomerCentreEmail = s.CustomerCentreEmail, CustomerCentreHours = s.CustomerCentreHours,
            }).FirstAsync(ct));

        public async Task<Result<int>> SaveAsync(Form form, bool valid, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(form);
            if (!valid)
            {
                return Result.Invalid(new Page(form));
            }

            var settings = await db.VendorSettings.FirstAsync(ct);
            return await db.SaveVersionedAsync(settings, form, s =>
            {
                s.CustomerCentrePhone = Clean(form.CustomerCentrePhone);
                s.CustomerCentreEmail = Clean(form.CustomerCentreEmail);
                s.CustomerCentreHours = Clean(form.CustomerCentreHours);
            }, ok: () => settings.Id, conflictPage: () => Task.FromResult<object>(new Page(form)), ct);
        }

        private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }
}

/// <summary>The one navigation item to the cloud-customer page, for those who may see it.</summary>
public sealed class CloudNavViewComponent(PortalDb db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        await CloudAudience.MaySeeAsync(db, UserClaimsPrincipal, HttpContext.RequestAborted)
            ? View("~/Features/CloudPage/_CloudNav.cshtml")
            : Content(string.Empty);
}
