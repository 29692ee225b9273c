using System.Globalization;
using System.Text;

namespace Charter.Search;

/// <summary>
/// The few pieces of ECMAScript string and number semantics that lunr's output depends on:
/// <c>String.prototype.toLowerCase</c>, <c>JSON.stringify</c> of strings and numbers,
/// <c>Math.round</c>, and which property keys are array indices (they come first, in numeric
/// order, in <c>Object.keys</c> and so in <c>JSON.stringify</c>).
/// </summary>
internal static class JsText
{
    /// <summary>
    /// <c>String.prototype.toLowerCase</c>: the Unicode default lower-case mapping, code point by
    /// code point, with the two unconditional/contextual special cases that matter: U+0130 İ
    /// becomes "i̇" (two code units) and Σ becomes final ς at the end of a word (Final_Sigma).
    /// </summary>
    public static string ToLowerCase(string s)
    {
        int i = 0;
        // Fast path: nothing to change in a run of ASCII that is not upper case.
        while (i < s.Length)
        {
            char c = s[i];
            if (c >= 0x80 || (c >= 'A' && c <= 'Z'))
            {
                break;
            }

            i++;
        }

        if (i == s.Length)
        {
            return s;
        }

        var sb = new StringBuilder(s.Length + 8);
        sb.Append(s, 0, i);
        while (i < s.Length)
        {
            char c = s[i];
            if (c < 0x80)
            {
                sb.Append(c >= 'A' && c <= 'Z' ? (char)(c + 32) : c);
                i++;
                continue;
            }

            if (c == '\u0130')
            {
                sb.Append("i\u0307");
                i++;
                continue;
            }

            if (c == '\u03A3')
            {
                sb.Append(IsFinalSigma(s, i) ? '\u03C2' : '\u03C3');
                i++;
                continue;
            }

            if (Rune.TryGetRuneAt(s, i, out var rune))
            {
                var lower = Rune.ToLowerInvariant(rune);
                if (lower.IsBmp)
                {
                    sb.Append((char)lower.Value);
                }
                else
                {
                    sb.Append(char.ConvertFromUtf32(lower.Value));
                }

                i += rune.Utf16SequenceLength;
            }
            else
            {
                sb.Append(c); // a lone surrogate stays as it is
                i++;
            }
        }

        return sb.ToString();
    }

    // Unicode's Final_Sigma condition: a cased letter before (skipping case-ignorable ones) and
    // none after (skipping case-ignorable ones).
    private static bool IsFinalSigma(string s, int index)
    {
        int j = index;
        bool casedBefore = false;
        while (j > 0)
        {
            int cp = CodePointBefore(s, j, out int width);
            j -= width;
            if (IsCaseIgnorable(cp))
            {
                continue;
            }

            casedBefore = IsCased(cp);
            break;
        }

        if (!casedBefore)
        {
            return false;
        }

        j = index + 1;
        while (j < s.Length)
        {
            int cp = CodePointAt(s, j, out int width);
            j += width;
            if (IsCaseIgnorable(cp))
            {
                continue;
            }

            return !IsCased(cp);
        }

        return true;
    }

    private static int CodePointAt(string s, int index, out int width)
    {
        if (char.IsHighSurrogate(s[index]) && index + 1 < s.Length && char.IsLowSurrogate(s[index + 1]))
        {
            width = 2;
            return char.ConvertToUtf32(s[index], s[index + 1]);
        }

        width = 1;
        return s[index];
    }

    private static int CodePointBefore(string s, int end, out int width)
    {
        if (char.IsLowSurrogate(s[end - 1]) && end - 2 >= 0 && char.IsHighSurrogate(s[end - 2]))
        {
            width = 2;
            return char.ConvertToUtf32(s[end - 2], s[end - 1]);
        }

        width = 1;
        return s[end - 1];
    }

