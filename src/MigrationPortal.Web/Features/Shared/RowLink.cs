using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace MigrationPortal.Web.Features.Shared;

/// <summary>
/// One action's link for every row of a long list (a plan of 300 steps): routing generates the link once, with a marker in
/// the row's key, and each row puts its own key in the marker's place. The link is the route's own, as with
/// <c>asp-action</c>, without generating it 300 times per page.
/// </summary>
public sealed class RowLink
{
    /// <summary>The row key's stand-in: an int, so an <c>{key:int}</c> constraint accepts it; no real key reaches it.</summary>
    private const int Marker = int.MaxValue;

    private static readonly string MarkerText = Marker.ToString(CultureInfo.InvariantCulture);

    private readonly string template;

    private RowLink(string template) => this.template = template;

    /// <summary>The link for <paramref name="action"/> with <paramref name="routeValues"/> and the row's key as <paramref name="rowKey"/>.</summary>
    public static RowLink Create(IUrlHelper url, string action, string controller, object routeValues, string rowKey)
    {
        ArgumentNullException.ThrowIfNull(url);
        var values = new RouteValueDictionary(routeValues) { [rowKey] = Marker };
        var link = url.Action(action, controller, values) ?? throw new InvalidOperationException($"No route for {controller}.{action} with {rowKey}.");
        return new RowLink(link);
    }

    public string For(int key)
    {
        ArgumentOutOfRangeException.ThrowIfEqual(key, Marker);
        return template.Replace(MarkerText, key.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
