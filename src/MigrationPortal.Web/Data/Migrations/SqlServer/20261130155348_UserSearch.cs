using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MigrationPortal.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class UserSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "AspNetUsers",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "AspNetUsers");
        }
    }
}
