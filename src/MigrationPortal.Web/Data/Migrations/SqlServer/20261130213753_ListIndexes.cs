using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MigrationPortal.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_MeetingRequests_Status_CreatedUtc",
                table: "MeetingRequests",
                columns: new[] { "Status", "CreatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Leads_Status_CreatedUtc",
                table: "Leads",
                columns: new[] { "Status", "CreatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_CloudQueue_StartedUtc_Position",
                table: "CloudQueue",
                columns: new[] { "StartedUtc", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_DisplayName_Id",
                table: "AspNetUsers",
                columns: new[] { "DisplayName", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_MeetingRequests_Status_CreatedUtc",
                table: "MeetingRequests");

            migrationBuilder.DropIndex(
                name: "IX_Leads_Status_CreatedUtc",
                table: "Leads");

            migrationBuilder.DropIndex(
                name: "IX_CloudQueue_StartedUtc_Position",
                table: "CloudQueue");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_DisplayName_Id",
                table: "AspNetUsers");
        }
    }
}
