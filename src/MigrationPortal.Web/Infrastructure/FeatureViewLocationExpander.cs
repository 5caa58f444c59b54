using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace MigrationPortal.Web.Infrastructure;

/// <summary>
/// Views live beside their controller: the folder is the controller's namespace under Features
/// (MigrationPortal.Web.Features.Admin.UsersController → /Features/Admin/), then /Features/Shared/.
/// </summary>
public sealed class FeatureViewLocationExpander : IViewLocationExpander
{
    private const string Key = "feature";

    public void PopulateValues(ViewLocationExpanderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.ActionContext.ActionDescriptor is ControllerActionDescriptor action
            && action.ControllerTypeInfo.Namespace is { } ns
            && ns.LastIndexOf(".Features.", StringComparison.Ordinal) is var i and >= 0)
        {
            context.Values[Key] = ns[(i + ".Features.".Length)..].Replace('.', '/');
        }
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations)
    {
        ArgumentNullException.ThrowIfNull(context);
        var feature = context.Values.TryGetValue(Key, out var f) ? f : null;
        return viewLocations.Select(l => l.Replace("{feature}", feature ?? "Shared", StringComparison.Ordinal));
    }
}
