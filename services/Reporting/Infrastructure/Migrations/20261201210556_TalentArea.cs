using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CountyTech.Reporting.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class TalentArea : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "commissioner_departures",
                columns: table => new
                {
                    commissioner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    township = table.Column<string>(type: "text", nullable: false),
                    left_on = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_commissioner_departures", x => x.commissioner_id);
                });

            migrationBuilder.CreateTable(
                name: "commissioner_dispatches",
                columns: table => new
                {
                    commissioner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    township = table.Column<string>(type: "text", nullable: false),
                    dispatched_on = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_commissioner_dispatches", x => x.commissioner_id);
                });

            migrationBuilder.CreateTable(
                name: "commissioner_service_logs",
                columns: table => new
                {
                    service_log_id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    commissioner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    township = table.Column<string>(type: "text", nullable: false),
                    served_on = table.Column<DateOnly>(type: "date", nullable: false),
                    days = table.Column<int>(type: "integer", nullable: false),
                    farmers_served = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_commissioner_service_logs", x => x.service_log_id);
                });

            migrationBuilder.CreateTable(
                name: "demonstration_base_certifications",
                columns: table => new
                {
                    base_id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    township = table.Column<string>(type: "text", nullable: false),
                    industry = table.Column<string>(type: "text", nullable: false),
                    area_mu = table.Column<decimal>(type: "numeric(14,2)", nullable: false),
                    certified_on = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_demonstration_base_certifications", x => x.base_id);
                });

            migrationBuilder.CreateTable(
                name: "demonstration_household_certifications",
                columns: table => new
                {
                    household_id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    township = table.Column<string>(type: "text", nullable: false),
                    certified_on = table.Column<DateOnly>(type: "date", nullable: false),
                    households_reached = table.Column<int>(type: "integer", nullable: false),
                    commissioner_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_demonstration_household_certifications", x => x.household_id);
                });

            migrationBuilder.CreateTable(
                name: "expert_introductions",
                columns: table => new
                {
                    expert_id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    introduced_on = table.Column<DateOnly>(type: "date", nullable: false),
                    agreement_end = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_expert_introductions", x => x.expert_id);
                });

            migrationBuilder.CreateTable(
                name: "trainings",
                columns: table => new
                {
                    training_id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    township = table.Column<string>(type: "text", nullable: false),
                    held_on = table.Column<DateOnly>(type: "date", nullable: false),
                    sessions = table.Column<int>(type: "integer", nullable: false),
                    participants = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_trainings", x => x.training_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_commissioner_departures_left_on",
                table: "commissioner_departures",
                column: "left_on");

            migrationBuilder.CreateIndex(
                name: "ix_commissioner_dispatches_dispatched_on",
                table: "commissioner_dispatches",
                column: "dispatched_on");

            migrationBuilder.CreateIndex(
                name: "ix_commissioner_service_logs_served_on",
                table: "commissioner_service_logs",
                column: "served_on");

            migrationBuilder.CreateIndex(
                name: "ix_demonstration_base_certifications_certified_on",
                table: "demonstration_base_certifications",
                column: "certified_on");

            migrationBuilder.CreateIndex(
                name: "ix_demonstration_household_certifications_certified_on",
                table: "demonstration_household_certifications",
                column: "certified_on");

            migrationBuilder.CreateIndex(
                name: "ix_expert_introductions_introduced_on",
                table: "expert_introductions",
                column: "introduced_on");

            migrationBuilder.CreateIndex(
                name: "ix_trainings_held_on",
                table: "trainings",
                column: "held_on");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "commissioner_departures");

            migrationBuilder.DropTable(
                name: "commissioner_dispatches");

            migrationBuilder.DropTable(
                name: "commissioner_service_logs");

            migrationBuilder.DropTable(
                name: "demonstration_base_certifications");

            migrationBuilder.DropTable(
                name: "demonstration_household_certifications");

            migrationBuilder.DropTable(
                name: "expert_introductions");

            migrationBuilder.DropTable(
                name: "trainings");
        }
    }
}
