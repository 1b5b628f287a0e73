using System.CommandLine;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Ovh;

namespace OvhCostManager.Cli.Commands;

/// <summary>
/// <c>ocm bills download</c>: the invoice documents (PDF or HTML) of the bills dated in a range, into a folder. The
/// bill list comes from OVH (one request); each document is fetched from the bill's own <c>pdfUrl</c>/<c>url</c>
/// (which carries its access password), a few at a time; files already there are skipped.
/// </summary>
internal static class BillsDownloadCommand
{
    private const int Concurrency = 4;

    public static Command Create()
    {
        var from = new Option<string>("--from") { Description = "First day, YYYY-MM-DD.", Required = true };
        var to = new Option<string>("--to") { Description = "Last day, YYYY-MM-DD.", Required = true };
        var format = new Option<string>("--format") { Description = "Document format.", DefaultValueFactory = _ => "pdf" };
        format.AcceptOnlyFromAmong("pdf", "html");
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write the documents to.", Required = true };
        var data = CommonOptions.Data();
        var demo = CommonOptions.Demo();
        var download = new Command("download", "Download the invoices (PDF or HTML) of a date range.") { from, to, format, output, data, demo };
        download.SetAction(async (parse, cancellationToken) =>
        {
            if (!CommonOptions.TryParseDay(parse.GetValue(from), "--from", out var first) || !CommonOptions.TryParseDay(parse.GetValue(to), "--to", out var last))
            {
                return CommonOptions.UsageError;
            }

            if (first > last)
            {
                Console.Error.WriteLine($"--from ({first:yyyy-MM-dd}) is after --to ({last:yyyy-MM-dd}).");
                return CommonOptions.UsageError;
            }

            await using var host = await CliHost.StartAsync(parse.GetValue(data), parse.GetValue(demo), needsOvh: true, cancellationToken);
            if (host is null)
            {
                return 1;
            }

            var pdf = parse.GetValue(format) == "pdf";
            var folder = parse.GetValue(output)!;
            folder.Create();
            var zone = await host.Get<AccountSettingsStore>().GetTimeZoneAsync(cancellationToken);
            IReadOnlyList<Core.Ovh.Models.Bill> bills;
            try
            {
                bills = await host.Get<IOvhApi>().ListBillsAsync(first!.Value, last!.Value, zone, cancellationToken);
            }
            catch (OvhApiException e)
            {
                Console.Error.WriteLine("Could not list the bills: " + e.Message);
                return 1;
            }

            // The documents are fetched with the OVH client's trust: the system's authorities plus Ovh:TrustedCertificate*.
            var trusted = Core.Ovh.OvhTrustedCertificate.From(host.Get<Microsoft.Extensions.Options.IOptions<Core.Ovh.OvhClientOptions>>().Value);
            using var http = new HttpClient(Core.Ovh.OvhTrustedCertificate.CreateHandler(trusted)) { Timeout = TimeSpan.FromMinutes(2) };
            int downloaded = 0, skipped = 0, failed = 0;
            await Parallel.ForEachAsync(bills, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken }, async (bill, ct) =>
            {
                var path = Path.Combine(folder.FullName, FileName(bill.BillId) + (pdf ? ".pdf" : ".html"));
                if (File.Exists(path))
                {
                    Interlocked.Increment(ref skipped);
                    return;
                }

                var url = pdf ? bill.PdfUrl : bill.Url;
                if (string.IsNullOrWhiteSpace(url))
                {
                    Console.Error.WriteLine($"{bill.BillId}: OVH gives no {(pdf ? "PDF" : "HTML")} address.");
                    Interlocked.Increment(ref failed);
                    return;
                }

                try
                {
                    var bytes = await http.GetByteArrayAsync(url, ct);
                    var partial = path + ".part";
                    await File.WriteAllBytesAsync(partial, bytes, ct);
                    File.Move(partial, path, overwrite: true);
                    Interlocked.Increment(ref downloaded);
                    Console.WriteLine($"  {Path.GetFileName(path)} ({bytes.Length:N0} bytes)");
                }
                catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException && !ct.IsCancellationRequested)
                {
                    Console.Error.WriteLine($"{bill.BillId}: {e.Message}");
                    Interlocked.Increment(ref failed);
                }
            });

            Console.WriteLine($"Bills {first:yyyy-MM-dd}..{last:yyyy-MM-dd}: {bills.Count} listed, {downloaded} downloaded, {skipped} already there, {failed} failed → {folder.FullName}");
            return failed == 0 ? 0 : 1;
        });
        return new Command("bills", "Bill documents.") { download };
    }

    private static string FileName(string billId) => string.Concat(billId.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
}
