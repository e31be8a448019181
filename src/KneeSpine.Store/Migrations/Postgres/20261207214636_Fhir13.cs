using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KneeSpine.Store.Migrations.Postgres
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
                type: "character varying(64)",
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
