using System.Text.RegularExpressions;

namespace Charter.Search;

/// <summary>
/// lunr.js 2.3.9's English stemmer (<c>lunr.stemmer</c>, pipeline label "stemmer"), ported
/// regular expression for regular expression. It is lunr's own variant of Martin Porter's
/// JavaScript stemmer, and it differs from other Porter stemmers (Snowball's "porter" and
/// "english", Lucene's PorterStemmer), so nothing else can stand in for it. .NET's regular
/// expressions are backtracking like ECMAScript's and the patterns use nothing whose meaning
/// differs between the two on a token (a token never holds a line terminator).
/// </summary>
internal static partial class LunrEnglishStemmer
{
    private const string c = "[^aeiou]";          // consonant
    private const string v = "[aeiouy]";          // vowel
    private const string C = c + "[^aeiouy]*";    // consonant sequence
    private const string V = v + "[aeiou]*";      // vowel sequence
    private const string Mgr0 = "^(" + C + ")?" + V + C;                       // [C]VC... is m>0
    private const string Meq1 = "^(" + C + ")?" + V + C + "(" + V + ")?$";      // [C]VC[V] is m=1
    private const string Mgr1 = "^(" + C + ")?" + V + C + V + C;               // [C]VCVC... is m>1
    private const string SV = "^(" + C + ")?" + v;                             // vowel in stem
    private const string Cvc = "^" + C + v + "[^aeiouwxy]$";

    private const RegexOptions Options = RegexOptions.CultureInvariant;

    [GeneratedRegex(Mgr0, Options)] private static partial Regex ReMgr0();
    [GeneratedRegex(Mgr1, Options)] private static partial Regex ReMgr1();
    [GeneratedRegex(Meq1, Options)] private static partial Regex ReMeq1();
    [GeneratedRegex(SV, Options)] private static partial Regex ReSV();
    [GeneratedRegex("^(.+?)(ss|i)es$", Options)] private static partial Regex Re1a();
    [GeneratedRegex("^(.+?)([^s])s$", Options)] private static partial Regex Re21a();
    [GeneratedRegex("^(.+?)eed$", Options)] private static partial Regex Re1b();
    [GeneratedRegex("^(.+?)(ed|ing)$", Options)] private static partial Regex Re21b();
    [GeneratedRegex("(at|bl|iz)$", Options)] private static partial Regex Re21b2();
    [GeneratedRegex("([^aeiouylsz])\\1$", Options)] private static partial Regex Re31b2();
    [GeneratedRegex(Cvc, Options)] private static partial Regex Re41b2();
    [GeneratedRegex("^(.+?[^aeiou])y$", Options)] private static partial Regex Re1c();
    [GeneratedRegex("^(.+?)(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization|ation|ator|alism|iveness|fulness|ousness|aliti|iviti|biliti|logi)$", Options)]
    private static partial Regex Re2();
    [GeneratedRegex("^(.+?)(icate|ative|alize|iciti|ical|ful|ness)$", Options)] private static partial Regex Re3();
    [GeneratedRegex("^(.+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)$", Options)]
    private static partial Regex Re4();
    [GeneratedRegex("^(.+?)(s|t)(ion)$", Options)] private static partial Regex Re24();
    [GeneratedRegex("^(.+?)e$", Options)] private static partial Regex Re5();
    [GeneratedRegex("ll$", Options)] private static partial Regex Re51();

    private static string Step2(string suffix) => suffix switch
    {
        "ational" => "ate",
        "tional" => "tion",
        "enci" => "ence",
        "anci" => "ance",
        "izer" => "ize",
        "bli" => "ble",
        "alli" => "al",
        "entli" => "ent",
        "eli" => "e",
        "ousli" => "ous",
        "ization" => "ize",
        "ation" => "ate",
        "ator" => "ate",
        "alism" => "al",
        "iveness" => "ive",
        "fulness" => "ful",
        "ousness" => "ous",
        "aliti" => "al",
        "iviti" => "ive",
        "biliti" => "ble",
        "logi" => "log",
        _ => throw new InvalidOperationException(suffix),
    };

    private static string Step3(string suffix) => suffix switch
    {
        "icate" => "ic",
        "ative" => "",
        "alize" => "al",
        "iciti" => "ic",
        "ical" => "ic",
        "ful" => "",
        "ness" => "",
        _ => throw new InvalidOperationException(suffix),
    };

    // w.replace(/.$/, ""): drops the last code unit.
    private static string DropLast(string w) => w.Length == 0 ? w : w.Substring(0, w.Length - 1);

    public static string Stem(string w)
    {
        if (w.Length < 3)
        {
            return w;
        }

        char firstch = w[0];
        if (firstch == 'y')
        {
            w = "Y" + w.Substring(1);
        }

        // Step 1a
        Match m;
        if ((m = Re1a().Match(w)).Success)
        {
            w = m.Groups[1].Value + m.Groups[2].Value;
        }
        else if ((m = Re21a().Match(w)).Success)
        {
            w = m.Groups[1].Value + m.Groups[2].Value;
        }

        // Step 1b
        if ((m = Re1b().Match(w)).Success)
        {
            if (ReMgr0().IsMatch(m.Groups[1].Value))
            {
                w = DropLast(w);
            }
        }
        else if ((m = Re21b().Match(w)).Success)
        {
            string stem = m.Groups[1].Value;
            if (ReSV().IsMatch(stem))
            {
                w = stem;
                if (Re21b2().IsMatch(w))
                {
                    w += "e";
                }
                else if (Re31b2().IsMatch(w))
                {
                    w = DropLast(w);
                }
                else if (Re41b2().IsMatch(w))
                {
                    w += "e";
                }
            }
        }

        // Step 1c
        if ((m = Re1c().Match(w)).Success)
        {
            w = m.Groups[1].Value + "i";
        }

        // Step 2
        if ((m = Re2().Match(w)).Success)
        {
            string stem = m.Groups[1].Value;
            if (ReMgr0().IsMatch(stem))
            {
                w = stem + Step2(m.Groups[2].Value);
            }
        }

        // Step 3
        if ((m = Re3().Match(w)).Success)
        {
            string stem = m.Groups[1].Value;
            if (ReMgr0().IsMatch(stem))
            {
                w = stem + Step3(m.Groups[2].Value);
            }
        }

        // Step 4
        if ((m = Re4().Match(w)).Success)
        {
            string stem = m.Groups[1].Value;
            if (ReMgr1().IsMatch(stem))
            {
                w = stem;
            }
        }
        else if ((m = Re24().Match(w)).Success)
        {
            string stem = m.Groups[1].Value + m.Groups[2].Value;
            if (ReMgr1().IsMatch(stem))
            {
                w = stem;
            }
        }

        // Step 5
        if ((m = Re5().Match(w)).Success)
        {
            string stem = m.Groups[1].Value;
            if (ReMgr1().IsMatch(stem) || (ReMeq1().IsMatch(stem) && !Re41b2().IsMatch(stem)))
            {
                w = stem;
            }
        }

        if (Re51().IsMatch(w) && ReMgr1().IsMatch(w))
        {
            w = DropLast(w);
        }

        // and turn initial Y back to y
        if (firstch == 'y')
        {
            w = "y" + w.Substring(1);
        }

        return w;
    }
}
