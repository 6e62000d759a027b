using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CountyTech.Projects.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "project",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    field = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    lead_organization = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    lead_credit_code = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    township = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    planned_start = table.Column<DateOnly>(type: "date", nullable: false),
                    planned_end = table.Column<DateOnly>(type: "date", nullable: false),
                    budget_wan = table.Column<decimal>(type: "numeric(14,4)", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    submitted_on = table.Column<DateOnly>(type: "date", nullable: false),
                    approved_on = table.Column<DateOnly>(type: "date", nullable: true),
                    funding_wan = table.Column<decimal>(type: "numeric(14,4)", nullable: true),
                    rejected_on = table.Column<DateOnly>(type: "date", nullable: true),
                    rejection_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    accepted_on = table.Column<DateOnly>(type: "date", nullable: true),
                    disbursed_wan = table.Column<decimal>(type: "numeric(14,4)", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_project", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "disbursement",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    paid_on = table.Column<DateOnly>(type: "date", nullable: false),
                    amount_wan = table.Column<decimal>(type: "numeric(14,4)", nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_disbursement", x => x.id);
                    table.ForeignKey(
                        name: "fk_disbursement_project_project_id",
                        column: x => x.project_id,
                        principalTable: "project",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "project_outcome",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_on = table.Column<DateOnly>(type: "date", nullable: false),
                    demo_area_mu = table.Column<decimal>(type: "numeric(14,2)", nullable: true),
                    project_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_project_outcome", x => x.id);
                    table.ForeignKey(
                        name: "fk_project_outcome_project_project_id",
                        column: x => x.project_id,
                        principalTable: "project",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_disbursement_project_id",
                table: "disbursement",
                column: "project_id");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_message_pending",
                table: "outbox_message",
                columns: new[] { "next_attempt_at", "id" },
                filter: "sent_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_project_approved_on",
                table: "project",
                column: "approved_on");

            migrationBuilder.CreateIndex(
                name: "ix_project_township_status",
                table: "project",
                columns: new[] { "township", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_project_outcome_project_id",
                table: "project_outcome",
                column: "project_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "disbursement");

            migrationBuilder.DropTable(
                name: "outbox_message");

            migrationBuilder.DropTable(
                name: "project_outcome");

            migrationBuilder.DropTable(
                name: "project");
        }
    }
}
