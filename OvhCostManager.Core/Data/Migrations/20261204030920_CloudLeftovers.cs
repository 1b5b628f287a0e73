using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OvhCostManager.Core.Data.Migrations
{
    /// <summary>Cloud volumes, volume snapshots, failover IPs, hourly instances' hours and the public catalogue's prices.</summary>
    public partial class CloudLeftovers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cloud_catalog_price",
                columns: table => new
                {
                    PlanCode = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    IntervalUnit = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Price = table.Column<long>(type: "INTEGER", nullable: false),
                    Subsidiary = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    TakenAtUtc = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cloud_catalog_price", x => new { x.PlanCode, x.IntervalUnit });
                });

            migrationBuilder.CreateTable(
                name: "cloud_failover_ip",
                columns: table => new
                {
                    ProjectId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IpId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Ip = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RoutedTo = table.Column<string>(type: "TEXT", nullable: true),
                    Geoloc = table.Column<string>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cloud_failover_ip", x => new { x.ProjectId, x.IpId });
                });

            migrationBuilder.CreateTable(
                name: "cloud_instance_hours",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Month = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    InstanceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Flavor = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Region = table.Column<string>(type: "TEXT", nullable: true),
                    Hours = table.Column<decimal>(type: "TEXT", nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    PeriodFromUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    PeriodToUtc = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cloud_instance_hours", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cloud_volume",
                columns: table => new
                {
                    ProjectId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    VolumeId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: true),
                    Region = table.Column<string>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    SizeGb = table.Column<long>(type: "INTEGER", nullable: false),
                    AttachedTo = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAtUtc = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cloud_volume", x => new { x.ProjectId, x.VolumeId });
                });

            migrationBuilder.CreateTable(
                name: "cloud_volume_snapshot",
                columns: table => new
                {
                    ProjectId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SnapshotId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: true),
                    Region = table.Column<string>(type: "TEXT", nullable: false),
                    VolumeId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SizeGb = table.Column<long>(type: "INTEGER", nullable: false),
                    PlanCode = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAtUtc = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cloud_volume_snapshot", x => new { x.ProjectId, x.SnapshotId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_cloud_instance_hours_ProjectId_Month",
                table: "cloud_instance_hours",
                columns: new[] { "ProjectId", "Month" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cloud_catalog_price");

            migrationBuilder.DropTable(
                name: "cloud_failover_ip");

            migrationBuilder.DropTable(
                name: "cloud_instance_hours");

            migrationBuilder.DropTable(
                name: "cloud_volume");

            migrationBuilder.DropTable(
                name: "cloud_volume_snapshot");
        }
    }
}
