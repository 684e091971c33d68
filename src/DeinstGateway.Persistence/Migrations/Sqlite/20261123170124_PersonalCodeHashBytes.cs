using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DeinstGateway.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PersonalCodeHashBytes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Columns are added, filled, dropped and renamed in place (SQLite's ALTER TABLE), not by
            // EF Core's table rebuild, which must switch foreign keys off outside the transaction.
            Replace(migrationBuilder, "BLOB", "unhex({0})");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            Replace(migrationBuilder, "TEXT", "CASE WHEN {0} IS NULL THEN NULL ELSE hex({0}) END");
        }

        /// <summary>Replaces both hash columns by columns of the given type holding the converted values.</summary>
        private static void Replace(MigrationBuilder migrationBuilder, string type, string conversion)
        {
            migrationBuilder.DropIndex(name: "IX_clients_PersonalCodeHash", table: "clients");
            migrationBuilder.DropIndex(name: "IX_clients_FormerPersonalCodeHash", table: "clients");
            migrationBuilder.Sql($"ALTER TABLE clients ADD COLUMN PersonalCodeHashNew {type} NOT NULL DEFAULT '';");
            migrationBuilder.Sql($"ALTER TABLE clients ADD COLUMN FormerPersonalCodeHashNew {type} NULL;");
            migrationBuilder.Sql(
                "UPDATE clients SET PersonalCodeHashNew = " + string.Format(System.Globalization.CultureInfo.InvariantCulture, conversion, "PersonalCodeHash")
                + ", FormerPersonalCodeHashNew = " + string.Format(System.Globalization.CultureInfo.InvariantCulture, conversion, "FormerPersonalCodeHash") + ";");
            foreach (var column in new[] { "PersonalCodeHash", "FormerPersonalCodeHash" })
            {
                migrationBuilder.Sql($"ALTER TABLE clients DROP COLUMN {column};");
                migrationBuilder.RenameColumn(name: column + "New", table: "clients", newName: column);
            }

            migrationBuilder.CreateIndex(name: "IX_clients_PersonalCodeHash", table: "clients", column: "PersonalCodeHash", unique: true);
            migrationBuilder.CreateIndex(
                name: "IX_clients_FormerPersonalCodeHash",
                table: "clients",
                column: "FormerPersonalCodeHash",
                unique: true,
                filter: "FormerPersonalCodeHash IS NOT NULL");
        }
    }
}
