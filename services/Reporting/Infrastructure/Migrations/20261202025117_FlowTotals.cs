using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CountyTech.Reporting.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class FlowTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "flow_definitions",
                columns: table => new
                {
                    flow = table.Column<string>(type: "text", nullable: false),
                    fact_table = table.Column<string>(type: "text", nullable: false),
                    totals_sql = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_flow_definitions", x => x.flow);
                });

            migrationBuilder.CreateTable(
                name: "flow_totals",
                columns: table => new
                {
                    flow = table.Column<string>(type: "text", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    township = table.Column<string>(type: "text", nullable: false),
                    rows = table.Column<long>(type: "bigint", nullable: false),
                    value = table.Column<decimal>(type: "numeric", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_flow_totals", x => new { x.flow, x.year, x.township });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The triggers FlowTotals.InstallAsync created on the fact tables go with their functions.
            migrationBuilder.Sql(
                "DO $$ DECLARE f regprocedure; BEGIN " +
                "FOR f IN SELECT oid::regprocedure FROM pg_proc WHERE proname LIKE 'flow\\_totals\\_%' LOOP " +
                "EXECUTE 'DROP FUNCTION ' || f || ' CASCADE'; END LOOP; END $$;");

            migrationBuilder.DropTable(
                name: "flow_definitions");

            migrationBuilder.DropTable(
                name: "flow_totals");
        }
    }
}