    private static bool IsCaseIgnorable(int cp)
    {
        switch (cp)
        {
            // Word_Break MidLetter, MidNumLet and Single_Quote.
            case 0x27: case 0x2E: case 0x3A: case 0xB7: case 0x387: case 0x55F: case 0x5F4:
            case 0x2018: case 0x2019: case 0x2024: case 0x2027: case 0xFE13: case 0xFE52:
            case 0xFE55: case 0xFF07: case 0xFF0E: case 0xFF1A:
                return true;
        }

        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        {
            return false;
        }

        switch (Rune.GetUnicodeCategory(new Rune(cp)))
        {
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.EnclosingMark:
            case UnicodeCategory.Format:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.ModifierSymbol:
                return true;
            default:
                return false;
        }
    }

    private static bool IsCased(int cp)
    {
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        {
            return false;
        }

        switch (Rune.GetUnicodeCategory(new Rune(cp)))
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
                return true;
        }

        // Other_Lowercase and Other_Uppercase (the main ranges).
        return cp is 0xAA or 0xBA or 0x345 or 0x37A or 0x1D78 or 0x2071 or 0x207F or 0xA770
            or (>= 0x2B0 and <= 0x2B8) or (>= 0x2C0 and <= 0x2C1) or (>= 0x2E0 and <= 0x2E4)
            or (>= 0x1D2C and <= 0x1D6A) or (>= 0x1D9B and <= 0x1DBF) or (>= 0x2090 and <= 0x209C)
            or (>= 0x2160 and <= 0x217F) or (>= 0x24B6 and <= 0x24E9) or (>= 0x2C7C and <= 0x2C7D)
            or (>= 0xA69C and <= 0xA69D) or (>= 0xA7F8 and <= 0xA7F9) or (>= 0xAB5C and <= 0xAB5F);
    }

    /// <summary>Whether a character is in ECMAScript's <c>\s</c> (WhiteSpace and LineTerminator).</summary>
    public static bool IsJsWhiteSpace(char c) =>
        c is '\t' or '\n' or '\v' or '\f' or '\r' or ' ' or '\u00A0' or '\u1680'
            or (>= '\u2000' and <= '\u200A') or '\u2028' or '\u2029' or '\u202F' or '\u205F'
            or '\u3000' or '\uFEFF';

    /// <summary>Appends a string as <c>JSON.stringify</c> writes it (well-formed JSON.stringify).</summary>
    public static void AppendJsonString(StringBuilder sb, string s)
    {
        sb.Append('"');
        AppendJsonStringContent(sb, s);
        sb.Append('"');
    }

    /// <summary>The characters between the quotes of <see cref="AppendJsonString"/>.</summary>
    public static void AppendJsonStringContent(StringBuilder sb, string s)
    {
        int start = 0;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            string? escape = null;
            if (c < 0x20 || c == '"' || c == '\\')
            {
                escape = c switch
                {
                    '"' => "\\\"",
                    '\\' => "\\\\",
                    '\b' => "\\b",
                    '\f' => "\\f",
                    '\n' => "\\n",
                    '\r' => "\\r",
                    '\t' => "\\t",
                    _ => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                };
            }
            else if (char.IsSurrogate(c))
            {
                if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                {
                    i++; // a well-formed pair is written as it is
                    continue;
                }

                escape = "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture);
            }

            if (escape != null)
            {
                sb.Append(s, start, i - start).Append(escape);
                start = i + 1;
            }
        }

        sb.Append(s, start, s.Length - start);
    }

    /// <summary><c>Math.round</c>: the nearest integer, ties towards +∞.</summary>
    public static double Round(double x)
    {
        if (double.IsNaN(x) || double.IsInfinity(x))
        {
            return x;
        }

        double floor = Math.Floor(x);
        double result = x - floor >= 0.5 ? floor + 1 : floor;
        // Math.round(-0.2) is -0; it never arises here, but keep the sign faithful.
        return result == 0 && (x < 0 || double.IsNegative(x)) ? -0.0 : result;
    }

    /// <summary>
    /// Appends <c>thousandths / 1000</c> as ECMAScript writes that quotient: for an integral
    /// 0 ≤ thousandths &lt; 10¹⁵ the double nearest to k/1000 is written with the decimal digits
    /// of k/1000 (no shorter decimal lies within half a unit in the last place of it, which is
    /// below 0.001 there), so no formatting through <see cref="double.ToString()"/> is needed.
    /// </summary>
    public static void AppendThousandths(StringBuilder sb, double thousandths)
    {
        if (thousandths >= 0 && thousandths < 1e15 && thousandths == Math.Floor(thousandths))
        {
            long k = (long)thousandths;
            sb.Append(k / 1000);
            int fraction = (int)(k % 1000);
            if (fraction != 0)
            {
                sb.Append('.').Append((char)('0' + fraction / 100));
                if (fraction % 100 != 0)
                {
                    sb.Append((char)('0' + fraction / 10 % 10));
                    if (fraction % 10 != 0)
                    {
                        sb.Append((char)('0' + fraction % 10));
                    }
                }
            }

            return;
        }

        AppendNumber(sb, thousandths / 1000);
    }

    /// <summary>Appends a number as ECMAScript's Number::toString (and so JSON.stringify) writes it.</summary>
    public static void AppendNumber(StringBuilder sb, double d)
    {
        if (double.IsNaN(d) || double.IsInfinity(d))
        {
            sb.Append("null"); // JSON.stringify writes non-finite numbers as null
            return;
        }

        if (d == 0)
        {
            sb.Append('0'); // also for -0
            return;
        }

        if (d == Math.Floor(d) && Math.Abs(d) < 1e15)
        {
            sb.Append(((long)d).ToString(CultureInfo.InvariantCulture));
            return;
        }

        // .NET's "R" gives the shortest digits that round-trip, as ECMAScript requires; only the
        // layout (where the point goes, when an exponent is used) differs.
        string r = d.ToString("R", CultureInfo.InvariantCulture);
        if (d < 0)
        {
            sb.Append('-');
            r = r.Substring(1);
        }

        int exponent = 0;
        int e = r.IndexOfAny(['E', 'e']);
        string mantissa = r;
        if (e >= 0)
        {
            exponent = int.Parse(r.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            mantissa = r.Substring(0, e);
        }

        int point = mantissa.IndexOf('.');
        string digits = point >= 0 ? mantissa.Remove(point, 1) : mantissa;
        int n = (point >= 0 ? point : mantissa.Length) + exponent;
        int leadingZeros = 0;
        while (leadingZeros < digits.Length - 1 && digits[leadingZeros] == '0')
        {
            leadingZeros++;
        }

        digits = digits.Substring(leadingZeros).TrimEnd('0');
        n -= leadingZeros;
        if (digits.Length == 0)
        {
            sb.Append('0');
            return;
        }

        int k = digits.Length;
        if (k <= n && n <= 21)
        {
            sb.Append(digits).Append('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            sb.Append(digits, 0, n).Append('.').Append(digits, n, k - n);
        }
        else if (-6 < n && n <= 0)
        {
            sb.Append("0.").Append('0', -n).Append(digits);
        }
        else
        {
            sb.Append(digits[0]);
            if (k > 1)
            {
                sb.Append('.').Append(digits, 1, k - 1);
            }

            sb.Append('e').Append(n - 1 >= 0 ? '+' : '-').Append(Math.Abs(n - 1).ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>
    /// Whether a property key is an array index (a canonical decimal integer below 2³² − 1), the
    /// keys that ECMAScript orders first and numerically; returns its value.
    /// </summary>
    public static bool IsArrayIndex(string key, out uint value)
    {
        value = 0;
        if (key.Length == 0 || key.Length > 10 || (key.Length > 1 && key[0] == '0'))
        {
            return false;
        }

        ulong v = 0;
        foreach (char c in key)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }

            v = v * 10 + (ulong)(c - '0');
        }

        if (v >= uint.MaxValue)
        {
            return false;
        }

        value = (uint)v;
        return true;
    }
}
