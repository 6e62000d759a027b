using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CountyTech.Reporting.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class IntellectualPropertyArea : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "achievement_registrations",
                columns: table => new
                {
                    achievement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    registered_on = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_achievement_registrations", x => x.achievement_id);
                });

            migrationBuilder.CreateTable(
                name: "patent_filings",
                columns: table => new
                {
                    patent_id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    township = table.Column<string>(type: "text", nullable: false),
                    filed_on = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_patent_filings", x => x.patent_id);
                });

            migrationBuilder.CreateTable(
                name: "patent_grants",
                columns: table => new
                {
                    patent_id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    township = table.Column<string>(type: "text", nullable: false),
                    granted_on = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_patent_grants", x => x.patent_id);
                });

            migrationBuilder.CreateTable(
                name: "patent_lapses",
                columns: table => new
                {
                    patent_id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    township = table.Column<string>(type: "text", nullable: false),
                    granted_on = table.Column<DateOnly>(type: "date", nullable: false),
                    lapsed_on = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_patent_lapses", x => x.patent_id);
                });

            migrationBuilder.CreateTable(
                name: "patent_rejections",
                columns: table => new
                {
                    patent_id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    township = table.Column<string>(type: "text", nullable: false),
                    rejected_on = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_patent_rejections", x => x.patent_id);
                });

            migrationBuilder.CreateTable(
                name: "technology_contract_registrations",
                columns: table => new
                {
                    contract_id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    signed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    amount_wan = table.Column<decimal>(type: "numeric", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_technology_contract_registrations", x => x.contract_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_achievement_registrations_registered_on",
                table: "achievement_registrations",
                column: "registered_on");

            migrationBuilder.CreateIndex(
                name: "ix_patent_filings_filed_on",
                table: "patent_filings",
                column: "filed_on");

            migrationBuilder.CreateIndex(
                name: "ix_patent_grants_granted_on",
                table: "patent_grants",
                column: "granted_on");

            migrationBuilder.CreateIndex(
                name: "ix_patent_lapses_lapsed_on",
                table: "patent_lapses",
                column: "lapsed_on");

            migrationBuilder.CreateIndex(
                name: "ix_patent_rejections_rejected_on",
                table: "patent_rejections",
                column: "rejected_on");

            migrationBuilder.CreateIndex(
                name: "ix_technology_contract_registrations_signed_on",
                table: "technology_contract_registrations",
                column: "signed_on");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "achievement_registrations");

            migrationBuilder.DropTable(
                name: "patent_filings");

            migrationBuilder.DropTable(
                name: "patent_grants");

            migrationBuilder.DropTable(
                name: "patent_lapses");

            migrationBuilder.DropTable(
                name: "patent_rejections");

            migrationBuilder.DropTable(
                name: "technology_contract_registrations");
        }
    }
}
