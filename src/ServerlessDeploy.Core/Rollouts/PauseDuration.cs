using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ServerlessDeploy.Core.Applications;

namespace ServerlessDeploy.Core.Rollouts;

/// <summary>
/// A pause step's duration as Argo Rollouts reads it (RolloutPause.DurationSeconds): an integer is seconds; a text is
/// seconds when it is a bare integer ("30"), else a Go duration ("10s", "10m", "1h") cut to whole seconds. A text that
/// is neither reads as -1, which Argo's validation refuses with "Duration needs to be greater than 0".
/// </summary>
internal static class PauseDuration
{
    public const string Invalid = "Duration needs to be greater than 0";

    public static int Seconds(JsonNode node) => node switch
    {
        JsonValue number when number.GetValueKind() == JsonValueKind.Number => RolloutJson.Int(number) ?? -1,
        JsonValue text when text.GetValueKind() == JsonValueKind.String => FromText(text.GetValue<string>()),
        _ => -1,
    };

    private static int FromText(string text)
    {
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds))
        {
            return seconds;
        }

        return GoDuration.Parse(text) is { } duration && duration.TotalSeconds <= int.MaxValue ? (int)duration.TotalSeconds : -1;
    }
}
