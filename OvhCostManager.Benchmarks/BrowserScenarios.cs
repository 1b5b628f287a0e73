using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OvhCostManager.Core.Overview;

namespace OvhCostManager.Benchmarks;

/// <summary>
/// Scenarios 5 and 6: the published dashboard in demo mode (its own process, its in-process simulator) driven by
/// Chromium through Playwright.
/// </summary>
public static partial class BrowserScenarios
{
    private const string Chromium = "/usr/bin/chromium";

    /// <summary>Overview rendered: the total KPI has its value and both breakdown charts have drawn their SVG paths.</summary>
    private const string OverviewRendered = """
        () => {
          const kpi = document.querySelector("[data-kpi='total'] .ocm-kpi-value");
          return !!kpi && kpi.textContent.trim().length > 0
            && !!document.querySelector("[data-interactive]")
            && document.querySelectorAll("[data-widget='cost-families'] svg .mud-chart-serie").length > 0
            && document.querySelectorAll("[data-widget='categories'] svg .mud-chart-serie").length > 0;
        }
        """;

    /// <summary>Both breakdown charts have drawn their SVG paths (prerendered or drawn by the circuit).</summary>
    private const string ChartsDrawn = """
        () => document.querySelectorAll("[data-widget='cost-families'] svg .mud-chart-serie").length > 0
          && document.querySelectorAll("[data-widget='categories'] svg .mud-chart-serie").length > 0
        """;

    private const string MonthShown = """
        previous => {
          const label = document.querySelector("[data-value='month']");
          return !!label && label.textContent.trim() !== previous
            && !!document.querySelector("[data-kpi='total'] .ocm-kpi-value")
            && document.querySelectorAll("[data-widget='categories'] svg .mud-chart-serie").length > 0;
        }
        """;

    /// <summary>Records in the page the wall-clock time (ms since 1970) at which the stored snapshot shown changes.</summary>
    private const string WatchSnapshot = """
        before => {
          window.__ocmChangedAt = 0;
          const check = () => {
            const page = document.querySelector("[data-page='payg']");
            if (!window.__ocmChangedAt && page && page.dataset.snapshot !== before) { window.__ocmChangedAt = Date.now(); observer.disconnect(); }
          };
          const observer = new MutationObserver(check);
          observer.observe(document.body, { attributes: true, childList: true, subtree: true, attributeFilter: ['data-snapshot'] });
          return true;
        }
        """;

    public static async Task RunAsync(string size, int circuits, Report report, string? publishedDirectory)
    {
        publishedDirectory ??= await PublishAsync();
        var dataDirectory = BenchHost.NewDataDirectory();
        var simulatorPort = FreePort();
        var started = Stopwatch.StartNew();
        await using var app = await DashboardProcess.StartAsync(publishedDirectory, new Dictionary<string, string>
        {
            ["Data__Directory"] = dataDirectory,
            ["Demo__Size"] = size,
            ["Demo__SimulatorPort"] = simulatorPort.ToString(CultureInfo.InvariantCulture),
            ["Demo__Now"] = BenchHost.NowSetting,
        });
        await app.WaitForFirstSyncAsync(TimeSpan.FromMinutes(5));
        report.Note($"Dashboard (demo, {size} account) started and finished its first sync in {started.Elapsed.TotalSeconds:F0} s.");

        IReadOnlyList<string> months;
        await using (var store = await BenchHost.StartAsync(new Uri("http://127.0.0.1:9/1.0"), dataDirectory))
        {
            months = await store.Create<OverviewQueries>().GetBilledMonthsAsync();
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });

