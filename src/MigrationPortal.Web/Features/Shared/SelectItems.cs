using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using MigrationPortal.Web.Infrastructure.Localization;

namespace MigrationPortal.Web.Features.Shared;

/// <summary>Choices for <c>asp-items</c>: enums by their names in the user's language, and lists of (id, name).</summary>
public static class SelectItems
{
    /// <summary>Every value of <typeparamref name="T"/>, shown as the resource <c>{prefix}.{value}</c> (the prefix defaults to the type's name).</summary>
    public static IEnumerable<SelectListItem> EnumItems<T>(this IStringLocalizer l, string? prefix = null)
        where T : struct, Enum => l.EnumItems(prefix, Enum.GetValues<T>());

    /// <summary>The given values of <typeparamref name="T"/> (those a person may choose), shown as the resource <c>{prefix}.{value}</c>.</summary>
    public static IEnumerable<SelectListItem> EnumItems<T>(this IStringLocalizer l, string? prefix, IEnumerable<T> values)
        where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(l);
        return values.Select(v => new SelectListItem(l[$"{prefix ?? typeof(T).Name}.{v}"].Value, v.ToString()));
    }

    /// <summary>The four phases, numbered as people know them ("2. Etablering, testing og opplæring").</summary>
    public static IEnumerable<SelectListItem> PhaseItems(this IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(l);
        return Enum.GetValues<Domain.Phase>().Select(p => new SelectListItem($"{(int)p}. {l["Phase." + p].Value}", p.ToString()));
    }

    /// <summary>The portal's roles, by their names in the user's language.</summary>
    public static IEnumerable<SelectListItem> RoleItems(this IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(l);
        return Domain.Roles.All.Select(r => new SelectListItem(l["Role." + r].Value, r));
    }

    /// <summary>The portal's languages, each named in the user's language.</summary>
    public static IEnumerable<SelectListItem> LanguageItems(this IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(l);
        return LocalizationSetup.Cultures.Select(c => new SelectListItem(l["Language." + c].Value, c));
    }

    public static IEnumerable<SelectListItem> Items<T>(this IEnumerable<(T Id, string Name)> options) =>
        options.Select(o => new SelectListItem(o.Name, Convert.ToString(o.Id, System.Globalization.CultureInfo.InvariantCulture)));
}
