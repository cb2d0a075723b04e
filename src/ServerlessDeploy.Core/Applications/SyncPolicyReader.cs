namespace ServerlessDeploy.Core.Applications;

/// <summary>Reads spec.syncPolicy and spec.ignoreDifferences.</summary>
internal static class SyncPolicyReader
{
    public static SyncPolicy Read(SpecNode policy)
    {
        if (!policy.Exists)
        {
            return SyncPolicy.Manual;
        }

        var automatedNode = policy.Object("automated");
        AutomatedSync? automated = null;
        if (automatedNode.Exists)
        {
            automated = new AutomatedSync(automatedNode.Bool("prune"), automatedNode.Bool("selfHeal"), automatedNode.Bool("allowEmpty"));
            automatedNode.RejectUnknown();
        }

        var options = SyncOptionsReader.Read(policy, policy.Strings("syncOptions"));
        var retry = ReadRetry(policy.Object("retry"));
        policy.Unsupported("managedNamespaceMetadata", "namespace labels and annotations set by the deployer");
        policy.RejectUnknown();
        return new SyncPolicy(automated, options, retry);
    }

    public static IgnoreDifference ReadIgnoreDifference(SpecNode entry)
    {
        var result = new IgnoreDifference(
            entry.String("group") ?? "",
            entry.String("kind", required: true) ?? "",
            entry.String("name"),
            entry.String("namespace"),
            entry.Strings("jsonPointers"),
            entry.Strings("managedFieldsManagers"));
        entry.Unsupported("jqPathExpressions", "jq path expressions; use jsonPointers");
        entry.RejectUnknown();
        return result;
    }

    private static RetryPolicy? ReadRetry(SpecNode retry)
    {
        if (!retry.Exists)
        {
            return null;
        }

        var limit = (int)(retry.Number("limit") ?? 2);
        var backoff = retry.Object("backoff");
        var duration = Duration(backoff, "duration", TimeSpan.FromSeconds(5));
        var factor = (int)(backoff.Number("factor") ?? 2);
        var maxDuration = Duration(backoff, "maxDuration", TimeSpan.FromMinutes(3));
        backoff.RejectUnknown();
        retry.RejectUnknown();
        return new RetryPolicy(limit, duration, factor, maxDuration);
    }

    private static TimeSpan Duration(SpecNode node, string field, TimeSpan fallback)
    {
        var text = node.String(field);
        if (text is null)
        {
            return fallback;
        }

        var parsed = GoDuration.Parse(text);
        if (parsed is null)
        {
            node.Error(field, $"\"{text}\" is not a duration such as 5s, 2m or 1h");
        }

        return parsed ?? fallback;
    }
}
