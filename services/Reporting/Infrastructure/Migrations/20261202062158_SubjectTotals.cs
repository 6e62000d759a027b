using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CountyTech.Reporting.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class SubjectTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "subject_contributions",
                columns: table => new
                {
                    measure = table.Column<string>(type: "text", nullable: false),
                    subject = table.Column<Guid>(type: "uuid", nullable: false),
                    township = table.Column<string>(type: "text", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    value = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_subject_contributions", x => new { x.measure, x.subject, x.township, x.year });
                });

            migrationBuilder.CreateTable(
                name: "subject_locks",
                columns: table => new
                {
                    subject = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_subject_locks", x => x.subject);
                });

            migrationBuilder.CreateTable(
                name: "subject_measures",
                columns: table => new
                {
                    measure = table.Column<string>(type: "text", nullable: false),
                    fact_tables = table.Column<string>(type: "text", nullable: false),
                    subject_column = table.Column<string>(type: "text", nullable: false),
                    contributions_sql = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_subject_measures", x => x.measure);
                });

            migrationBuilder.CreateTable(
                name: "subject_totals",
                columns: table => new
                {
                    measure = table.Column<string>(type: "text", nullable: false),
                    township = table.Column<string>(type: "text", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    value = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_subject_totals", x => new { x.measure, x.township, x.year });
                });

            migrationBuilder.CreateIndex(
                name: "ix_high_tech_certificates_enterprise_id",
                table: "high_tech_certificates",
                column: "enterprise_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "subject_contributions");

            migrationBuilder.DropTable(
                name: "subject_locks");

            migrationBuilder.DropTable(
                name: "subject_measures");

            migrationBuilder.DropTable(
                name: "subject_totals");

            migrationBuilder.DropIndex(
                name: "ix_high_tech_certificates_enterprise_id",
                table: "high_tech_certificates");
        }
    }
}
