using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CountyTech.Gateway.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class NamespacedClientIds : Migration
    {
        private static readonly (string Table, string Column)[] Columns =
            [("idempotent_requests", "client_id"), ("api_clients", "created_by")];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "client_id",
                table: "idempotent_requests",
                type: "character varying(259)",
                maxLength: 259,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.AlterColumn<string>(
                name: "created_by",
                table: "api_clients",
                type: "character varying(259)",
                maxLength: 259,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            // Ids recorded before namespacing: "admin" was the bootstrap key, a registered client's id was bare, anything
            // else came from a token. Rewritten so that a retry across the upgrade still finds its idempotency record.
            foreach (var (table, column) in Columns)
            {
                migrationBuilder.Sql($"""
                    UPDATE {table} SET {column} = CASE
                        WHEN {column} = 'admin' THEN 'bootstrap'
                        WHEN {column} IN (SELECT id::text FROM api_clients) THEN 'key:' || {column}
                        ELSE 'jwt:' || {column}
                    END
                    """);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, column) in Columns)
            {
                migrationBuilder.Sql($"""
                    UPDATE {table} SET {column} = CASE WHEN {column} = 'bootstrap' THEN 'admin' ELSE substr({column}, 5) END
                    """);
            }

            migrationBuilder.AlterColumn<string>(
                name: "client_id",
                table: "idempotent_requests",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(259)",
                oldMaxLength: 259);

            migrationBuilder.AlterColumn<string>(
                name: "created_by",
                table: "api_clients",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(259)",
                oldMaxLength: 259);
        }
    }
}
