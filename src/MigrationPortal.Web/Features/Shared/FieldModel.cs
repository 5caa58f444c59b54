namespace MigrationPortal.Web.Features.Shared;

/// <summary>One form field for the shared _Field partial.</summary>
public sealed record FieldModel(string Name, string LabelKey, string? Value, string Type = "text", bool Required = false, string? HelpKey = null, string? Autocomplete = null);
