using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using MigrationPortal.Web.Domain;

namespace MigrationPortal.Web.Infrastructure.Localization;

/// <summary>
/// Every decimal the portal takes in is read the way people type amounts (<see cref="MoneyText"/>: "1 450,50",
/// "1450.50", "kr 20 000"), so handlers receive a <see cref="decimal"/>. What cannot be read is a message naming the
/// field, and the row when the field is in a table ("Enhetspris i rad 2 er ikke et gyldig beløp: «mange»"); the typed
/// text stays in the model state, so the form shows it back exactly as typed. An empty field binds nothing: whether it
/// may be empty is the use case's rule.
/// </summary>
public sealed partial class MoneyModelBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        var value = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (value == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }

        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, value);
        var text = value.FirstValue;
        if (string.IsNullOrWhiteSpace(text))
        {
            return Task.CompletedTask;
        }

        if (MoneyText.TryParse(text, out var amount))
        {
            bindingContext.Result = ModelBindingResult.Success(amount);
            return Task.CompletedTask;
        }

        var l = bindingContext.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var field = bindingContext.ModelMetadata.GetDisplayName();
        var row = RowIndex().Match(bindingContext.ModelName);
        var message = row.Success
            ? l["Validation.RowNumber", field, int.Parse(row.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1, text]
            : l["Validation.Amount", field, text];
        bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, message);
        return Task.CompletedTask;
    }

    // "Activities[1].UnitPrice": the last index in the name is the row.
    [GeneratedRegex(@"\[(\d+)\][^\[]*$")]
    private static partial Regex RowIndex();
}

/// <summary>Uses <see cref="MoneyModelBinder"/> for every <see cref="decimal"/> and <c>decimal?</c>.</summary>
public sealed class MoneyModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var type = Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType;
        return type == typeof(decimal) ? new MoneyModelBinder() : null;
    }
}
