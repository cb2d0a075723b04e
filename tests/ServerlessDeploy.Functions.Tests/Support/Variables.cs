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
    };
}
