using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KneeSpine.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Fhir13 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Authored",
                table: "Assessments",
                type: "TEXT",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Authored",
                table: "Assessments");
        }
    }
}
