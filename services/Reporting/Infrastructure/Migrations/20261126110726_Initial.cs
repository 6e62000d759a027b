using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CountyTech.Reporting.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "baselines",
                columns: table => new
                {
                    year = table.Column<int>(type: "integer", nullable: false),
                    gdp_wan = table.Column<decimal>(type: "numeric", nullable: false),
                    population = table.Column<int>(type: "integer", nullable: false),
                    general_budget_expenditure_wan = table.Column<decimal>(type: "numeric", nullable: false),
                    fiscal_science_expenditure_wan = table.Column<decimal>(type: "numeric", nullable: false),
                    rd_expenditure_wan = table.Column<decimal>(type: "numeric", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_baselines", x => x.year);
                });

            migrationBuilder.CreateTable(
                name: "event_log",
                columns: table => new
                {
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_type = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    source = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    trace_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_event_log", x => x.message_id);
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
                name: "project_acceptances",
                columns: table => new
                {
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    field = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    township = table.Column<string>(type: "text", nullable: false),
                    accepted_on = table.Column<DateOnly>(type: "date", nullable: false),
                    passed = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_project_acceptances", x => x.project_id);
                });

            migrationBuilder.CreateTable(
                name: "project_approvals",
                columns: table => new
                {
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    field = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    township = table.Column<string>(type: "text", nullable: false),
                    approved_on = table.Column<DateOnly>(type: "date", nullable: false),
                    funding_wan = table.Column<decimal>(type: "numeric", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_project_approvals", x => x.project_id);
                });

            migrationBuilder.CreateTable(
                name: "project_disbursements",
                columns: table => new
                {
                    disbursement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    township = table.Column<string>(type: "text", nullable: false),
                    paid_on = table.Column<DateOnly>(type: "date", nullable: false),
                    amount_wan = table.Column<decimal>(type: "numeric", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_project_disbursements", x => x.disbursement_id);
                });

            migrationBuilder.CreateTable(
                name: "project_outcomes",
                columns: table => new
                {
                    outcome_id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    township = table.Column<string>(type: "text", nullable: false),
                    recorded_on = table.Column<DateOnly>(type: "date", nullable: false),
                    demo_area_mu = table.Column<decimal>(type: "numeric", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_project_outcomes", x => x.outcome_id);
                });

            migrationBuilder.CreateTable(
                name: "project_rejections",
                columns: table => new
                {
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    field = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    township = table.Column<string>(type: "text", nullable: false),
                    rejected_on = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_project_rejections", x => x.project_id);
                });

            migrationBuilder.CreateTable(
                name: "project_submissions",
                columns: table => new
                {
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    field = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    township = table.Column<string>(type: "text", nullable: false),
                    submitted_on = table.Column<DateOnly>(type: "date", nullable: false),
                    budget_wan = table.Column<decimal>(type: "numeric", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_project_submissions", x => x.project_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_event_log_received_at",
                table: "event_log",
                column: "received_at");

            migrationBuilder.CreateIndex(
                name: "ix_project_acceptances_accepted_on",
                table: "project_acceptances",
                column: "accepted_on");

            migrationBuilder.CreateIndex(
                name: "ix_project_approvals_approved_on",
                table: "project_approvals",
                column: "approved_on");

            migrationBuilder.CreateIndex(
                name: "ix_project_disbursements_paid_on",
                table: "project_disbursements",
                column: "paid_on");

            migrationBuilder.CreateIndex(
                name: "ix_project_outcomes_kind_recorded_on",
                table: "project_outcomes",
                columns: new[] { "kind", "recorded_on" });

            migrationBuilder.CreateIndex(
                name: "ix_project_rejections_rejected_on",
                table: "project_rejections",
                column: "rejected_on");

            migrationBuilder.CreateIndex(
                name: "ix_project_submissions_submitted_on",
                table: "project_submissions",
                column: "submitted_on");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "baselines");

            migrationBuilder.DropTable(
                name: "event_log");

            migrationBuilder.DropTable(
                name: "inbox_message");

            migrationBuilder.DropTable(
                name: "project_acceptances");

            migrationBuilder.DropTable(
                name: "project_approvals");

            migrationBuilder.DropTable(
                name: "project_disbursements");

            migrationBuilder.DropTable(
                name: "project_outcomes");

            migrationBuilder.DropTable(
                name: "project_rejections");

            migrationBuilder.DropTable(
                name: "project_submissions");
        }
    }
}
