using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KneeSpine.Store.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Reports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReportRows",
                columns: table => new
                {
                    SeriesId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    PatientId = table.Column<Guid>(type: "uuid", nullable: false),
                    SurgeryDate = table.Column<DateOnly>(type: "date", nullable: false),
                    AgeAtSurgery = table.Column<int>(type: "integer", nullable: false),
                    Sex = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Anesthesia = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Procedure = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Side = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    AssessedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DaysSinceSurgery = table.Column<int>(type: "integer", nullable: false),
                    Week = table.Column<int>(type: "integer", nullable: false),
                    Triage = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    BackPain = table.Column<int>(type: "integer", nullable: false),
                    Phq2 = table.Column<int>(type: "integer", nullable: true),
                    Gad2 = table.Column<int>(type: "integer", nullable: true),
                    BackFunction = table.Column<int>(type: "integer", nullable: true),
                    StoredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportRows", x => x.SeriesId);
                });

            migrationBuilder.CreateTable(
                name: "ReportFindings",
                columns: table => new
                {
                    SeriesId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    FindingId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportFindings", x => new { x.SeriesId, x.Kind, x.FindingId });
                    table.ForeignKey(
                        name: "FK_ReportFindings_ReportRows_SeriesId",
                        column: x => x.SeriesId,
                        principalTable: "ReportRows",
                        principalColumn: "SeriesId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReportRows_PatientId_AssessedOn",
                table: "ReportRows",
                columns: new[] { "PatientId", "AssessedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportRows_StoredAt",
                table: "ReportRows",
                column: "StoredAt");

            migrationBuilder.CreateIndex(
                name: "IX_ReportRows_SurgeryDate",
                table: "ReportRows",
                column: "SurgeryDate");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReportFindings");

            migrationBuilder.DropTable(
                name: "ReportRows");
        }
    }
}
