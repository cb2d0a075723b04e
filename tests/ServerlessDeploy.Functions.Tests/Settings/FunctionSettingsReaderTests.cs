using ServerlessDeploy.Functions.Hosting;
using ServerlessDeploy.Functions.Settings;
using ServerlessDeploy.Functions.Tests.Support;
using ServerlessDeploy.Lambda.Runtime.Tests;

namespace ServerlessDeploy.Functions.Tests.Settings;

public sealed class FunctionSettingsReaderTests
{
    [Fact]
    public void Every_variable_set_gives_the_typed_settings()
    {
        var settings = FunctionSettingsReader.Read(new DictionaryRuntimeEnvironment(Variables.Complete("router")));

        Assert.Equal(
            new FunctionSettings(
                HandlerName.Router,
                "https://sqs.eu-west-1.amazonaws.com/123456789012/intake",
                "https://sqs.eu-west-1.amazonaws.com/123456789012/deploy.fifo",
                "serverless-deploy-state",
                "/serverless-deploy/github-webhook-secret",
                "https://github.com/octo-org/gitops-config.git",
                "main",
                "apps"),
            settings);
    }

    [Fact]
    public void Every_missing_variable_is_named_in_one_error()
    {
        var variables = Variables.Complete("deployer");
        variables.Remove("TABLE_NAME");
        variables.Remove("CONFIG_REPO_URL");
        variables["APPS_PATH"] = "  ";

        var error = Assert.Throws<FunctionSettingsException>(() => FunctionSettingsReader.Read(new DictionaryRuntimeEnvironment(variables)));

        Assert.Equal("The function cannot start: missing environment variable(s): TABLE_NAME, CONFIG_REPO_URL, APPS_PATH.", error.Message);
    }

    [Fact]
    public void An_unknown_handler_names_the_ones_there_are()
    {
        var variables = Variables.Complete("Function::Handler");
        variables.Remove("CONFIG_BRANCH");

        var error = Assert.Throws<FunctionSettingsException>(() => FunctionSettingsReader.Read(new DictionaryRuntimeEnvironment(variables)));

        Assert.Contains("CONFIG_BRANCH", error.Message, StringComparison.Ordinal);
        Assert.Contains("_HANDLER is 'Function::Handler'; expected one of: webhook, router, deployer, codepipeline", error.Message, StringComparison.Ordinal);
    }
}
