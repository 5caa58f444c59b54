namespace MigrationPortal.Web.Infrastructure.Results;

/// <summary>What became of a use case. One family for every feature; <c>PortalController</c> turns it into a response.</summary>
public enum ResultKind
{
    /// <summary>Done; <see cref="Result{T}.Value"/> holds what the caller needs next (a page, an id).</summary>
    Ok,

    /// <summary>Does not exist, or is not the caller's to see: 404, never a hint that it exists.</summary>
    NotFound,

    /// <summary>The caller may see it but not do this: 403.</summary>
    Forbidden,

    /// <summary>The input breaks a rule: the page again with the field errors, nothing saved.</summary>
    Invalid,

    /// <summary>Someone else saved first: 409 and the page again with both sets of values, nothing saved.</summary>
    Conflict,

    /// <summary>The thing is in a state that does not allow this (sent, accepted, ...): a reason, nothing saved.</summary>
    Refused,
}

/// <summary>
/// A message for one field (or the form as a whole when <see cref="Field"/> is empty): a resource key and its arguments,
/// translated when shown. An argument that is itself a text to translate (a field's name) is a <see cref="Label"/>;
/// everything else (what the person typed, a row number) is shown as it is.
/// </summary>
public sealed record FieldError(string Field, string Key, params object[] Arguments);

/// <summary>A resource key given as an argument of a <see cref="FieldError"/>, translated with the message.</summary>
public sealed record Label(string Key);

/// <summary>One field someone else changed: what is saved now beside what this person tried to save.</summary>
public sealed record FieldChange(string LabelKey, object? Theirs, object? Yours);

/// <summary>Who saved first and what differs; the form shows the person's own values, carrying the saved version.</summary>
public sealed record ConflictView(string? ChangedBy, DateTime? ChangedAtUtc, IReadOnlyList<FieldChange> Changes);

/// <summary>A result that is not <see cref="ResultKind.Ok"/>: converts to any <see cref="Result{T}"/>, so a use case writes <c>return Result.NotFound;</c>.</summary>
public sealed record Failure(ResultKind Kind, object? Page = null, IReadOnlyList<FieldError>? Errors = null, ConflictView? Conflict = null, string? Reason = null);

public sealed class Result<T>
{
    private Result(T value) => (Kind, Value) = (ResultKind.Ok, value);

    private Result(Failure failure) => (Kind, Failure) = (failure.Kind, failure);

    public ResultKind Kind { get; }

    public bool IsOk => Kind == ResultKind.Ok;

    /// <summary>The value of an <see cref="ResultKind.Ok"/> result.</summary>
    public T? Value { get; }

    /// <summary>Everything else: the page to show again, the field errors, the conflict, the reason.</summary>
    public Failure? Failure { get; }

    public static implicit operator Result<T>(Failure failure) => new(failure);

    public static implicit operator Result<T>(T value) => new(value);

    /// <summary>The same failure as a result of another type (a failed access check passed on).</summary>
    public Result<TOther> Cast<TOther>() =>
        Failure ?? throw new InvalidOperationException("An Ok result has no failure to pass on.");
}

public static class Result
{
    public static Failure NotFound { get; } = new(ResultKind.NotFound);

    public static Failure Forbidden { get; } = new(ResultKind.Forbidden);

    public static Result<T> Ok<T>(T value) => value;

    /// <summary>Invalid input: <paramref name="page"/> is shown again with the errors.</summary>
    public static Failure Invalid(object page, params FieldError[] errors) => new(ResultKind.Invalid, page, errors);

    public static Failure Invalid(object page, IEnumerable<FieldError> errors) => new(ResultKind.Invalid, page, errors.ToList());

    /// <summary>Someone saved first: <paramref name="page"/> carries this person's values and the saved version.</summary>
    public static Failure Conflict(object? page, ConflictView? conflict = null) => new(ResultKind.Conflict, page, Conflict: conflict);

    /// <summary>Not allowed in the current state; <paramref name="reasonKey"/> is a resource key.</summary>
    public static Failure Refused(string reasonKey) => new(ResultKind.Refused, Reason: reasonKey);
}

/// <summary>
/// A page around an edit form: the view's model is the <see cref="Form"/> itself (so tag helpers name fields exactly as
/// they bind: <c>Status</c>, <c>Activities[0].UnitPrice</c>), and the page with its choices travels beside it
/// (<c>ViewData.Page&lt;T&gt;()</c>). <c>PortalController</c> does the split.
/// </summary>
public interface IFormPage
{
    object Form { get; }
}
