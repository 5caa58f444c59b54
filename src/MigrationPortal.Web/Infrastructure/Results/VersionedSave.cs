using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;

namespace MigrationPortal.Web.Infrastructure.Results;

/// <summary>
/// The one concurrency path (docs/adr/0003): a person's changes are applied to the entity as loaded and saved against the
/// version they started from. If someone else saved first, nothing is written and the result is a conflict that lists,
/// field by field, what is saved now beside what this person tried to save; their form comes back carrying the saved
/// version, so saving again is a deliberate overwrite.
/// </summary>
public static class VersionedSave
{
    /// <summary>
    /// Applies <paramref name="apply"/> to <paramref name="entity"/> (tracked; new or loaded) and saves it as of the form's version.
    /// </summary>
    /// <param name="form">The posted form: its version is checked, its <see cref="DisplayAttribute"/> names label the fields of a conflict, and after one it carries the saved version.</param>
    /// <param name="ok">What the caller gets when saved (an id, usually).</param>
    /// <param name="conflictPage">The page to show again with the form; none for a command that answers with a redirect.</param>
    public static async Task<Result<T>> SaveVersionedAsync<TEntity, T>(
        this PortalDb db, TEntity entity, IVersionedForm form, Action<TEntity> apply, Func<T> ok, Func<Task<object>>? conflictPage, CancellationToken ct)
        where TEntity : Versioned
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(apply);
        ArgumentNullException.ThrowIfNull(ok);
        var entry = db.Entry(entity);
        var isNew = entry.State is EntityState.Added or EntityState.Detached;
        var saved = entity.Version;
        var postedVersion = form.Version;
        apply(entity);
        if (isNew)
        {
            // A form for something not saved yet carries version 0, so what it creates starts at 1: a second person whose
            // form also said "nothing saved yet" (a first draft both opened empty) then conflicts instead of overwriting.
            entity.Version = postedVersion + 1;
        }
        else
        {
            // The version the person saw is what the UPDATE checks, so a save racing past the check below still conflicts;
            // it is checked and bumped even when only related rows (customers, participants) change.
            entry.Property(e => e.Version).OriginalValue = postedVersion;
            entry.Property(e => e.Version).IsModified = true;
            if (saved != postedVersion)
            {
                var changes = Changes(entry, form, theirs: p => entry.OriginalValues[p]);
                return await ConflictAsync(db, entry, form, saved, changes, conflictPage, ct);
            }
        }

        try
        {
            await db.SaveChangesAsync(ct);
            return ok();
        }
        catch (DbUpdateConcurrencyException)
        {
            var current = await entry.GetDatabaseValuesAsync(ct);
            if (current is null)
            {
                db.ChangeTracker.Clear();
                return Result.NotFound;
            }

            var changes = Changes(entry, form, theirs: p => current[p]);
            return await ConflictAsync(db, entry, form, current.GetValue<int>(nameof(Versioned.Version)), changes, conflictPage, ct);
        }
    }

    /// <summary>
    /// Saves a command's changes (several rows, versions bumped on purpose); false when someone else saved one of them
    /// first, in which case nothing of this save is kept and the change tracker is cleared.
    /// </summary>
    public static async Task<bool> TrySaveAsync(this PortalDb db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>The UPDATE checks the version the person saw, not the one loaded just now.</summary>
    public static void ExpectVersion<TEntity>(this PortalDb db, TEntity entity, int postedVersion)
        where TEntity : Versioned
    {
        ArgumentNullException.ThrowIfNull(db);
        var version = db.Entry(entity).Property(e => e.Version);
        version.OriginalValue = postedVersion;
        version.IsModified = true;
    }

    /// <summary>
    /// For entities whose token is not <see cref="Versioned.Version"/> (Identity's users): the UPDATE checks the token the person saw.
    /// </summary>
    public static void ExpectToken<TEntity>(this PortalDb db, TEntity entity, string tokenProperty, object? postedToken)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(db);
        db.Entry(entity).Property(tokenProperty).OriginalValue = postedToken;
    }

    private static async Task<Failure> ConflictAsync(PortalDb db, EntityEntry entry, IVersionedForm form, int savedVersion, List<(string Property, string Label, object? Theirs, object? Yours)> changes, Func<Task<object>>? conflictPage, CancellationToken ct)
    {
        var entityType = entry.Metadata.ClrType.Name;
        var key = string.Join('/', entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, CultureInfo.InvariantCulture)));
        db.ChangeTracker.Clear();

        // Whoever saved last is who the person is told about; user ids are shown as names.
        var last = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == entityType && a.EntityId == key)
            .OrderByDescending(a => a.Id).Select(a => new { a.UserName, a.AtUtc }).FirstOrDefaultAsync(ct);
        var userIds = changes.Where(c => c.Property.EndsWith("UserId", StringComparison.Ordinal))
            .SelectMany(c => new[] { c.Theirs as string, c.Yours as string }).OfType<string>().Distinct().ToList();
        var names = userIds.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        object? Named(string property, object? value) =>
            property.EndsWith("UserId", StringComparison.Ordinal) && value is string id ? names.GetValueOrDefault(id, id) : value;

        var view = new ConflictView(last?.UserName, last?.AtUtc, changes.Select(c => new FieldChange(c.Label, Named(c.Property, c.Theirs), Named(c.Property, c.Yours))).ToList());
        form.Version = savedVersion;
        return Result.Conflict(conflictPage is null ? null : await conflictPage(), view);
    }

    /// <summary>The entity's fields that the form shows and that differ between what is saved and what the person tried to save.</summary>
    private static List<(string Property, string Label, object? Theirs, object? Yours)> Changes(EntityEntry entry, IVersionedForm form, Func<string, object?> theirs)
    {
        var labels = form.GetType().GetProperties()
            .Select(p => (p.Name, Label: p.GetCustomAttribute<DisplayAttribute>()?.Name))
            .Where(p => p.Label is not null)
            .ToDictionary(p => p.Name, p => p.Label!);
        return entry.Properties
            .Where(p => labels.ContainsKey(p.Metadata.Name) && !Equals(Normal(theirs(p.Metadata.Name)), Normal(p.CurrentValue)))
            .Select(p => (p.Metadata.Name, labels[p.Metadata.Name], theirs(p.Metadata.Name), p.CurrentValue))
            .ToList();
    }

    private static object? Normal(object? value) => value is string { Length: 0 } ? null : value;
}

/// <summary>An edit form: it carries the version the person started from.</summary>
public interface IVersionedForm
{
    int Version { get; set; }
}

/// <summary>The version a command (a button, not a form) was posted with.</summary>
public sealed class PostedVersion(int version) : IVersionedForm
{
    public int Version { get; set; } = version;
}
