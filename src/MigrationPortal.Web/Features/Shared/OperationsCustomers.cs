using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;

namespace MigrationPortal.Web.Features.Shared;

/// <summary>
/// Who the cloud centre serves: customers in operation (a project of theirs in phase 4 and active), those on a product
/// (the project has it, or the customer runs it), and their contacts who have a login, in the language mail goes out in.
/// </summary>
public static class OperationsCustomers
{
    public sealed record Recipient(int CustomerId, int ContactId, string Name, string Email, string UserId, string Language);

    public static IQueryable<int> InOperation(PortalDb db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Projects.InOperation().SelectMany(p => p.Customers).Select(pc => pc.CustomerId);
    }

    /// <summary>Customers in operation whose project in operation has the product, or who run it already.</summary>
    public static IQueryable<int> InOperationOn(PortalDb db, int productId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Projects.InOperation().SelectMany(p => p.Customers)
            .Where(pc => db.ProjectProducts.Any(pp => pp.ProjectId == pc.ProjectId && pp.ProductId == productId)
                || db.CustomerProducts.Any(cp => cp.CustomerId == pc.CustomerId && cp.ProductId == productId))
            .Select(pc => pc.CustomerId).Distinct();
    }

    /// <summary>The contacts of these customers who have an active login, each in their own language (else the customer's).</summary>
    public static async Task<List<Recipient>> WithLoginAsync(PortalDb db, IReadOnlyCollection<int> customerIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Contacts.AsNoTracking()
            .Where(c => customerIds.Contains(c.CustomerId) && c.UserId != null)
            .Join(db.Users.Where(u => u.IsActive), c => c.UserId, u => u.Id, (c, u) => new { c, u })
            .OrderBy(x => x.c.CustomerId).ThenBy(x => x.c.Id)
            .Select(x => new Recipient(x.c.CustomerId, x.c.Id, x.c.Name, x.c.Email, x.u.Id, x.u.PreferredLanguage ?? x.c.Customer!.PreferredLanguage))
            .ToListAsync(ct);
    }
}
