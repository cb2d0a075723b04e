using System.Globalization;
using System.Numerics;

namespace ServerlessDeploy.Core.Rollouts;

/// <summary>
/// A resource quantity (<c>cpu: 500m</c>, <c>memory: 1Gi</c>) as Kubernetes' Go <c>resource.Quantity</c> re-writes it
/// when it goes through JSON: parsed into an exact decimal, rounded up to a nano, then written in canonical form
/// (no fraction, exponent a multiple of 3 and as large as possible, <c>0.5</c> → <c>500m</c>, <c>2000m</c> → <c>2</c>,
/// <c>1.5Gi</c> → <c>1536Mi</c>) — except that Go keeps the text it parsed when its fast path judged it canonical
/// already, so <c>+1</c> or <c>01</c> come back unchanged.
/// </summary>
internal static class KubernetesQuantity
{
    private const string SuffixLetters = "eEinumkKMGTP";

    private enum Format { DecimalExponent, BinarySI, DecimalSI }

    /// <summary>The text Go writes for a quantity read from <paramref name="text"/>, or null when Go cannot parse it.</summary>
    public static string? Canonical(string text)
    {
        text = text.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (text == "0")
        {
            return text;
        }

        if (Scan(text) is not { } scanned || Interpret(scanned.Suffix) is not { } unit)
        {
            return null;
        }

        if (FastPathKeepsText(text, scanned, unit))
        {
            return text;
        }

        // value = (num.denom) × base^exponent, held exactly as unscaled × 10^scale.
        var unscaled = BigInteger.Parse(scanned.Num + scanned.Denom, CultureInfo.InvariantCulture);
        var scale = -scanned.Denom.Length;
        if (unit.Base == 10)
        {
            scale += unit.Exponent;
        }
        else
        {
            unscaled *= BigInteger.Pow(2, unit.Exponent);
        }

        var format = unit.Format;
        if (scale < -9)
        {
            // Non-zero amounts below a nano round up (away from zero) to the next nano.
            var divisor = BigInteger.Pow(10, -9 - scale);
            var quotient = BigInteger.DivRem(unscaled, divisor, out var remainder);
            unscaled = remainder.IsZero ? quotient : quotient + 1;
            scale = -9;
        }

        if (format == Format.BinarySI)
        {
            // Binary amounts are capped at the largest int64; below one they are written in decimal.
            var one = scale < 0 ? BigInteger.Pow(10, -scale) : BigInteger.One;
            var magnitude = scale > 0 ? unscaled * BigInteger.Pow(10, scale) : unscaled;
            if (magnitude > long.MaxValue * one)
            {
                (unscaled, scale) = (long.MaxValue, 0);
            }
            else if (!unscaled.IsZero && magnitude < one)
            {
                format = Format.DecimalSI;
            }
        }

        var sign = scanned.Positive ? "" : "-";
        return unscaled.IsZero ? "0" : sign + Write(unscaled, scale, format);
    }

    private static string Write(BigInteger unscaled, int scale, Format format)
    {
        if (format == Format.BinarySI)
        {
            // Below 1024, or not a whole number, a binary quantity is written in decimal.
            var isWhole = scale >= 0 || BigInteger.Remainder(unscaled, BigInteger.Pow(10, -scale)).IsZero;
            var whole = scale >= 0 ? unscaled * BigInteger.Pow(10, scale) : unscaled / BigInteger.Pow(10, -scale);
            if (!isWhole || whole < 1024)
            {
                format = Format.DecimalSI;
            }
            else
            {
                var power = 0;
                while (BigInteger.Remainder(whole, 1024).IsZero)
                {
                    whole /= 1024;
                    power++;
                }

                return whole.ToString(CultureInfo.InvariantCulture) + BinarySuffix(power * 10);
            }
        }

        while (unscaled >= 10 && BigInteger.Remainder(unscaled, 10).IsZero)
        {
            unscaled /= 10;
            scale++;
        }

        while (scale % 3 != 0)
        {
            unscaled *= 10;
            scale--;
        }

        var number = unscaled.ToString(CultureInfo.InvariantCulture);
        return format == Format.DecimalExponent
            ? number + (scale == 0 ? "" : "e" + scale.ToString(CultureInfo.InvariantCulture))
            : number + DecimalSuffix(scale);
    }

    // Go finds no suffix beyond the table and then writes the bare number; so do we.
    private static string DecimalSuffix(int exponent) => exponent switch
    {
        -9 => "n", -6 => "u", -3 => "m", 3 => "k", 6 => "M", 9 => "G", 12 => "T", 15 => "P", 18 => "E", _ => "",
    };

