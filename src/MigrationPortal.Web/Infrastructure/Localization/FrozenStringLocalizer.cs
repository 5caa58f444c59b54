using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace MigrationPortal.Web.Infrastructure.Localization;

/// <summary>
/// The resource localizers with each culture's strings read once into a frozen dictionary. <c>ResourceManager.GetString</c>
/// takes a process-wide lock on every call; a page with a row per step asks for hundreds of texts, so under load the
/// requests queued on that lock. What the resource files hold is found here without a lock; a missing key still goes to the
/// resource localizer, so its answer (the key itself, marked not found) is unchanged.
/// </summary>
public sealed class FrozenStringLocalizerFactory(IOptions<LocalizationOptions> options, ILoggerFactory loggers) : IStringLocalizerFactory
{
    private readonly ResourceManagerStringLocalizerFactory inner = new(options, loggers);
    private readonly ConcurrentDictionary<Type, IStringLocalizer> byType = new();

    public IStringLocalizer Create(Type resourceSource) =>
        byType.GetOrAdd(resourceSource, t => new FrozenStringLocalizer(inner.Create(t)));

    public IStringLocalizer Create(string baseName, string location) => inner.Create(baseName, location);
}

/// <summary>One resource set's strings per UI culture (the culture's own, then its parents'), frozen on first use.</summary>
public sealed class FrozenStringLocalizer(IStringLocalizer resources) : IStringLocalizer
{
    private readonly ConcurrentDictionary<string, FrozenDictionary<string, string>> cultures = new(StringComparer.Ordinal);

    public LocalizedString this[string name]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(name);
            return Strings().TryGetValue(name, out var value) ? new LocalizedString(name, value) : resources[name];
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(name);
            return Strings().TryGetValue(name, out var format)
                ? new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format, arguments))
                : resources[name, arguments];
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => resources.GetAllStrings(includeParentCultures);

    /// <summary>
    /// The current UI culture's strings. The set of cultures is bounded: only the supported ones are ever made current
    /// (request localization and <see cref="CultureScope"/> choose among them).
    /// </summary>
    private FrozenDictionary<string, string> Strings() =>
        cultures.GetOrAdd(CultureInfo.CurrentUICulture.Name, _ => resources.GetAllStrings(includeParentCultures: true)
            .Where(s => !s.ResourceNotFound)
            .DistinctBy(s => s.Name, StringComparer.Ordinal)
            .ToFrozenDictionary(s => s.Name, s => s.Value, StringComparer.Ordinal));
}
