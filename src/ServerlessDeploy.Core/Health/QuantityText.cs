using System.Buffers;
using System.Globalization;
using System.Numerics;

namespace ServerlessDeploy.Core.Health;

/// <summary>
/// Whether a text reads as a quantity as KubernetesClient's ResourceQuantity reads it: trimmed, a number (at most one
/// decimal point; also a fraction a/b, as the Fractions library reads it) up to the first suffix character, then a
/// decimal (n, u, m, k, M, G, T, P, E) or binary (Ki ... Ei) suffix, none, or an exponent (e3, E-2).
/// </summary>
internal static class QuantityText
{
    private static readonly SearchValues<char> SuffixChars = SearchValues.Create("eEinumkKMGTP");

    private static readonly HashSet<string> Suffixes = ["", "n", "u", "m", "k", "M", "G", "T", "P", "E", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];

    public static bool IsQuantity(string text)
    {
        var value = text.Trim();
        var si = value.AsSpan().IndexOfAny(SuffixChars);
        var (number, suffix) = si < 0 ? (value, "") : (value[..si], value[si..]);
        var firstDot = number.IndexOf('.', StringComparison.Ordinal);
        if (firstDot >= 0 && number.IndexOf('.', firstDot + 1) >= 0)
        {
            return false;
        }

        return IsNumber(number)
            && (Suffixes.Contains(suffix)
                || (suffix[0] is 'e' or 'E' && int.TryParse(suffix[1..], NumberStyles.Integer, CultureInfo.InvariantCulture, out _)));
    }

    /// <summary>As Fractions' Fraction.FromString reads a number with NumberStyles.Number and the invariant culture.</summary>
    private static bool IsNumber(string text)
    {
        if (text.Length == 1)
        {
            return char.IsAsciiDigit(text[0]);
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            const NumberStyles integer = NumberStyles.Number & ~NumberStyles.AllowDecimalPoint;
            return BigInteger.TryParse(text[..slash], integer, CultureInfo.InvariantCulture, out _)
                && BigInteger.TryParse(text[(slash + 1)..], integer, CultureInfo.InvariantCulture, out _);
        }

        // Fractions reads a number as .NET does, except that it turns down a group separator at the end ("1,").
        return double.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out _)
            && !text.TrimEnd().TrimEnd('+', '-').TrimEnd().EndsWith(',');
    }
}