        await PageLoadAsync(browser, app, months, report);
        await LiveCircuitsAsync(browser, app, simulatorPort, circuits, report);
    }

    private static async Task PageLoadAsync(IBrowser browser, DashboardProcess app, IReadOnlyList<string> months, Report report)
    {
        const int loads = 10;
        var overview = new Uri(app.BaseUrl, "overview").ToString();
        var coldLoads = new List<double>();
        var firstKpi = new List<double>();
        var charts = new List<double>();
        var interactive = new List<double>();
        for (var run = 0; run <= loads; run++)
        {
            // A fresh context per load: no cache, no cookies — a first visit.
            await using var context = await browser.NewContextAsync();
            var page = await context.NewPageAsync();
            var stopwatch = Stopwatch.StartNew();
            await page.GotoAsync(overview, new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
            await page.WaitForSelectorAsync("[data-kpi='total'] .ocm-kpi-value");
            var kpi = stopwatch.Elapsed.TotalMilliseconds;
            await page.WaitForFunctionAsync(ChartsDrawn, null, new PageWaitForFunctionOptions { PollingInterval = 10, Timeout = 30_000 });
            var drawn = stopwatch.Elapsed.TotalMilliseconds;
            await page.WaitForSelectorAsync("[data-interactive]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached, Timeout = 30_000 });
            var live = stopwatch.Elapsed.TotalMilliseconds;
            await page.WaitForFunctionAsync(OverviewRendered, null, new PageWaitForFunctionOptions { PollingInterval = 10, Timeout = 30_000 });
            if (run > 0)
            {
                coldLoads.Add(stopwatch.Elapsed.TotalMilliseconds);
                firstKpi.Add(kpi);
                charts.Add(drawn);
                interactive.Add(live);
            }
        }

        var switches = new List<double>();
        await using (var context = await browser.NewContextAsync())
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(overview);
            await page.WaitForFunctionAsync(OverviewRendered, null, new PageWaitForFunctionOptions { PollingInterval = 10, Timeout = 30_000 });
            var recent = months.OrderDescending(StringComparer.Ordinal).Take(6).ToArray();
            for (var run = 0; run <= 12; run++)
            {
                var label = (await page.InnerTextAsync("[data-value='month']")).Trim();
                var target = recent[(run + 1) % recent.Length];
                var stopwatch = Stopwatch.StartNew();
                // What the month selector does: a navigation inside the circuit to ?month=.
                await page.EvaluateAsync("url => Blazor.navigateTo(url)", $"/overview?month={target}");
                await page.WaitForFunctionAsync(MonthShown, label, new PageWaitForFunctionOptions { PollingInterval = 5, Timeout = 30_000 });
                if (run > 0)
                {
                    switches.Add(stopwatch.Elapsed.TotalMilliseconds);
                }
            }
        }

        var table = new MarkdownTable("5. Page load in Chromium — Overview, large account", "measure", "runs", "p50 (ms)", "p95 (ms)", "max (ms)", "target");
        var (k50, k95, _) = Measure.Percentiles(firstKpi);
        table.Add("navigation → total KPI in the page (prerendered)", firstKpi.Count, k50.ToString("F0"), k95.ToString("F0"), firstKpi.Max().ToString("F0"), "—");
        var (c50, c95, _) = Measure.Percentiles(charts);
        table.Add("navigation → both breakdown charts drawn", charts.Count, c50.ToString("F0"), c95.ToString("F0"), charts.Max().ToString("F0"), "—");
        var (i50, i95, _) = Measure.Percentiles(interactive);
        table.Add("navigation → interactive (circuit live)", interactive.Count, i50.ToString("F0"), i95.ToString("F0"), interactive.Max().ToString("F0"),
            ImportScenarios.Verdict(i95 <= 1000, "≤ 1,000 ms"));
        var (l50, l95, _) = Measure.Percentiles(coldLoads);
        table.Add("navigation → charts rendered (KPI + circuit live + both breakdown SVGs drawn)", coldLoads.Count, l50.ToString("F0"), l95.ToString("F0"), coldLoads.Max().ToString("F0"),
            ImportScenarios.Verdict(l95 <= 1500, "≤ 1,500 ms"));
        var (s50, s95, _) = Measure.Percentiles(switches);
        table.Add("month switch → new month's figures and charts", switches.Count, s50.ToString("F0"), s95.ToString("F0"), switches.Max().ToString("F0"),
            ImportScenarios.Verdict(s95 <= 200, "≤ 200 ms"));
        report.Add(table);
    }

    private static async Task LiveCircuitsAsync(IBrowser browser, DashboardProcess app, int simulatorPort, int circuits, Report report)
    {
        var payg = new Uri(app.BaseUrl, "payg").ToString();
        await Task.Delay(2000);
        var rssBefore = app.ResidentMegabytes();
        var contexts = new List<IBrowserContext>();
        var pages = new List<IPage>();
        var opening = Stopwatch.StartNew();
        for (var i = 0; i < circuits; i++)
        {
            var context = await browser.NewContextAsync();
            var page = await context.NewPageAsync();
            await page.GotoAsync(payg);
            // The chart draws only once the circuit is connected.
            await page.WaitForSelectorAsync(".ocm-payg-forecast svg", new PageWaitForSelectorOptions { Timeout = 60_000 });
            contexts.Add(context);
            pages.Add(page);
        }

        var openSeconds = opening.Elapsed.TotalSeconds;
        await Task.Delay(3000);
        var rssAfter = app.ResidentMegabytes();

        foreach (var page in pages)
        {
            var snapshot = await page.GetAttributeAsync("[data-page='payg']", "data-snapshot");
            await page.EvaluateAsync(WatchSnapshot, snapshot);
        }

        using var http = new HttpClient();
        // The demo account's clock stands still at BenchHost.Now: a new reading needs a later instant.
        using (var clock = await http.PostAsync($"http://127.0.0.1:{simulatorPort}/_simulator/clock/advance?minutes=1", null))
        {
            clock.EnsureSuccessStatusCode();
        }

        using (var advanced = await http.PostAsync($"http://127.0.0.1:{simulatorPort}/_simulator/consumption/advance?amount=321.09", null))
        {
            advanced.EnsureSuccessStatusCode();
        }

        var finishedBefore = app.SyncFinishedLines.Count;
        var posted = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var refused = await app.StartSyncAsync();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var changedAt = new double[pages.Count];

        // Each page stamps its own change; asking 50 pages over CDP costs the browser CPU the pages need, so ask
        // only once the sync has finished, and then rarely.
        while (app.SyncFinishedLines.Count == finishedBefore && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        await Task.Delay(2000);
        while (DateTime.UtcNow < deadline)
        {
            for (var i = 0; i < pages.Count; i++)
            {
                if (changedAt[i] == 0)
                {
                    changedAt[i] = await pages[i].EvaluateAsync<double>("() => window.__ocmChangedAt");
                }
            }

            if (changedAt.All(t => t > 0))
            {
                break;
            }

            await Task.Delay(2000);
        }

        var updated = changedAt.Count(t => t > 0);
        var finishLine = app.SyncFinishedLines.Skip(finishedBefore).FirstOrDefault();
        var last = changedAt.Where(t => t > 0).DefaultIfEmpty(double.NaN).Max();
        var first = changedAt.Where(t => t > 0).DefaultIfEmpty(double.NaN).Min();
        var fromLog = finishLine.LoggedAtMs > 0 ? last - finishLine.LoggedAtMs : double.NaN;

        var table = new MarkdownTable($"6. Live circuits — {circuits} pages on /payg (one Chromium, one context each)", "measure", "value", "target");
        table.Add("pages updated", $"{updated} / {pages.Count}", "all");
        table.Add("server RSS before / after opening the pages (MB)", $"{rssBefore:F0} / {rssAfter:F0}", "—");
        table.Add("server memory per idle circuit (MB, RSS delta / pages)", ((rssAfter - rssBefore) / circuits).ToString("F2"), ImportScenarios.Verdict((rssAfter - rssBefore) / circuits <= 2, "≤ 2 MB"));
        table.Add("time to open the pages one after another (s)", openSeconds.ToString("F1"), "—");
        table.Add("consumption sync (POST /api/sync → finish logged, ms)", finishLine.LoggedAtMs > 0 ? (finishLine.LoggedAtMs - posted).ToString("F0") : "not logged", "—");
        table.Add("sync finish logged → first page shows the new amount (ms)", (first - finishLine.LoggedAtMs).ToString("F0"), "—");
        table.Add("sync finish logged → last page shows the new amount (ms)", fromLog.ToString("F0"), ImportScenarios.Verdict(fromLog <= 1000 && updated == pages.Count, "≤ 1,000 ms"));
        table.Add("POST /api/sync → last page shows the new amount (ms)", (last - posted).ToString("F0"), "—");
        report.Add(table);
        report.Note($"POST /api/sync was refused {refused} time(s) (409, a scheduled run in progress) before it started. Runs logged meanwhile: "
            + string.Join("; ", app.SyncFinishedLines.Skip(finishedBefore).Select(l => l.Line[(l.Line.IndexOf("Sync ", StringComparison.Ordinal))..])));

        foreach (var context in contexts)
        {
            await context.CloseAsync();
        }
    }

    private static async Task<string> PublishAsync()
    {
        var root = RepositoryRoot();
        var output = Path.Combine(root, "artifacts", "bench-publish");
        var stopwatch = Stopwatch.StartNew();
        var info = new ProcessStartInfo("dotnet", $"publish OvhCostManager.Web/OvhCostManager.Web.csproj -c Release -o \"{output}\" --nologo")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info)!;
        var log = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed ({process.ExitCode}):\n{await log}\n{await errors}");
        }

        Console.WriteLine($"(published the dashboard in {stopwatch.Elapsed.TotalSeconds:F0} s to {output})");
        return output;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "OvhCostManager.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmarks from the repository (OvhCostManager.sln not found above " + AppContext.BaseDirectory + ")");
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The published dashboard as its own process; the log lines of finished syncs are stamped on arrival.</summary>
    private sealed partial class DashboardProcess : IAsyncDisposable
    {
        private readonly Process process;
        private readonly ConcurrentQueue<string> output = new();

        private DashboardProcess(Process process, Uri baseUrl)
        {
            this.process = process;
            BaseUrl = baseUrl;
            process.OutputDataReceived += (_, e) => Receive(e.Data);
            process.ErrorDataReceived += (_, e) => Receive(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public Uri BaseUrl { get; }

        /// <summary>The "Sync … in … s" lines, with the time the app logged them (ms since 1970, UTC).</summary>
        public ConcurrentQueue<(string Line, double LoggedAtMs)> SyncFinishedLines { get; } = new();

        public static async Task<DashboardProcess> StartAsync(string directory, IDictionary<string, string> environment)
        {
            var port = FreePort();
            var info = new ProcessStartInfo(Path.Combine(directory, "OvhCostManager.Web"))
            {
                WorkingDirectory = Path.GetTempPath(),
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
            info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            info.Environment["Logging__Console__FormatterName"] = "simple";
            // One line per entry, stamped by the app itself: a pipe read on a saturated machine can arrive seconds late.
            info.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
            info.Environment["Logging__Console__FormatterOptions__UseUtcTimestamp"] = "true";
            info.Environment["Logging__Console__FormatterOptions__TimestampFormat"] = "yyyy-MM-ddTHH:mm:ss.fff ";
            foreach (var (key, value) in environment)
            {
                info.Environment[key] = value;
            }

            var app = new DashboardProcess(Process.Start(info)!, new Uri($"http://127.0.0.1:{port}"));
            using var client = new HttpClient { BaseAddress = app.BaseUrl };
            var deadline = DateTime.UtcNow.AddSeconds(120);
            while (DateTime.UtcNow < deadline)
            {
                if (app.process.HasExited)
                {
                    throw new InvalidOperationException($"The dashboard exited with {app.process.ExitCode}:\n{string.Join('\n', app.output)}");
                }

                try
                {
                    using var response = await client.GetAsync("/health");
                    if (response.IsSuccessStatusCode)
                    {
                        return app;
                    }
                }
                catch (HttpRequestException)
                {
                }

                await Task.Delay(200);
            }

            throw new TimeoutException("The dashboard did not become healthy within 120 s:\n" + string.Join('\n', app.output));
        }

        public async Task WaitForFirstSyncAsync(TimeSpan timeout)
        {
            using var client = new HttpClient { BaseAddress = BaseUrl };
            var deadline = DateTime.UtcNow + timeout;
            while (DateTime.UtcNow < deadline)
            {
                var health = await client.GetFromJsonAsync<JsonElement>("/health");
                if (health.TryGetProperty("lastSuccessfulSyncUtc", out var last) && last.ValueKind == JsonValueKind.String)
                {
                    return;
                }

                await Task.Delay(500);
            }

            throw new TimeoutException($"The dashboard did not finish its first sync within {timeout}:\n{string.Join('\n', output)}");
        }

        /// <summary>Starts a sync; returns how many times it was refused first because a scheduled run was in progress.</summary>
        public async Task<int> StartSyncAsync()
        {
            using var client = new HttpClient { BaseAddress = BaseUrl };
            for (var attempt = 0; attempt < 100; attempt++)
            {
                using var response = await client.PostAsync("/api/sync", null);
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    return attempt;
                }

                // 409: a scheduled run is in progress.
                await Task.Delay(200);
            }

            throw new InvalidOperationException("POST /api/sync was refused for 20 s");
        }

        public double ResidentMegabytes()
        {
            foreach (var line in File.ReadLines($"/proc/{process.Id}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
                }
            }

            return double.NaN;
        }

        private void Receive(string? line)
        {
            if (line is null)
            {
                return;
            }

            output.Enqueue(line);
            if (SyncFinished().IsMatch(line))
            {
                var stamped = DateTimeOffset.TryParseExact(line.AsSpan(0, Math.Min(23, line.Length)), "yyyy-MM-ddTHH:mm:ss.fff", CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal, out var at);
                SyncFinishedLines.Enqueue((line, stamped ? at.ToUnixTimeMilliseconds() : DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
            }
        }

        [GeneratedRegex(@"Sync \w+ \(.*\) (Success|Partial|Failed) in ")]
        private static partial Regex SyncFinished();

        public async ValueTask DisposeAsync()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            // The dashboard's own log, to read what it did while it was measured.
            var log = Path.Combine(RepositoryRoot(), "artifacts", "bench-dashboard.log");
            Directory.CreateDirectory(Path.GetDirectoryName(log)!);
            await File.WriteAllLinesAsync(log, output);

            process.Dispose();
        }
    }
}
