using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace MigrationPortal.Web.Infrastructure.Text;

/// <summary>
/// Every string the portal binds (form fields, action parameters, list items) passes through <see cref="TypedText.Clean"/>
/// before anything else sees it: the use case, the validation attributes, and the form shown again, which therefore shows
/// what was kept. Multi-line is what the property or parameter says with <c>[DataType(DataType.MultilineText)]</c>.
/// </summary>
public sealed class TypedTextModelBinder(IModelBinder inner) : IModelBinder
{
    public async Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        var original = bindingContext.ValueProvider;
        bindingContext.ValueProvider = new Cleaned(original, bindingContext.ModelMetadata.DataTypeName == nameof(DataType.MultilineText));
        try
        {
            await inner.BindModelAsync(bindingContext);
        }
        finally
        {
            bindingContext.ValueProvider = original;
        }
    }

    private sealed class Cleaned(IValueProvider inner, bool multiline) : IValueProvider
    {
        public bool ContainsPrefix(string prefix) => inner.ContainsPrefix(prefix);

        public ValueProviderResult GetValue(string key)
        {
            var result = inner.GetValue(key);
            if (result == ValueProviderResult.None || !result.Values.Any(v => v is not null && (TypedText.NeedsCleaning(v) || !v.IsNormalized())))
            {
                return result;
            }

            return new ValueProviderResult(new(result.Values.Select(v => v is null ? null : TypedText.Clean(v, multiline)).ToArray()), result.Culture);
        }
    }
}

/// <summary>
/// A check box posted with something other than true or false (only a crafted request can) keeps its message but not the
/// posted text: MVC draws a check box from the posted value converted to a bool, and would fail on it.
/// </summary>
public sealed class CheckBoxModelBinder(IModelBinder inner) : IModelBinder
{
    public async Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        await inner.BindModelAsync(bindingContext);
        if (bindingContext.ModelState.TryGetValue(bindingContext.ModelName, out var entry) && entry.Errors.Count > 0)
        {
            entry.RawValue = null;
        }
    }
}

/// <summary>
/// Puts <see cref="TypedTextModelBinder"/> in front of the framework's binder for every <see cref="string"/> taken from
/// the request's values, and <see cref="CheckBoxModelBinder"/> for every <see cref="bool"/>.
/// </summary>
public sealed class TypedTextModelBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var source = context.BindingInfo.BindingSource;
        var type = context.Metadata.ModelType;
        if ((type != typeof(string) && Nullable.GetUnderlyingType(type) != typeof(bool) && type != typeof(bool))
            || (source is not null && (!source.IsFromRequest || source == BindingSource.Body || source == BindingSource.Header || source == BindingSource.FormFile)))
        {
            return null;
        }

        var inner = new SimpleTypeModelBinder(type, context.Services.GetRequiredService<ILoggerFactory>());
        return type == typeof(string) ? new TypedTextModelBinder(inner) : new CheckBoxModelBinder(inner);
    }
}
