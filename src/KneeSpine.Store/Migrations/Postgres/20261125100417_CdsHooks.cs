using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KneeSpine.Store.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CdsHooks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CdsFeedback",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CardId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    AcceptedSuggestionsJson = table.Column<string>(type: "text", nullable: false),
                    OverrideReasonJson = table.Column<string>(type: "text", nullable: true),
                    OutcomeTimestamp = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Issuer = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CdsFeedback", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CdsTokenUses",
                columns: table => new
                {
                    Issuer = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    JwtId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CdsTokenUses", x => new { x.Issuer, x.JwtId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_CdsFeedback_ServiceId_CardId_Outcome",
                table: "CdsFeedback",
                columns: new[] { "ServiceId", "CardId", "Outcome" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CdsTokenUses_ExpiresAt",
                table: "CdsTokenUses",
                column: "ExpiresAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CdsFeedback");

            migrationBuilder.DropTable(
                name: "CdsTokenUses");
        }
    }
}
