using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Authorization;
using MigrationPortal.Web.Infrastructure.Localization;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Projects;

/// <summary>
/// The project's change history, for staff, a page at a time, in words people read: what changed in their language,
/// people by name, values as the forms show them. Ids, column names, e-mail addresses in place of names and hashes
/// never reach the page; bookkeeping columns (versions, search text, stored files) are left out.
/// </summary>
public static class ProjectHistory
{
    public const int PageSize = 50;

    /// <summary>Columns that are the app's bookkeeping, not something a person changed.</summary>
    public static readonly IReadOnlySet<string> Hidden = new HashSet<string>(StringComparer.Ordinal)
    {
        "Version", "SearchText", "PdfContent", "PdfSha256", "Pdf", "Sha256", "AcceptedUserAgent", "ConcurrencyStamp", "SecurityStamp",
        "PasswordHash", "NormalizedEmail", "NormalizedUserName", "CertificateThumbprint", "ProjectId", "OfferId", "TestEnvironmentId", "SortOrder",
        "AccessFailedCount", "LockoutEnabled", "EmailConfirmed", "PhoneNumberConfirmed", "TwoFactorEnabled", "UserName",
        "CalendarToken", "WheelKey", "Sequence", "EventId", "MeetingId", "OneOffTotalOre", "YearlyTotalOre", "InPipeline",
    };

    /// <summary>Enums whose resource prefix is not their type's name.</summary>
    private static readonly Dictionary<string, string> EnumPrefixes = new(StringComparer.Ordinal)
    {
        [nameof(ResponsibleParty)] = "Responsible", [nameof(MilestoneKind)] = "Milestone",
    };

    /// <summary>Columns holding a person's user id, a contact's id, a customer's or a product's id.</summary>
    private static readonly HashSet<string> UserColumns = new(StringComparer.Ordinal) { "AssigneeUserId", "LeadUserId", "SentByUserId", "ReportedByUserId", "VendorContactUserId", "UserId", "AuthorUserId" };
    private static readonly HashSet<string> ContactColumns = new(StringComparer.Ordinal) { "OwnerContactId", "AcceptedByContactId", "SignedOffByContactId", "ContactId" };

    public sealed record Item(DateTime AtUtc, string Who, string What, string? Old, string? New);

    public sealed record ViewModel(int Id, string Name, IReadOnlyList<Item> Items, int Page, bool HasMore);

    public sealed class Handler(PortalDb db, ResourceAccess access, IStringLocalizer<SharedResource> l)
    {
        public async Task<Result<ViewModel>> GetAsync(int id, int page, ClaimsPrincipal user, CancellationToken ct)
        {
            if (await access.ProjectAsync(id, user, ProjectOperations.ViewInternal, ct) is { } denied)
            {
                // A customer asking for the history is told it does not exist: it is not theirs to know of.
                return denied.Kind == ResultKind.Forbidden ? Result.NotFound : denied;
            }

            page = Math.Max(1, page);
            var hidden = Hidden.ToList();
            var entries = await db.AuditEntries.AsNoTracking()
                .Where(a => a.ProjectId == id && (a.Property == null || !hidden.Contains(a.Property)))
                .OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id)
                .Skip((page - 1) * PageSize).Take(PageSize + 1)
                .ToListAsync(ct);
            var hasMore = entries.Count > PageSize;
            entries = entries.Take(PageSize).ToList();
            var name = await db.Projects.Where(p => p.Id == id).Select(p => p.Name).SingleAsync(ct);
            return new ViewModel(id, name, await DescribeAsync(entries, ct), page, hasMore);
        }

        private async Task<List<Item>> DescribeAsync(List<AuditEntry> entries, CancellationToken ct)
        {
            static List<string> Values(IEnumerable<AuditEntry> es, ISet<string> columns) =>
                es.Where(e => e.Property is not null && columns.Contains(e.Property)).SelectMany(e => new[] { e.OldValue, e.NewValue }).OfType<string>().Distinct().ToList();
            static List<int> Ids(IEnumerable<string> values) =>
                values.Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : 0).Where(i => i > 0).Distinct().ToList();

            var userIds = Values(entries, UserColumns).Concat(entries.Select(e => e.UserId).OfType<string>()).Distinct().ToList();
            var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
            var contactIds = Ids(Values(entries, ContactColumns));
            var contacts = await db.Contacts.AsNoTracking().Where(c => contactIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
            var customerIds = Ids(Values(entries, new HashSet<string> { "CustomerId" }));
            var customers = await db.Customers.AsNoTracking().Where(c => customerIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
            var productIds = Ids(Values(entries, new HashSet<string> { "ProductId" }));
            var products = await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
            var stepIds = Ids(entries.Where(e => e.EntityType == nameof(Step)).Select(e => e.EntityId));
            var steps = await db.Steps.AsNoTracking().Where(s => stepIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Title, ct);
            var types = db.Model.GetEntityTypes().GroupBy(t => t.ClrType.Name).ToDictionary(g => g.Key, g => g.First());

            string? Value(AuditEntry e, string? v)
            {
                if (v is null || e.Property is null)
                {
                    return v;
                }

                int Id() => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : 0;
                if (UserColumns.Contains(e.Property))
                {
                    return users.GetValueOrDefault(v) ?? l["History.FormerUser"];
                }

                if (ContactColumns.Contains(e.Property))
                {
                    return contacts.GetValueOrDefault(Id()) ?? l["History.FormerContact"];
                }

                if (e.Property == "CustomerId")
                {
                    return customers.GetValueOrDefault(Id()) ?? v;
                }

                if (e.Property == "ProductId")
                {
                    return products.GetValueOrDefault(Id()) ?? v;
                }

                var type = types.GetValueOrDefault(e.EntityType)?.FindProperty(e.Property)?.ClrType;
                type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
                if (type is { IsEnum: true } && l[$"{EnumPrefixes.GetValueOrDefault(type.Name, type.Name)}.{v}"] is { ResourceNotFound: false } text)
                {
                    return text.Value;
                }

                if (type == typeof(bool))
                {
                    return v == "True" ? l["Common.Yes"] : l["Common.No"];
                }

                if (type == typeof(DateOnly) && DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    return Display.Date(d);
                }

                if (type == typeof(DateTime) && DateTime.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var t))
                {
                    return Display.DateTimeUtc(t.ToUniversalTime());
                }

                return type == typeof(decimal) && decimal.TryParse(v, NumberStyles.Number, CultureInfo.InvariantCulture, out var m) ? Display.Money(m) : v;
            }

            string What(AuditEntry e)
            {
                var entity = l["Entity." + e.EntityType] is { ResourceNotFound: false } en ? en.Value : l["History.Record"].Value;
                var subject = e.EntityType == nameof(Step) && int.TryParse(e.EntityId, NumberStyles.None, CultureInfo.InvariantCulture, out var sid) && steps.TryGetValue(sid, out var title)
                    ? $" «{title}»" : string.Empty;
                var field = e.Property is null ? string.Empty
                    : ": " + (l["Field." + e.Property] is { ResourceNotFound: false } f ? f.Value : l["History.OtherField"].Value);
                return $"{entity}{subject} {l["Action." + e.Action]}{field}";
            }

            string Who(AuditEntry e) =>
                e.UserId is { } uid && users.TryGetValue(uid, out var n) ? n
                : e.UserId is null ? l["History.System"] : l["History.FormerUser"];

            return entries.Select(e => new Item(e.AtUtc, Who(e), What(e), Value(e, e.OldValue), Value(e, e.NewValue))).ToList();
        }
    }
}
