using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CountyTech.Enterprises.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "enterprise",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    credit_code = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    industry = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    township = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    registered_on = table.Column<DateOnly>(type: "date", nullable: false),
                    above_designated_size = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enterprise", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "granted_patent",
                columns: table => new
                {
                    patent_id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_no = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    credit_code = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    granted_on = table.Column<DateOnly>(type: "date", nullable: false),
                    lapsed_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_granted_patent", x => x.patent_id);
                });

            migrationBuilder.CreateTable(
                name: "inbox_message",
                columns: table => new
                {
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    consumer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inbox_message", x => new { x.message_id, x.consumer });
                });

            migrationBuilder.CreateTable(
                name: "outbox_message",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_type = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    trace_parent = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    trace_state = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_message", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "annual_report",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    revenue_wan = table.Column<decimal>(type: "numeric(14,4)", nullable: false),
                    rd_expense_wan = table.Column<decimal>(type: "numeric(14,4)", nullable: false),
                    employees = table.Column<int>(type: "integer", nullable: false),
                    tech_staff = table.Column<int>(type: "integer", nullable: false),
                    high_tech_revenue_wan = table.Column<decimal>(type: "numeric(14,4)", nullable: false),
                    reported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_annual_report", x => x.id);
                    table.ForeignKey(
                        name: "fk_annual_report_enterprise_enterprise_id",
                        column: x => x.enterprise_id,
                        principalTable: "enterprise",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "cooperation",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    partner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    partner_kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    signed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    amount_wan = table.Column<decimal>(type: "numeric(14,4)", nullable: true),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cooperation", x => x.id);
                    table.ForeignKey(
                        name: "fk_cooperation_enterprise_enterprise_id",
                        column: x => x.enterprise_id,
                        principalTable: "enterprise",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "high_tech_certificate",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    certificate_no = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    issued_on = table.Column<DateOnly>(type: "date", nullable: false),
                    expires_on = table.Column<DateOnly>(type: "date", nullable: false),
                    technology_field = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    revoked_on = table.Column<DateOnly>(type: "date", nullable: true),
                    revocation_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_high_tech_certificate", x => x.id);
                    table.ForeignKey(
                        name: "fk_high_tech_certificate_enterprise_enterprise_id",
                        column: x => x.enterprise_id,
                        principalTable: "enterprise",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "rd_centre",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    recognised_on = table.Column<DateOnly>(type: "date", nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rd_centre", x => x.id);
                    table.ForeignKey(
                        name: "fk_rd_centre_enterprise_enterprise_id",
                        column: x => x.enterprise_id,
                        principalTable: "enterprise",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "tech_sme_registration",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    registration_no = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tech_sme_registration", x => x.id);
                    table.ForeignKey(
                        name: "fk_tech_sme_registration_enterprise_enterprise_id",
                        column: x => x.enterprise_id,
                        principalTable: "enterprise",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_annual_report_enterprise_id_year",
                table: "annual_report",
                columns: new[] { "enterprise_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cooperation_enterprise_id",
                table: "cooperation",
                column: "enterprise_id");

            migrationBuilder.CreateIndex(
                name: "ix_enterprise_credit_code",
                table: "enterprise",
                column: "credit_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_enterprise_township_industry",
                table: "enterprise",
                columns: new[] { "township", "industry" });

            migrationBuilder.CreateIndex(
                name: "ix_granted_patent_credit_code",
                table: "granted_patent",
                column: "credit_code");

            migrationBuilder.CreateIndex(
                name: "ix_high_tech_certificate_certificate_no",
                table: "high_tech_certificate",
                column: "certificate_no",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_high_tech_certificate_enterprise_id",
                table: "high_tech_certificate",
                column: "enterprise_id");

            migrationBuilder.CreateIndex(
                name: "ix_high_tech_certificate_issued_on",
                table: "high_tech_certificate",
                column: "issued_on");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_message_pending",
                table: "outbox_message",
                columns: new[] { "next_attempt_at", "id" },
                filter: "sent_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_rd_centre_enterprise_id",
                table: "rd_centre",
                column: "enterprise_id");

            migrationBuilder.CreateIndex(
                name: "ix_tech_sme_registration_enterprise_id_year",
                table: "tech_sme_registration",
                columns: new[] { "enterprise_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_tech_sme_registration_registration_no",
                table: "tech_sme_registration",
                column: "registration_no",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "annual_report");

            migrationBuilder.DropTable(
                name: "cooperation");

            migrationBuilder.DropTable(
                name: "granted_patent");

            migrationBuilder.DropTable(
                name: "high_tech_certificate");

            migrationBuilder.DropTable(
                name: "inbox_message");

            migrationBuilder.DropTable(
                name: "outbox_message");

            migrationBuilder.DropTable(
                name: "rd_centre");

            migrationBuilder.DropTable(
                name: "tech_sme_registration");

            migrationBuilder.DropTable(
                name: "enterprise");
        }
    }
}
