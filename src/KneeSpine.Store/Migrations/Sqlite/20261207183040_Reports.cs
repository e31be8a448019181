using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KneeSpine.Store.Migrations.Sqlite
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
                    SeriesId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PatientId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SurgeryDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AgeAtSurgery = table.Column<int>(type: "INTEGER", nullable: false),
                    Sex = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Anesthesia = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Procedure = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Side = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    AssessedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DaysSinceSurgery = table.Column<int>(type: "INTEGER", nullable: false),
                    Week = table.Column<int>(type: "INTEGER", nullable: false),
                    Triage = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    BackPain = table.Column<int>(type: "INTEGER", nullable: false),
                    Phq2 = table.Column<int>(type: "INTEGER", nullable: true),
                    Gad2 = table.Column<int>(type: "INTEGER", nullable: true),
                    BackFunction = table.Column<int>(type: "INTEGER", nullable: true),
                    StoredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportRows", x => x.SeriesId);
                });

            migrationBuilder.CreateTable(
                name: "ReportFindings",
                columns: table => new
                {
                    SeriesId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FindingId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
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
