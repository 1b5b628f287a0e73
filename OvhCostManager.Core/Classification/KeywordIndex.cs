namespace OvhCostManager.Core.Classification;

/// <summary>
/// Finds keyword phrases in folded text with one pass over its words, whatever the number of keywords: a word is
/// a run of ASCII letters and digits, anything else separates words. A phrase matches consecutive words; its last
/// word also matches with a plural "s". Word boundaries come for free ("ai" is never found inside "mai").
/// </summary>
internal sealed class KeywordIndex
{
    private readonly Dictionary<string, List<Phrase>> _byFirstWord = new(StringComparer.Ordinal);
    private Dictionary<string, List<Phrase>>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public KeywordIndex() => _lookup = _byFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The number of owners (rules) keywords were added for; <see cref="Scan"/> needs a span this long.</summary>
    public int OwnerCount { get; private set; }

    /// <summary>Splits folded text into words, the way keywords and descriptions are both read.</summary>
    public static int Words(ReadOnlySpan<char> text, Span<Range> words)
    {
        var count = 0;
        var i = 0;
        while (i < text.Length && count < words.Length)
        {
            if (!char.IsAsciiLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsAsciiLetterOrDigit(text[i]))
            {
                i++;
            }

            words[count++] = new Range(start, i);
        }

        return count;
    }

    /// <summary>Registers a keyword (already folded) for an owner; returns false when it holds no word.</summary>
    public bool Add(string foldedKeyword, int owner)
    {
        Span<Range> ranges = stackalloc Range[16];
        var count = Words(foldedKeyword, ranges);
        if (count == 0 || count == ranges.Length)
        {
            return false;
        }

        var words = new string[count];
        for (var i = 0; i < count; i++)
        {
            words[i] = foldedKeyword[ranges[i]];
        }

        var rest = words[1..];
        var plural = char.IsAsciiLetter(words[^1][^1]);
        AddPhrase(words[0], new Phrase(rest, plural, owner));
        if (plural && rest.Length == 0)
        {
            AddPhrase(words[0] + "s", new Phrase(rest, false, owner));
        }

        OwnerCount = Math.Max(OwnerCount, owner + 1);
        return true;
    }

    /// <summary>Marks in <paramref name="found"/> every owner one of whose keywords occurs among <paramref name="words"/>.</summary>
    public void Scan(ReadOnlySpan<char> text, ReadOnlySpan<Range> words, Span<bool> found)
    {
        for (var w = 0; w < words.Length; w++)
        {
            if (!_lookup.TryGetValue(text[words[w]], out var phrases))
            {
                continue;
            }

            foreach (var phrase in phrases)
            {
                if (!found[phrase.Owner] && phrase.MatchesAfter(text, words, w))
                {
                    found[phrase.Owner] = true;
                }
            }
        }
    }

    private void AddPhrase(string firstWord, Phrase phrase)
    {
        if (!_byFirstWord.TryGetValue(firstWord, out var list))
        {
            _byFirstWord[firstWord] = list = [];
        }

        list.Add(phrase);
    }

    private sealed record Phrase(string[] Rest, bool PluralLast, int Owner)
    {
        public bool MatchesAfter(ReadOnlySpan<char> text, ReadOnlySpan<Range> words, int first)
        {
            if (first + Rest.Length >= words.Length)
            {
                return false;
            }

            for (var i = 0; i < Rest.Length; i++)
            {
                var word = text[words[first + 1 + i]];
                var expected = Rest[i].AsSpan();
                var matches = word.SequenceEqual(expected)
                    || (PluralLast && i == Rest.Length - 1 && word.Length == expected.Length + 1 && word[^1] == 's' && word.StartsWith(expected));
                if (!matches)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
