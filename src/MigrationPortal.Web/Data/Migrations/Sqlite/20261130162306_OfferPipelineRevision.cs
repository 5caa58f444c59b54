using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MigrationPortal.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OfferPipelineRevision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "InPipeline",
                table: "OfferRevisions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // The revisions already saved: the newest one the customer has seen, or the draft while nothing was sent (OfferRevision.MarkPipeline).
            migrationBuilder.Sql("""
                UPDATE "OfferRevisions" SET "InPipeline" = 1
                WHERE ("Status" <> 'Draft' AND "Revision" = (SELECT MAX(x."Revision") FROM "OfferRevisions" x WHERE x."OfferId" = "OfferRevisions"."OfferId" AND x."Status" <> 'Draft'))
                   OR ("Status" = 'Draft' AND NOT EXISTS (SELECT 1 FROM "OfferRevisions" x WHERE x."OfferId" = "OfferRevisions"."OfferId" AND x."Status" <> 'Draft'));
                """);

            migrationBuilder.CreateIndex(
                name: "IX_OfferRevisions_InPipeline_CreatedUtc",
                table: "OfferRevisions",
                columns: new[] { "InPipeline", "CreatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_OfferRevisions_InPipeline_Status_ValidUntil_OneOffTotalOre",
                table: "OfferRevisions",
                columns: new[] { "InPipeline", "Status", "ValidUntil", "OneOffTotalOre" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OfferRevisions_InPipeline_CreatedUtc",
                table: "OfferRevisions");

            migrationBuilder.DropIndex(
                name: "IX_OfferRevisions_InPipeline_Status_ValidUntil_OneOffTotalOre",
                table: "OfferRevisions");

            migrationBuilder.DropColumn(
                name: "InPipeline",
                table: "OfferRevisions");
        }
    }
}
