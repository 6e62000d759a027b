using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CountyTech.Reporting.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class EnterprisesArea : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cooperations",
                columns: table => new
                {
                    cooperation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    township = table.Column<string>(type: "text", nullable: false),
                    partner_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    signed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    amount_wan = table.Column<decimal>(type: "numeric", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cooperations", x => x.cooperation_id);
                });

            migrationBuilder.CreateTable(
                name: "enterprise_annual_figures",
                columns: table => new
                {
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    township = table.Column<string>(type: "text", nullable: false),
                    above_designated_size = table.Column<bool>(type: "boolean", nullable: false),
                    revenue_wan = table.Column<decimal>(type: "numeric", nullable: false),
                    rd_expense_wan = table.Column<decimal>(type: "numeric", nullable: false),
                    employees = table.Column<int>(type: "integer", nullable: false),
                    tech_staff = table.Column<int>(type: "integer", nullable: false),
                    high_tech_revenue_wan = table.Column<decimal>(type: "numeric", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enterprise_annual_figures", x => new { x.enterprise_id, x.year });
                });

            migrationBuilder.CreateTable(
                name: "enterprise_registrations",
                columns: table => new
                {
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    industry = table.Column<string>(type: "text", nullable: false),
                    township = table.Column<string>(type: "text", nullable: false),
                    registered_on = table.Column<DateOnly>(type: "date", nullable: false),
                    above_designated_size = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enterprise_registrations", x => x.enterprise_id);
                });

            migrationBuilder.CreateTable(
                name: "high_tech_certificates",
                columns: table => new
                {
                    certificate_no = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    township = table.Column<string>(type: "text", nullable: false),
                    issued_on = table.Column<DateOnly>(type: "date", nullable: false),
                    expires_on = table.Column<DateOnly>(type: "date", nullable: false),
                    revoked_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_high_tech_certificates", x => x.certificate_no);
                });

            migrationBuilder.CreateTable(
                name: "rd_centres",
                columns: table => new
                {
                    centre_id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    township = table.Column<string>(type: "text", nullable: false),
                    level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    recognised_on = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rd_centres", x => x.centre_id);
                });

            migrationBuilder.CreateTable(
                name: "tech_sme_registrations",
                columns: table => new
                {
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    township = table.Column<string>(type: "text", nullable: false),
                    registration_no = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tech_sme_registrations", x => new { x.enterprise_id, x.year });
                });

            migrationBuilder.CreateIndex(
                name: "ix_cooperations_signed_on",
                table: "cooperations",
                column: "signed_on");

            migrationBuilder.CreateIndex(
                name: "ix_enterprise_annual_figures_year",
                table: "enterprise_annual_figures",
                column: "year");

            migrationBuilder.CreateIndex(
                name: "ix_enterprise_registrations_registered_on",
                table: "enterprise_registrations",
                column: "registered_on");

            migrationBuilder.CreateIndex(
                name: "ix_high_tech_certificates_issued_on",
                table: "high_tech_certificates",
                column: "issued_on");

            migrationBuilder.CreateIndex(
                name: "ix_rd_centres_recognised_on",
                table: "rd_centres",
                column: "recognised_on");

            migrationBuilder.CreateIndex(
                name: "ix_tech_sme_registrations_year",
                table: "tech_sme_registrations",
                column: "year");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cooperations");

            migrationBuilder.DropTable(
                name: "enterprise_annual_figures");

            migrationBuilder.DropTable(
                name: "enterprise_registrations");

            migrationBuilder.DropTable(
                name: "high_tech_certificates");

            migrationBuilder.DropTable(
                name: "rd_centres");

            migrationBuilder.DropTable(
                name: "tech_sme_registrations");
        }
    }
}
