using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KneeSpine.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Bulk : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BulkExportJobs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Request = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    GroupId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Types = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    Since = table.Column<long>(type: "INTEGER", nullable: true),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    TransactionTime = table.Column<long>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PatientsDone = table.Column<int>(type: "INTEGER", nullable: false),
                    PatientsTotal = table.Column<int>(type: "INTEGER", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    LeasedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    LeasedUntil = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BulkExportJobs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BulkExportChunks",
                columns: table => new
                {
                    JobId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Data = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BulkExportChunks", x => new { x.JobId, x.Type, x.Sequence });
                    table.ForeignKey(
                        name: "FK_BulkExportChunks_BulkExportJobs_JobId",
                        column: x => x.JobId,
                        principalTable: "BulkExportJobs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BulkExportFiles",
                columns: table => new
                {
                    JobId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    Chunks = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BulkExportFiles", x => new { x.JobId, x.Type });
                    table.ForeignKey(
                        name: "FK_BulkExportFiles_BulkExportJobs_JobId",
                        column: x => x.JobId,
                        principalTable: "BulkExportJobs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BulkExportJobs_ExpiresAt",
                table: "BulkExportJobs",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_BulkExportJobs_State_LeasedUntil",
                table: "BulkExportJobs",
                columns: new[] { "State", "LeasedUntil" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BulkExportChunks");

            migrationBuilder.DropTable(
                name: "BulkExportFiles");

            migrationBuilder.DropTable(
                name: "BulkExportJobs");
        }
    }
}
