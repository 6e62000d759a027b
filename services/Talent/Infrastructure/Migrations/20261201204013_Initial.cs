using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CountyTech.Talent.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "commissioner",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    specialty = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    township = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    village = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    dispatching_unit = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    dispatched_on = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    left_on = table.Column<DateOnly>(type: "date", nullable: true),
                    departure_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_commissioner", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "demonstration_base",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    township = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    industry = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    area_mu = table.Column<decimal>(type: "numeric(14,2)", nullable: false),
                    certified_on = table.Column<DateOnly>(type: "date", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_demonstration_base", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "expert",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    institution = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    field = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    introduced_on = table.Column<DateOnly>(type: "date", nullable: false),
                    agreement_end = table.Column<DateOnly>(type: "date", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_expert", x => x.id);
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
                name: "training",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    township = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    held_on = table.Column<DateOnly>(type: "date", nullable: false),
                    sessions = table.Column<int>(type: "integer", nullable: false),
                    participants = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_training", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "demonstration_household",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    township = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    certified_on = table.Column<DateOnly>(type: "date", nullable: false),
                    households_reached = table.Column<int>(type: "integer", nullable: false),
                    commissioner_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_demonstration_household", x => x.id);
                    table.ForeignKey(
                        name: "fk_demonstration_household_commissioner_commissioner_id",
                        column: x => x.commissioner_id,
                        principalTable: "commissioner",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "service_log",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    served_on = table.Column<DateOnly>(type: "date", nullable: false),
                    days = table.Column<int>(type: "integer", nullable: false),
                    farmers_served = table.Column<int>(type: "integer", nullable: false),
                    commissioner_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_service_log", x => x.id);
                    table.ForeignKey(
                        name: "fk_service_log_commissioner_commissioner_id",
                        column: x => x.commissioner_id,
                        principalTable: "commissioner",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_commissioner_dispatched_on",
                table: "commissioner",
                column: "dispatched_on");

            migrationBuilder.CreateIndex(
                name: "ix_commissioner_township_status",
                table: "commissioner",
                columns: new[] { "township", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_demonstration_base_certified_on",
                table: "demonstration_base",
                column: "certified_on");

            migrationBuilder.CreateIndex(
                name: "ix_demonstration_base_township_name",
                table: "demonstration_base",
                columns: new[] { "township", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_demonstration_household_commissioner_id",
                table: "demonstration_household",
                column: "commissioner_id");

            migrationBuilder.CreateIndex(
                name: "ix_demonstration_household_township_certified_on",
                table: "demonstration_household",
                columns: new[] { "township", "certified_on" });

            migrationBuilder.CreateIndex(
                name: "ix_expert_introduced_on",
                table: "expert",
                column: "introduced_on");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_message_pending",
                table: "outbox_message",
                columns: new[] { "next_attempt_at", "id" },
                filter: "sent_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_service_log_commissioner_id_served_on",
                table: "service_log",
                columns: new[] { "commissioner_id", "served_on" });

            migrationBuilder.CreateIndex(
                name: "ix_training_township_held_on",
                table: "training",
                columns: new[] { "township", "held_on" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "demonstration_base");

            migrationBuilder.DropTable(
                name: "demonstration_household");

            migrationBuilder.DropTable(
                name: "expert");

            migrationBuilder.DropTable(
                name: "outbox_message");

            migrationBuilder.DropTable(
                name: "service_log");

            migrationBuilder.DropTable(
                name: "training");

            migrationBuilder.DropTable(
                name: "commissioner");
        }
    }
}
