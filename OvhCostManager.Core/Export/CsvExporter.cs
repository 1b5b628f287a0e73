using System.Globalization;
using CsvHelper;

namespace OvhCostManager.Core.Export;

/// <summary>
/// Writes tables as CSV that Excel opens correctly in the user's language: French uses <c>;</c> and a decimal comma,
/// English <c>,</c> and a point; always UTF-8 with a BOM. Cells that a spreadsheet would run as a formula
/// (starting with = + - @, tab or carriage return) are neutralised with a leading apostrophe.
/// </summary>
public static class CsvExporter
{
    public static async Task WriteAsync(Stream output, CsvTable table, CultureInfo culture, CancellationToken cancellationToken = default)
    {
        var options = new CsvWriterOptions
        {
            Separator = DelimiterFor(culture),
            NewLine = "\r\n",
            WriteByteOrderMark = true,
            FormatProvider = culture,
            // The guard is done here rather than by CsvHelper so that numbers such as -12,50 stay numbers.
            Injection = CsvInjection.None,
        };

        await using var csv = CsvWriter.Create(output, options, true);
        foreach (var header in table.Headers)
        {
            csv.WriteField(Neutralise(header), CsvQuoting.Always);
        }

        await csv.EndRecordAsync(cancellationToken);
        var rows = 0;
        foreach (var row in table.Rows)
        {
            foreach (var cell in row)
            {
                WriteCell(csv, cell, culture);
            }

            await csv.EndRecordAsync(cancellationToken);
            if (++rows % 1000 == 0)
            {
                await csv.FlushAsync(cancellationToken);
            }
        }

        await csv.FlushAsync(cancellationToken);
    }

    public static char DelimiterFor(CultureInfo culture) =>
        culture.NumberFormat.NumberDecimalSeparator == "," ? ';' : ',';

    /// <summary>A cell that Excel or LibreOffice would evaluate gets a leading apostrophe.</summary>
    public static string Neutralise(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        return text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
    }

    private static void WriteCell(CsvWriter csv, CsvCell cell, CultureInfo culture)
    {
        switch (cell)
        {
            case CsvCell.Number number:
                // Numbers carry no thousands separator, so Excel reads them as numbers in that language.
                csv.WriteField(decimal.Round(number.Value, number.Decimals, MidpointRounding.AwayFromZero).ToString("F" + number.Decimals, culture), CsvQuoting.WhenNeeded);
                break;
            case CsvCell.Date date:
                csv.WriteField(date.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), CsvQuoting.WhenNeeded);
                break;
            case CsvCell.Text text:
                csv.WriteField(Neutralise(text.Value), CsvQuoting.Always);
                break;
            default:
                csv.WriteField(string.Empty);
                break;
        }
    }
}
