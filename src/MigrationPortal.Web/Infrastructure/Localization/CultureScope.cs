using System.Globalization;

namespace MigrationPortal.Web.Infrastructure.Localization;

/// <summary>Runs a piece of work in another language (a PDF in the customer's language, say) and restores the user's.</summary>
public sealed class CultureScope : IDisposable
{
    private readonly CultureInfo culture;
    private readonly CultureInfo uiCulture;

    public CultureScope(string name)
    {
        culture = CultureInfo.CurrentCulture;
        uiCulture = CultureInfo.CurrentUICulture;
        // The cached, read-only culture: a new CultureInfo asks ICU for its number and date formats again on first use (about
        // half a millisecond for an offer PDF).
        var target = CultureInfo.GetCultureInfo(LocalizationSetup.Cultures.Contains(name) ? name : LocalizationSetup.DefaultCulture);
        CultureInfo.CurrentCulture = target;
        CultureInfo.CurrentUICulture = target;
    }

    public void Dispose()
    {
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = uiCulture;
    }
}
