namespace MigrationPortal.Web;

/// <summary>Marker for the one resource set of the UI: Resources/SharedResource.resx (nb-NO) and .en.resx.</summary>
#pragma warning disable CA1052 // the type is a marker for IStringLocalizer<T> and must be instantiable as a type argument
public sealed class SharedResource;
#pragma warning restore CA1052
