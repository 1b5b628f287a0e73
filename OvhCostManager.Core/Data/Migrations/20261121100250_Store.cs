using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OvhCostManager.Core.Data.Migrations
{
    public partial class Store : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "BillsRepaired",
                table: "sync_runs",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "InventoryItemsImported",
                table: "sync_runs",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "RequestsByEndpointJson",
                table: "sync_runs",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Trigger",
                table: "sync_runs",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Schedule");

            migrationBuilder.CreateTable(
                name: "account_balance_snapshots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TakenAtUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    DebtActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    DebtDue = table.Column<long>(type: "INTEGER", nullable: false),
                    DebtPending = table.Column<long>(type: "INTEGER", nullable: false),
                    DebtTodo = table.Column<long>(type: "INTEGER", nullable: false),
                    DebtUnmatured = table.Column<long>(type: "INTEGER", nullable: false),
                    CreditsTotal = table.Column<long>(type: "INTEGER", nullable: false),
                    DepositsTotal = table.Column<long>(type: "INTEGER", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_account_balance_snapshots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "account_settings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    TimeZoneId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    MonthlyBudget = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedAtUtc = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_account_settings", x => x.Id);
                    table.CheckConstraint("CK_account_settings_single_row", "Id = 1");
                });

            migrationBuilder.CreateTable(
                name: "bills",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DateUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    BillingMonth = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    PriceWithoutTax = table.Column<long>(type: "INTEGER", nullable: false),
                    Tax = table.Column<long>(type: "INTEGER", nullable: false),
                    PriceWithTax = table.Column<long>(type: "INTEGER", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    OrderId = table.Column<long>(type: "INTEGER", nullable: true),
                    Category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    PdfUrl = table.Column<string>(type: "TEXT", nullable: true),
                    HtmlUrl = table.Column<string>(type: "TEXT", nullable: true),
                    PaymentType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    PaymentDateUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    PaymentStatus = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LineCount = table.Column<int>(type: "INTEGER", nullable: false),
                    LinesHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    LinesComplete = table.Column<bool>(type: "INTEGER", nullable: false),
                    ImportedAtUtc = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bills", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cloud_instances",
                columns: table => new
                {
                    ProjectId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    InstanceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Flavor = table.Column<string>(type: "TEXT", nullable: true),
                    PlanCode = table.Column<string>(type: "TEXT", nullable: true),
                    Region = table.Column<string>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAtUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    MonthlyBilling = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsGpu = table.Column<bool>(type: "INTEGER", nullable: false),
                    GpuModel = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cloud_instances", x => new { x.ProjectId, x.InstanceId });
                });

            migrationBuilder.CreateTable(
                name: "cloud_project_usage",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Month = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ResourceType = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    ResourceId = table.Column<string>(type: "TEXT", nullable: true),
                    ResourceName = table.Column<string>(type: "TEXT", nullable: true),
                    Region = table.Column<string>(type: "TEXT", nullable: true),
                    Quantity = table.Column<decimal>(type: "TEXT", nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    IsGpu = table.Column<bool>(type: "INTEGER", nullable: false),
                    TakenAtUtc = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cloud_project_usage", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cloud_projects",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    PlanCode = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CreatedAtUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    LastSeenAtUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    RemovedAtUtc = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cloud_projects", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cloud_quotas",
                columns: table => new
                {
                    ProjectId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Region = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MaxInstances = table.Column<long>(type: "INTEGER", nullable: false),
                    UsedInstances = table.Column<long>(type: "INTEGER", nullable: false),
                    MaxCores = table.Column<long>(type: "INTEGER", nullable: false),
                    UsedCores = table.Column<long>(type: "INTEGER", nullable: false),
                    MaxRamMb = table.Column<long>(type: "INTEGER", nullable: false),
                    UsedRamMb = table.Column<long>(type: "INTEGER", nullable: false),
                    MaxVolumeGb = table.Column<long>(type: "INTEGER", nullable: false),
                    UsedVolumeGb = table.Column<long>(type: "INTEGER", nullable: false),
                    MaxVolumeCount = table.Column<long>(type: "INTEGER", nullable: false),
                    UsedVolumeCount = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cloud_quotas", x => new { x.ProjectId, x.Region });
                });

            migrationBuilder.CreateTable(
                name: "consumption_history",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Month = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    ServiceId = table.Column<long>(type: "INTEGER", nullable: false),
                    PlanFamily = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PlanCode = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Quantity = table.Column<decimal>(type: "TEXT", nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    PeriodStartUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    PeriodEndUtc = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consumption_history", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "consumption_snapshots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TakenAtUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    Month = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PeriodStartUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    PeriodEndUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    Total = table.Column<long>(type: "INTEGER", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consumption_snapshots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "credit_balances",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    ExpiringAmount = table.Column<long>(type: "INTEGER", nullable: false),
                    NextExpirationUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAtUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    LastUpdateUtc = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_credit_balances", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "credit_movements",
                columns: table => new
                {
                    BalanceName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    MovementId = table.Column<long>(type: "INTEGER", nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CreatedAtUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAtUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    OrderId = table.Column<long>(type: "INTEGER", nullable: true),
                    SourceName = table.Column<string>(type: "TEXT", nullable: true),
                    DestinationName = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_credit_movements", x => new { x.BalanceName, x.MovementId });
                });

            migrationBuilder.CreateTable(
                name: "dedicated_servers",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    Reverse = table.Column<string>(type: "TEXT", nullable: true),
                    Datacenter = table.Column<string>(type: "TEXT", nullable: true),
                    Region = table.Column<string>(type: "TEXT", nullable: true),
                    CommercialRange = table.Column<string>(type: "TEXT", nullable: true),
                    Offer = table.Column<string>(type: "TEXT", nullable: true),
                    Os = table.Column<string>(type: "TEXT", nullable: true),
                    CpuSummary = table.Column<string>(type: "TEXT", nullable: true),
                    MemoryMb = table.Column<long>(type: "INTEGER", nullable: true),
                    DiskSummary = table.Column<string>(type: "TEXT", nullable: true),
                    GpuModel = table.Column<string>(type: "TEXT", nullable: true),
                    State = table.Column<string>(type: "TEXT", nullable: true),
                    PowerState = table.Column<string>(type: "TEXT", nullable: true),
                    Ip = table.Column<string>(type: "TEXT", nullable: true),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RenewalMode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ServiceStatus = table.Column<string>(type: "TEXT", nullable: true),
                    UpdatedAtUtc = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dedicated_servers", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "netapp_storages",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Region = table.Column<string>(type: "TEXT", nullable: true),
                    PerformanceLevel = table.Column<string>(type: "TEXT", nullable: true),
                    Product = table.Column<string>(type: "TEXT", nullable: true),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    SharesCount = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAtUtc = table.Column<long>(type: "INTEGER", nullable: true),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RenewalMode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    UpdatedAtUtc = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_netapp_storages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "service_renewals",
                columns: table => new
                {
                    ServiceName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ResourceType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ServiceId = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RenewalMode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RenewalPeriodMonths = table.Column<int>(type: "INTEGER", nullable: true),
                    DeleteAtExpiration = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    EngagedUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    UpdatedAtUtc = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_service_renewals", x => new { x.ServiceName, x.ResourceType });
                });

            migrationBuilder.CreateTable(
                name: "vps",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    Model = table.Column<string>(type: "TEXT", nullable: true),
                    Offer = table.Column<string>(type: "TEXT", nullable: true),
                    Vcores = table.Column<int>(type: "INTEGER", nullable: true),
                    MemoryMb = table.Column<long>(type: "INTEGER", nullable: true),
                    DiskGb = table.Column<long>(type: "INTEGER", nullable: true),
                    Zone = table.Column<string>(type: "TEXT", nullable: true),
                    State = table.Column<string>(type: "TEXT", nullable: true),
                    IpAddresses = table.Column<string>(type: "TEXT", nullable: true),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RenewalMode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ServiceStatus = table.Column<string>(type: "TEXT", nullable: true),
                    UpdatedAtUtc = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vps", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "bill_lines",
                columns: table => new
                {
                    BillId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DetailId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: false),
                    Domain = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Quantity = table.Column<decimal>(type: "TEXT", nullable: false),
                    UnitPrice = table.Column<long>(type: "INTEGER", nullable: false),
                    Total = table.Column<long>(type: "INTEGER", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Category = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ResourceType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ResourceKey = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    CloudProjectId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    IsGpu = table.Column<bool>(type: "INTEGER", nullable: false),
                    GpuModel = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    BillingMonth = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bill_lines", x => new { x.BillId, x.DetailId });
                    table.ForeignKey(
                        name: "FK_bill_lines_bills_BillId",
                        column: x => x.BillId,
                        principalTable: "bills",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "consumption_snapshot_items",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SnapshotId = table.Column<long>(type: "INTEGER", nullable: false),
                    ServiceId = table.Column<long>(type: "INTEGER", nullable: false),
                    PlanFamily = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PlanCode = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Description = table.Column<string>(type: "TEXT", nullable: true),
                    Quantity = table.Column<decimal>(type: "TEXT", nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consumption_snapshot_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_consumption_snapshot_items_consumption_snapshots_SnapshotId",
                        column: x => x.SnapshotId,
                        principalTable: "consumption_snapshots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "account_settings",
                columns: new[] { "Id", "Currency", "MonthlyBudget", "TimeZoneId", "UpdatedAtUtc" },
                values: new object[] { 1, "EUR", null, "Europe/Paris", null });

            migrationBuilder.CreateIndex(
                name: "IX_sync_runs_StartedAtUtc",
                table: "sync_runs",
                column: "StartedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_account_balance_snapshots_TakenAtUtc",
                table: "account_balance_snapshots",
                column: "TakenAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_bill_lines_BillingMonth_Category",
                table: "bill_lines",
                columns: new[] { "BillingMonth", "Category" });

            migrationBuilder.CreateIndex(
                name: "IX_bill_lines_BillingMonth_ResourceType",
                table: "bill_lines",
                columns: new[] { "BillingMonth", "ResourceType" });

            migrationBuilder.CreateIndex(
                name: "IX_bill_lines_CloudProjectId_BillingMonth",
                table: "bill_lines",
                columns: new[] { "CloudProjectId", "BillingMonth" });

            migrationBuilder.CreateIndex(
                name: "IX_bill_lines_Domain",
                table: "bill_lines",
                column: "Domain");

            migrationBuilder.CreateIndex(
                name: "IX_bill_lines_ResourceKey_BillingMonth",
                table: "bill_lines",
                columns: new[] { "ResourceKey", "BillingMonth" });

            migrationBuilder.CreateIndex(
                name: "IX_bills_BillingMonth",
                table: "bills",
                column: "BillingMonth");

            migrationBuilder.CreateIndex(
                name: "IX_bills_DateUtc",
                table: "bills",
                column: "DateUtc");

            migrationBuilder.CreateIndex(
                name: "IX_cloud_instances_IsGpu",
                table: "cloud_instances",
                column: "IsGpu");

            migrationBuilder.CreateIndex(
                name: "IX_cloud_project_usage_Month_ResourceType",
                table: "cloud_project_usage",
                columns: new[] { "Month", "ResourceType" });

            migrationBuilder.CreateIndex(
                name: "IX_cloud_project_usage_ProjectId_Month",
                table: "cloud_project_usage",
                columns: new[] { "ProjectId", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_consumption_history_Month_ServiceId_PlanCode",
                table: "consumption_history",
                columns: new[] { "Month", "ServiceId", "PlanCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_consumption_history_ServiceId",
                table: "consumption_history",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_consumption_snapshot_items_ServiceId",
                table: "consumption_snapshot_items",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_consumption_snapshot_items_SnapshotId_ServiceId",
                table: "consumption_snapshot_items",
                columns: new[] { "SnapshotId", "ServiceId" });

            migrationBuilder.CreateIndex(
                name: "IX_consumption_snapshots_Month_Kind_TakenAtUtc",
                table: "consumption_snapshots",
                columns: new[] { "Month", "Kind", "TakenAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_credit_movements_CreatedAtUtc",
                table: "credit_movements",
                column: "CreatedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_dedicated_servers_ExpiresOn",
                table: "dedicated_servers",
                column: "ExpiresOn");

            migrationBuilder.CreateIndex(
                name: "IX_netapp_storages_ExpiresOn",
                table: "netapp_storages",
                column: "ExpiresOn");

            migrationBuilder.CreateIndex(
                name: "IX_service_renewals_ExpiresOn",
                table: "service_renewals",
                column: "ExpiresOn");

            migrationBuilder.CreateIndex(
                name: "IX_vps_ExpiresOn",
                table: "vps",
                column: "ExpiresOn");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "account_balance_snapshots");

            migrationBuilder.DropTable(
                name: "account_settings");

            migrationBuilder.DropTable(
                name: "bill_lines");

            migrationBuilder.DropTable(
                name: "cloud_instances");

            migrationBuilder.DropTable(
                name: "cloud_project_usage");

            migrationBuilder.DropTable(
                name: "cloud_projects");

            migrationBuilder.DropTable(
                name: "cloud_quotas");

            migrationBuilder.DropTable(
                name: "consumption_history");

            migrationBuilder.DropTable(
                name: "consumption_snapshot_items");

            migrationBuilder.DropTable(
                name: "credit_balances");

            migrationBuilder.DropTable(
                name: "credit_movements");

            migrationBuilder.DropTable(
                name: "dedicated_servers");

            migrationBuilder.DropTable(
                name: "netapp_storages");

            migrationBuilder.DropTable(
                name: "service_renewals");

            migrationBuilder.DropTable(
                name: "vps");

            migrationBuilder.DropTable(
                name: "bills");

            migrationBuilder.DropTable(
                name: "consumption_snapshots");

            migrationBuilder.DropIndex(
                name: "IX_sync_runs_StartedAtUtc",
                table: "sync_runs");

            migrationBuilder.DropColumn(
                name: "BillsRepaired",
                table: "sync_runs");

            migrationBuilder.DropColumn(
                name: "InventoryItemsImported",
                table: "sync_runs");

            migrationBuilder.DropColumn(
                name: "RequestsByEndpointJson",
                table: "sync_runs");

            migrationBuilder.DropColumn(
                name: "Trigger",
                table: "sync_runs");
        }
    }
}
