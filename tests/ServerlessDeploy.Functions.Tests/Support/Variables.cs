using ServerlessDeploy.Testing.Certificates;


namespace ServerlessDeploy.Functions.Tests.Support;

/// <summary>A complete set of the functions' environment variables, for tests to take from.</summary>
internal static class Variables
{
    public static Dictionary<string, string> Complete(string handler) => new()
    {
        ["_HANDLER"] = handler,
        ["INTAKE_QUEUE_URL"] = "https://sqs.eu-west-1.amazonaws.com/123456789012/intake",
        ["DEPLOY_QUEUE_URL"] = "https://sqs.eu-west-1.amazonaws.com/123456789012/deploy.fifo",
        ["TABLE_NAME"] = "serverless-deploy-state",
        ["WEBHOOK_SECRET_PARAMETER"] = "/serverless-deploy/github-webhook-secret",
        ["CONFIG_REPO_URL"] = "https://github.com/octo-org/gitops-config.git",
        ["CONFIG_BRANCH"] = "main",
        ["APPS_PATH"] = "apps",
        ["AWS_REGION"] = "eu-west-1",
        ["CLUSTERS"] = Clusters(("prod", "https://ABCDEF.gr7.eu-west-1.eks.amazonaws.com")),
        ["WAKEUP_QUEUE_URL"] = "https://sqs.eu-west-1.amazonaws.com/123456789012/wake-up",
        ["WAKEUP_QUEUE_ARN"] = "arn:aws:sqs:eu-west-1:123456789012:wake-up",
        ["SCHEDULE_GROUP_NAME"] = "ServerlessDeploy-wake-ups",
        ["SCHEDULER_ROLE_ARN"] = "arn:aws:iam::123456789012:role/ServerlessDeploy-WakeUpsSchedulerRole-ABC",
    };

    /// <summary>A CLUSTERS value with a fresh test CA for each (name, endpoint).</summary>
    public static string Clusters(params (string Name, string Endpoint)[] clusters) =>
        "[" + string.Join(",", clusters.Select(c =>
            $$"""{"name":"{{c.Name}}","endpoint":"{{c.Endpoint}}","caData":"{{TestCertificates.CaData()}}","region":"eu-west-1"}""")) + "]";
}
