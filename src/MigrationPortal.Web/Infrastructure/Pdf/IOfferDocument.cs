namespace MigrationPortal.Web.Infrastructure.Pdf;

/// <summary>
/// An offer revision as its PDF. The offers feature draws it (<c>OfferPdf</c>); the demo data asks through this interface so
/// that <c>Data</c> does not depend on a feature.
/// </summary>
public interface IOfferDocument
{
    Task<byte[]> RenderAsync(int revisionId, CancellationToken ct);
}
