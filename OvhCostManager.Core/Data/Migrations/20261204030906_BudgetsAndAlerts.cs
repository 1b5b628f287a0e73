using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OvhCostManager.Core.Data.Migrations
{
    /// <summary>Budgets per scope with their history (the account's single budget carried over) and alerts with their deliveries and reads.</summary>
    public partial class BudgetsAndAlerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "alerts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Key = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    Parameters = table.Column<string>(type: "TEXT", nullable: false),
                    Impact = table.Column<long>(type: "INTEGER", nullable: true),
                    OccurredAtUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    RaisedAtUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "budgets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ScopeKind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ScopeKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    FromMonth = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: true),
                    Thresholds = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SavedAtUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    SavedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_budgets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "alert_deliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AlertId = table.Column<long>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    LastAttemptAtUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    DeliveredAtUtc = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alert_deliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_alert_deliveries_alerts_AlertId",
                        column: x => x.AlertId,
                        principalTable: "alerts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "alert_reads",
                columns: table => new
                {
                    AlertId = table.Column<long>(type: "INTEGER", nullable: false),
                    Reader = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ReadAtUtc = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alert_reads", x => new { x.AlertId, x.Reader });
                    table.ForeignKey(
                        name: "FK_alert_reads_alerts_AlertId",
                        column: x => x.AlertId,
                        principalTable: "alerts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_alert_deliveries_AlertId_Channel",
                table: "alert_deliveries",
                columns: new[] { "AlertId", "Channel" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_alert_deliveries_Status",
                table: "alert_deliveries",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_alerts_Key",
                table: "alerts",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_alerts_RaisedAtUtc",
                table: "alerts",
                column: "RaisedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_budgets_ScopeKind_ScopeKey_FromMonth",
                table: "budgets",
                columns: new[] { "ScopeKind", "ScopeKey", "FromMonth" });

            // The single account budget applied to every month: it stays in force for all of them.
            migrationBuilder.Sql(
                "INSERT INTO budgets (ScopeKind, ScopeKey, FromMonth, Amount, Thresholds, SavedAtUtc, SavedBy) " +
                "SELECT 'Account', '', '2000-01', MonthlyBudget, '50,80,100', COALESCE(UpdatedAtUtc, 0), NULL " +
                "FROM account_settings WHERE MonthlyBudget IS NOT NULL;");

            migrationBuilder.DropColumn(
                name: "MonthlyBudget",
                table: "account_settings");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "MonthlyBudget",
                table: "account_settings",
                type: "INTEGER",
                nullable: true);

            // Back to one budget: the account's latest one.
            migrationBuilder.Sql(
                "UPDATE account_settings SET MonthlyBudget = (SELECT Amount FROM budgets WHERE ScopeKind = 'Account' " +
                "ORDER BY FromMonth DESC, Id DESC LIMIT 1);");

            migrationBuilder.DropTable(
                name: "alert_deliveries");

            migrationBuilder.DropTable(
                name: "alert_reads");

            migrationBuilder.DropTable(
                name: "budgets");

            migrationBuilder.DropTable(
                name: "alerts");

        }
    }
}