    private static string BinarySuffix(int exponent) => exponent switch
    {
        10 => "Ki", 20 => "Mi", 30 => "Gi", 40 => "Ti", 50 => "Pi", 60 => "Ei", _ => "",
    };

    /// <summary>Go's fast path reuses the parsed text as the quantity's string when it looks canonical.</summary>
    private static bool FastPathKeepsText(string text, Scanned scanned, Unit unit)
    {
        int precision;
        var scale = 0;
        if (unit.Format == Format.BinarySI)
        {
            if (unit.Exponent < 0 || scanned.Denom.Length > 0)
            {
                return false;
            }

            precision = 15 - scanned.Num.Length - (int)((float)unit.Exponent * 3 / 10) - 1;
        }
        else
        {
            scale = unit.Exponent;
            precision = 18 - (scanned.Num.Length + scanned.Denom.Length);
        }

        if (precision < 0)
        {
            return false;
        }

        scale -= scanned.Denom.Length;
        if (scale < -9)
        {
            return false;
        }

        var shifted = scanned.Num + scanned.Denom;
        var value = long.Parse(shifted, CultureInfo.InvariantCulture);
        if (unit.Format == Format.BinarySI)
        {
            var mantissa = 1L << unit.Exponent;
            if (value != 0 && Math.Abs(value) > long.MaxValue / mantissa)
            {
                return false;
            }

            return unit.Exponent % 10 == 0 && (value & 0x07) != 0;
        }

        return scale % 3 == 0 && !shifted.EndsWith("000", StringComparison.Ordinal) && shifted[0] != '0';
    }

    private sealed record Scanned(bool Positive, string Num, string Denom, string Suffix);

    private sealed record Unit(int Base, int Exponent, Format Format);

    /// <summary>Splits a quantity into sign, whole digits (leading zeros dropped), fraction digits and suffix, as Go's scanner does.</summary>
    private static Scanned? Scan(string text)
    {
        var positive = true;
        var pos = 0;
        if (text[0] is '-' or '+')
        {
            positive = text[0] == '+';
            pos++;
        }

        while (pos < text.Length && text[pos] == '0')
        {
            pos++;
        }

        if (pos == text.Length)
        {
            return new Scanned(positive, "0", "", "");
        }

        var numStart = pos;
        while (pos < text.Length && char.IsAsciiDigit(text[pos]))
        {
            pos++;
        }

        var num = text[numStart..pos];
        if (num.Length == 0)
        {
            num = "0";
        }

        var denom = "";
        if (pos < text.Length && text[pos] == '.')
        {
            var denomStart = ++pos;
            while (pos < text.Length && char.IsAsciiDigit(text[pos]))
            {
                pos++;
            }

            denom = text[denomStart..pos];
        }

        var suffixStart = pos;
        while (pos < text.Length && SuffixLetters.Contains(text[pos], StringComparison.Ordinal))
        {
            pos++;
        }

        if (pos < text.Length && text[pos] is '-' or '+')
        {
            pos++;
        }

        while (pos < text.Length && char.IsAsciiDigit(text[pos]))
        {
            pos++;
        }

        return pos == text.Length ? new Scanned(positive, num, denom, text[suffixStart..]) : null;
    }

    private static Unit? Interpret(string suffix) => suffix switch
    {
        "" => new(10, 0, Format.DecimalSI),
        "n" => new(10, -9, Format.DecimalSI),
        "u" => new(10, -6, Format.DecimalSI),
        "m" => new(10, -3, Format.DecimalSI),
        "k" => new(10, 3, Format.DecimalSI),
        "M" => new(10, 6, Format.DecimalSI),
        "G" => new(10, 9, Format.DecimalSI),
        "T" => new(10, 12, Format.DecimalSI),
        "P" => new(10, 15, Format.DecimalSI),
        "E" => new(10, 18, Format.DecimalSI),
        "Ki" => new(2, 10, Format.BinarySI),
        "Mi" => new(2, 20, Format.BinarySI),
        "Gi" => new(2, 30, Format.BinarySI),
        "Ti" => new(2, 40, Format.BinarySI),
        "Pi" => new(2, 50, Format.BinarySI),
        "Ei" => new(2, 60, Format.BinarySI),
        _ when suffix.Length > 1 && suffix[0] is 'e' or 'E'
            && long.TryParse(suffix.AsSpan(1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exponent)
            => new(10, (int)exponent, Format.DecimalExponent),
        _ => null,
    };
}
