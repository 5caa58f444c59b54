using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace MigrationPortal.Web.Infrastructure.Localization;

public static class LocalizationSetup
{
    public const string DefaultCulture = "nb-NO";
    public static readonly string[] Cultures = [DefaultCulture, "en"];

    public static IServiceCollection AddPortalLocalization(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Replace(ServiceDescriptor.Singleton<IStringLocalizerFactory, FrozenStringLocalizerFactory>());
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = Cultures.Select(c => new CultureInfo(c)).ToList();
            o.DefaultRequestCulture = new RequestCulture(DefaultCulture);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;

            // Only the user's explicit choice (cookie) switches language; the default is Bokmål for everyone.
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });

        // Model-binding messages ("The value 'x' is not valid") in the user's language too.
        services.AddSingleton<IConfigureOptions<MvcOptions>, LocalizedBindingMessages>();
        return services;
    }

    private sealed class LocalizedBindingMessages(IStringLocalizerFactory factory) : IConfigureOptions<MvcOptions>
    {
        public void Configure(MvcOptions options)
        {
            var l = factory.Create(typeof(SharedResource));
            var m = options.ModelBindingMessageProvider;
            m.SetAttemptedValueIsInvalidAccessor((value, field) => l["Validation.ValueInvalid", value, field]);
            m.SetValueIsInvalidAccessor(value => l["Validation.ValueInvalidNoField", value]);
            m.SetValueMustBeANumberAccessor(field => l["Validation.MustBeNumber", field]);
            m.SetMissingBindRequiredValueAccessor(field => l["Validation.Required", field]);
            m.SetMissingKeyOrValueAccessor(() => l["Validation.RequiredNoField"]);
            m.SetValueMustNotBeNullAccessor(field => l["Validation.Required", field]);
            m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => l["Validation.ValueInvalidNoField", value]);
            m.SetNonPropertyValueMustBeANumberAccessor(() => l["Validation.MustBeNumberNoField"]);
            m.SetUnknownValueIsInvalidAccessor(field => l["Validation.ValueInvalidNoValue", field]);
            m.SetNonPropertyUnknownValueIsInvalidAccessor(() => l["Validation.RequiredNoField"]);
            m.SetMissingRequestBodyRequiredValueAccessor(() => l["Validation.RequiredNoField"]);
        }
    }
}

/// <summary>How the portal shows money, dates and times: Norwegian style, in Europe/Oslo.</summary>
public static class Display
{
    public static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");

    /// <summary>"kr 1 234,50" in Bokmål; "NOK 1,234.50" in English.</summary>
    public static string Money(decimal amount, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        return culture.TwoLetterISOLanguageName is "nb" or "no" or "nn"
            ? "kr " + amount.ToString("#,##0.00", Nb)
            : "NOK " + amount.ToString("#,##0.00", CultureInfo.InvariantCulture);
    }

    public static DateTime ToOslo(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Oslo);

    public static DateTime FromOslo(DateTime local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Oslo);

    public static DateOnly TodayInOslo(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(ToOslo(clock.GetUtcNow().UtcDateTime));
    }

    public static string Date(DateOnly? date) =>
        date is { } d ? d.ToString(CultureInfo.CurrentCulture.TwoLetterISOLanguageName == "en" ? "d MMM yyyy" : "d. MMM yyyy", CultureInfo.CurrentCulture) : "–";

    /// <summary>A month as people say it: "mars 2027", "March 2027".</summary>
    public static string Month(DateOnly? date) =>
        date is { } d ? d.ToString("MMMM yyyy", CultureInfo.CurrentCulture) : "–";

    public static string DateTimeUtc(DateTime? utc) =>
        utc is { } u ? ToOslo(u).ToString(CultureInfo.CurrentCulture.TwoLetterISOLanguageName == "en" ? "d MMM yyyy HH:mm" : "d. MMM yyyy 'kl.' HH:mm", CultureInfo.CurrentCulture) : "–";

    /// <summary>Norwegian number format with a plain space as the thousands separator, whatever the ICU data says.</summary>
    private static readonly NumberFormatInfo Nb = new()
    {
        NumberGroupSeparator = "\u00A0",
        NumberDecimalSeparator = ",",
        NegativeSign = "−",
    };
}

public static class ValidationContextExtensions
{
    /// <summary>The UI localizer inside IValidatableObject.Validate, so its messages come in the user's language.</summary>
    public static Microsoft.Extensions.Localization.IStringLocalizer Localizer(this System.ComponentModel.DataAnnotations.ValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return (Microsoft.Extensions.Localization.IStringLocalizer?)context.GetService(typeof(Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>))
            ?? throw new InvalidOperationException("No localizer in the validation context.");
    }
}
