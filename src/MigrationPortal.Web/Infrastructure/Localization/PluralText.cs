using Microsoft.Extensions.Localization;

namespace MigrationPortal.Web.Infrastructure.Localization;

/// <summary>
/// Counts that agree with their noun ("1 steg", "2 prosjekter"): a text with a count has two resources, <c>Key.One</c>
/// and <c>Key.Other</c>, and the count picks one. Bokmål and English both need only these two forms.
/// </summary>
public static class PluralText
{
    public static LocalizedString Plural(this IStringLocalizer l, string key, int count, params object[] more)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(more);
        return l[key + (count == 1 ? ".One" : ".Other"), [count, .. more]];
    }
}
