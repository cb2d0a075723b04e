using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Rollouts;

/// <summary>
/// A canary's <c>maxSurge</c> / <c>maxUnavailable</c>: a replica count or a percentage of the Rollout's replicas,
/// read as Kubernetes' intstr helpers that Argo Rollouts calls read it.
/// </summary>
internal sealed record IntOrPercent(int? Count, string? Text)
{
    public static IntOrPercent Of(int count) => new(count, null);

    public static IntOrPercent Of(string text) => new(null, text);

    /// <summary>The value as it appears in a manifest: a JSON number or string; anything else is absent.</summary>
    public static IntOrPercent? From(JsonNode? node) => node?.GetValueKind() switch
    {
        JsonValueKind.Number when RolloutJson.Int(node) is { } count => Of(count),
        JsonValueKind.String => Of(node.GetValue<string>()),
        _ => null,
    };

    /// <summary>Zero as Argo's validation sees it ("MaxSurge and MaxUnavailable both can not be zero").</summary>
    public bool IsZero => LiteralValue() == 0;

    /// <summary>
    /// Resolved against <paramref name="total"/> replicas as intstr.GetValueFromIntOrPercent does: any string is a
    /// percentage once every '%' is removed, rounded up or down; null when the string is not a number.
    /// </summary>
    public int? Resolve(int total, bool roundUp)
    {
        if (Count is { } count)
        {
            return count;
        }

        if (!int.TryParse((Text ?? "").Replace("%", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var percent))
        {
            return null;
        }

        var exact = (double)percent * total / 100;
        return (int)(roundUp ? Math.Ceiling(exact) : Math.Floor(exact));
    }

    /// <summary>The value Argo's validation compares with zero: a well-formed percentage's number, else the integer (a non-number string is 0).</summary>
    public int LiteralValue()
    {
        if (Count is { } count)
        {
            return count;
        }

        var text = Text ?? "";
        if (text.Length > 1 && text[^1] == '%' && text[..^1].All(char.IsAsciiDigit))
        {
            return int.TryParse(text[..^1], CultureInfo.InvariantCulture, out var percent) ? percent : 0;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : 0;
    }

    public override string ToString() => Count?.ToString(CultureInfo.InvariantCulture) ?? Text ?? "";
}
