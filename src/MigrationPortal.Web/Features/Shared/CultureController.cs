using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using MigrationPortal.Web.Infrastructure.Localization;

namespace MigrationPortal.Web.Features.Shared;

[AllowAnonymous]
public sealed class CultureController(TimeProvider clock) : PortalController
{
    [HttpPost("/culture")]
    public IActionResult Set(string culture, string? returnUrl)
    {
        if (LocalizationSetup.Cultures.Contains(culture))
        {
            Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = clock.GetUtcNow().AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true, Secure = Request.IsHttps });
        }

        return LocalOrHome(returnUrl);
    }
}
