using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using OvhCostManager.Simulator;
using OvhCostManager.Tests.Infrastructure;

namespace OvhCostManager.Tests.Integration.Simulator;

/// <summary>The simulated account is a function of seed, size and Paris date: not of the hour, nor of the process.</summary>
public sealed class SimulatorDeterminismTests
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 18, 8, 0, 0, TimeSpan.FromHours(1));
    private static readonly DateTimeOffset Evening = new(2026, 11, 18, 17, 35, 0, TimeSpan.FromHours(1));

    private static readonly JsonSerializerOptions DumpJson = new() { WriteIndented = true, Converters = { new BillingMonthAsText() } };

    /// <summary>Everything generated: every bill (those dated later today included, with their payments to come), inventory, credits, consumption plans.</summary>
    private static string Dump(SimulatedAccount account)
    {
        var months = Enumerable.Range(0, account.Shape.Months + 1).Select(i => account.StartMonth.AddMonths(-i)).ToList();
        return JsonSerializer.Serialize(new
        {
            bills = account.AllBills,
            account.DedicatedServers, account.Vps, account.NetApps, account.CloudProjects, account.Instances, account.OtherServices,
            account.CreditBalances,
            plans = months.Select(account.PlanFor).ToList(),
        }, DumpJson);
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, DumpJson);

    private static void AssertSameText(string expected, string actual, string what)
    {
        if (expected == actual) return;
        var at = expected.Zip(actual).TakeWhile(p => p.First == p.Second).Count();
        var from = Math.Max(0, at - 300);
        Assert.Fail($"{what} differ at character {at}:\n--- first\n{expected.Substring(from, Math.Min(600, expected.Length - from))}\n--- second\n{actual.Substring(from, Math.Min(600, actual.Length - from))}");
    }

    [Theory]
    [InlineData(AccountSize.Small)]
    [InlineData(AccountSize.Large)]
    public void Two_starts_on_the_same_day_at_08_00_and_17_35_generate_a_byte_identical_account(AccountSize size)
    {
        var morning = new SimulatedAccount(42, AccountShape.For(size), SimulatorClock.Frozen(Morning));
        var evening = new SimulatedAccount(42, AccountShape.For(size), SimulatorClock.Frozen(Evening));

        AssertSameText(Dump(morning), Dump(evening), "the accounts generated at 08:00 and 17:35");
        // At one instant, the account started in the morning and the one started in the evening serve the same figures.
        AssertSameText(Json(GroundTruth.Compute(morning, Evening)), Json(GroundTruth.Compute(evening, Evening)), "the ground truths at 17:35");
    }

    [Fact]
    public void Closed_months_read_the_same_in_the_morning_and_in_the_evening()
    {
        var morning = GroundTruth.Compute(new SimulatedAccount(42, AccountShape.For(AccountSize.Large), SimulatorClock.Frozen(Morning)), Morning);
        var evening = GroundTruth.Compute(new SimulatedAccount(42, AccountShape.For(AccountSize.Large), SimulatorClock.Frozen(Evening)), Evening);

        // The month in progress legitimately differs: bills dated between 08:00 and 17:35, payments made then, the
        // live consumption. A closed month's bills, lines and payments do not (bills are paid within three days).
        static bool Closed(string month) => string.CompareOrdinal(month, "2026-11") < 0;
        AssertSameText(Json(morning.Months.Where(m => Closed(m.Key)).ToList()), Json(evening.Months.Where(m => Closed(m.Key)).ToList()), "closed months");
        AssertSameText(Json(morning.Bills.Where(b => Closed(b.Value.Month)).ToList()), Json(evening.Bills.Where(b => Closed(b.Value.Month)).ToList()), "closed bills");
        Assert.Equal(36 - 1, morning.Months.Count(m => Closed(m.Key)));
        Assert.True(morning.ConsumptionCurrent < evening.ConsumptionCurrent);
    }

    [Fact]
    public async Task Two_simulator_processes_started_at_08_00_and_17_35_serve_the_same_ground_truth_at_17_35()
    {
        await using var morning = await SimulatorProcess.StartAsync(Morning);
        await using var evening = await SimulatorProcess.StartAsync(Evening);

        await morning.PostAsync("_simulator/clock/advance?hours=9&minutes=35");

        AssertSameText(await evening.GetAsync("_simulator/ground-truth"), await morning.GetAsync("_simulator/ground-truth"), "the served ground truths");
    }

    private sealed class BillingMonthAsText : JsonConverter<BillingMonth>
    {
        public override BillingMonth Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => BillingMonth.Parse(reader.GetString()!);

        public override void Write(Utf8JsonWriter writer, BillingMonth value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
    }

    /// <summary>The simulator's own executable, Large account, plain HTTP (only its control API is read).</summary>
    private sealed class SimulatorProcess : IAsyncDisposable
    {
        private readonly Process process;
        private readonly HttpClient http;

        private SimulatorProcess(Process process, int port)
        {
            this.process = process;
            http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(30) };
        }

        public static async Task<SimulatorProcess> StartAsync(DateTimeOffset now)
        {
            var port = FreePort.Next();
            var info = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "OvhCostManager.Simulator"),
                $"--port {port} --size large --seed 42 --now {SimulatorClock.FormatInstant(now)} --http")
            { RedirectStandardOutput = true, RedirectStandardError = true };
            var simulator = new SimulatorProcess(Process.Start(info)!, port);
            for (var i = 0; i < 600; i++)
            {
                try
                {
                    await simulator.GetAsync("_simulator/info");
                    return simulator;
                }
                catch (HttpRequestException) when (!simulator.process.HasExited)
                {
                    await Task.Delay(100);
                }
            }

            throw new TimeoutException("The simulator process did not answer within a minute.");
        }

        public Task<string> GetAsync(string path) => http.GetStringAsync(path);

        public async Task PostAsync(string path)
        {
            using var response = await http.PostAsync(path, null);
            response.EnsureSuccessStatusCode();
        }

        public async ValueTask DisposeAsync()
        {
            http.Dispose();
            if (!process.HasExited)
            {
                process.Kill();
                await process.WaitForExitAsync();
            }

            process.Dispose();
        }
    }
}
