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
            migrationBuilder.AlterColumn<byte[]>(
                name: "PersonalCodeHash",
                table: "clients",
                type: "BLOB",
                maxLength: 32,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 64);

            migrationBuilder.AlterColumn<byte[]>(
                name: "FormerPersonalCodeHash",
                table: "clients",
                type: "BLOB",
                maxLength: 32,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 64,
                oldNullable: true);

            // The rebuilt table holds the old hex text in the BLOB columns until converted here.
            migrationBuilder.Sql(
                "UPDATE clients SET PersonalCodeHash = unhex(PersonalCodeHash), FormerPersonalCodeHash = unhex(FormerPersonalCodeHash) WHERE typeof(PersonalCodeHash) = 'text';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "PersonalCodeHash",
                table: "clients",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "BLOB",
                oldMaxLength: 32);

            migrationBuilder.AlterColumn<string>(
                name: "FormerPersonalCodeHash",
                table: "clients",
                type: "TEXT",
                maxLength: 64,
                nullable: true,
                oldClrType: typeof(byte[]),
                oldType: "BLOB",
                oldMaxLength: 32,
                oldNullable: true);

            migrationBuilder.Sql(
                "UPDATE clients SET PersonalCodeHash = hex(PersonalCodeHash), FormerPersonalCodeHash = CASE WHEN FormerPersonalCodeHash IS NULL THEN NULL ELSE hex(FormerPersonalCodeHash) END WHERE typeof(PersonalCodeHash) = 'blob';");
        }
    }
}
