using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MigrationPortal.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class OfferTotalsStored : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "OneOffTotalOre",
                table: "OfferRevisions",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "YearlyTotalOre",
                table: "OfferRevisions",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            // The totals of the revisions already saved, computed as OfferActivity.TotalOf does (rounded to øre, half away from zero).
            migrationBuilder.Sql("""
                UPDATE [OfferRevisions] SET [OneOffTotalOre] = COALESCE((SELECT CAST(ROUND(SUM(CASE WHEN a.[PriceKind] = 'Fixed' THEN a.[FixedPrice] ELSE ROUND(a.[Quantity] * a.[UnitPrice], 2) END) * 100, 0) AS BIGINT) FROM [OfferActivities] a WHERE a.[OfferRevisionId] = [OfferRevisions].[Id]), 0);
                """);
            migrationBuilder.Sql("""
                UPDATE [OfferRevisions] SET [YearlyTotalOre] = COALESCE((SELECT CAST(ROUND(SUM(y.[AmountPerYear]) * 100, 0) AS BIGINT) FROM [OfferYearlyCosts] y WHERE y.[OfferRevisionId] = [OfferRevisions].[Id]), 0);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "OneOffTotalOre",
                table: "OfferRevisions");

            migrationBuilder.DropColumn(
                name: "YearlyTotalOre",
                table: "OfferRevisions");
        }
    }
}
