using System.Globalization;
using System.Text;
using OvhCostManager.Core.Export;

namespace OvhCostManager.Tests.Unit.Export;

public sealed class CsvExporterTests
{
    private static readonly CsvTable Sample = new(
        ["Facture", "Montant", "Date"],
        [
            [(CsvCell)"FR123", 1234.5m, new DateOnly(2026, 10, 31)],
            [(CsvCell)"=HYPERLINK(\"http://evil\")", -12.5m, new DateOnly(2026, 11, 1)],
            [(CsvCell)"a \"quoted\"; text, with separators", 0m, new DateOnly(2026, 11, 2)],
        ]);

    [Fact]
    public async Task French_export_uses_semicolons_a_decimal_comma_and_a_BOM()
    {
        var (bytes, text) = await ExportAsync(CultureInfo.GetCultureInfo("fr-FR"));

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("\"Facture\";\"Montant\";\"Date\"", lines[0]);
        Assert.Equal("\"FR123\";1234,50;2026-10-31", lines[1]);
        Assert.Equal("\"a \"\"quoted\"\"; text, with separators\";0,00;2026-11-02", lines[3]);
    }

    [Fact]
    public async Task English_export_uses_commas_and_a_decimal_point()
    {
        var (_, text) = await ExportAsync(CultureInfo.GetCultureInfo("en-GB"));

        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("\"FR123\",1234.50,2026-10-31", lines[1]);
    }

    [Fact]
    public async Task Cells_a_spreadsheet_would_evaluate_are_neutralised_but_negative_numbers_stay_numbers()
    {
        var (_, text) = await ExportAsync(CultureInfo.GetCultureInfo("fr-FR"));

        var line = text.Split("\r\n")[2];
        Assert.StartsWith("\"'=HYPERLINK(", line);
        Assert.EndsWith(";-12,50;2026-11-01", line);
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+33 6", "'+33 6")]
    [InlineData("-cmd", "'-cmd")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("Serveur dédié", "Serveur dédié")]
    [InlineData("", "")]
    public void Neutralise_prefixes_only_dangerous_leading_characters(string input, string expected) =>
        Assert.Equal(expected, CsvExporter.Neutralise(input));

    private static async Task<(byte[] Bytes, string Text)> ExportAsync(CultureInfo culture)
    {
        using var stream = new MemoryStream();
        await CsvExporter.WriteAsync(stream, Sample, culture);
        var bytes = stream.ToArray();
        return (bytes, new UTF8Encoding(false).GetString(bytes, 3, bytes.Length - 3));
    }
}
