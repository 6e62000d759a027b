using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CountyTech.Projects.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class OutboxDeadState : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_outbox_message_pending",
                table: "outbox_message");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "dead_at",
                table: "outbox_message",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_message_dead",
                table: "outbox_message",
                column: "dead_at",
                filter: "dead_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_message_pending",
                table: "outbox_message",
                columns: new[] { "next_attempt_at", "id" },
                filter: "sent_at IS NULL AND dead_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_outbox_message_dead",
                table: "outbox_message");

            migrationBuilder.DropIndex(
                name: "ix_outbox_message_pending",
                table: "outbox_message");

            migrationBuilder.DropColumn(
                name: "dead_at",
                table: "outbox_message");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_message_pending",
                table: "outbox_message",
                columns: new[] { "next_attempt_at", "id" },
                filter: "sent_at IS NULL");
        }
    }
}
