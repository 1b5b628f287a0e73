using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OvhCostManager.Core.Data.Migrations
{
    /// <summary>Server-side sign-in sessions; each sync run's failure reason, owner process and heartbeat.</summary>
    public partial class SessionsAndRunOutcome : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FailureReason",
                table: "sync_runs",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "HeartbeatAtUtc",
                table: "sync_runs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Owner",
                table: "sync_runs",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "sign_in_sessions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ProtectedTicket = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CreatedAtUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAtUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    ClientFingerprint = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sign_in_sessions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_sign_in_sessions_ExpiresAtUtc",
                table: "sign_in_sessions",
                column: "ExpiresAtUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sign_in_sessions");

            migrationBuilder.DropColumn(
                name: "FailureReason",
                table: "sync_runs");

            migrationBuilder.DropColumn(
                name: "HeartbeatAtUtc",
                table: "sync_runs");

            migrationBuilder.DropColumn(
                name: "Owner",
                table: "sync_runs");
        }
    }
}
