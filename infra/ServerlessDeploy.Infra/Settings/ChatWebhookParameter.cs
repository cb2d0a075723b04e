namespace ServerlessDeploy.Infra.Settings;

/// <summary>A chat notification target: the kind (slack, teams, discord) and the SSM parameter holding its webhook URL.</summary>
public sealed record ChatWebhookParameter(string Kind, string ParameterName)
{
    private static readonly string[] Kinds = ["slack", "teams", "discord"];

    /// <summary>Reads <c>kind=parameter</c> pairs (comma list with -c, or a JSON array of such strings in cdk.json).</summary>
    internal static IReadOnlyList<ChatWebhookParameter> ReadAll(ContextReader context)
    {
        const string key = InfraSettings.ChatWebhookParametersKey;
        return context.List(key).Select(pair =>
        {
            var parts = pair.Split('=', 2, StringSplitOptions.TrimEntries);
            return parts.Length == 2 && Kinds.Contains(parts[0]) && SettingPatterns.ParameterName().IsMatch(parts[1])
                ? new ChatWebhookParameter(parts[0], parts[1])
                : throw ContextReader.Invalid(key, pair, "slack|teams|discord=<SSM parameter name>, comma-separated");
        }).ToList();
    }

    public override string ToString() => $"{Kind}={ParameterName}";
}
