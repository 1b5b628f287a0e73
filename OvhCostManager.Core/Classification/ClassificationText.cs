using System.Text;

namespace OvhCostManager.Core.Classification;

/// <summary>
/// Folds bill text to the form the rules are written in: lower case, no diacritics, typographic
/// apostrophes/dashes/spaces replaced by their ASCII forms. One allocation, same length as the input.
/// </summary>
internal static class ClassificationText
{
    private const int TableSize = 0x250; // Basic Latin to Latin Extended-B: every accented letter OVH prints.
    private static readonly char[] Fold = BuildFoldTable();

    public static string Normalize(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c < TableSize ? Fold[c] : FoldRare(c);
            }
        });
    }

    private static char FoldRare(char c) => c switch
    {
        '\u2018' or '\u2019' or '\u02BC' => '\'',
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' => '-',
        '\u2007' or '\u2009' or '\u202F' => ' ',
        _ => char.ToLowerInvariant(c),
    };

    private static char[] BuildFoldTable()
    {
        var table = new char[TableSize];
        for (var i = 0; i < TableSize; i++)
        {
            var lower = char.ToLowerInvariant((char)i);
            var decomposed = lower.ToString().Normalize(NormalizationForm.FormD);
            table[i] = decomposed.Length > 0 && decomposed[0] < 0x80 ? decomposed[0] : lower;
        }

        table[0xA0] = ' ';   // no-break space
        table[0xDF] = 's';   // ß
        table[0x153] = 'o';  // œ ("cœur"); keeps the folded text the same length as the input
        table[0x152] = 'o';
        table[0xE6] = 'a';   // æ
        table[0xC6] = 'a';
        return table;
    }
}
