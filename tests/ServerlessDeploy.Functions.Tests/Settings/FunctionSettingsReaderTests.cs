using ServerlessDeploy.Functions.Hosting;
using ServerlessDeploy.Functions.Settings;
using ServerlessDeploy.Functions.Tests.Support;
using ServerlessDeploy.Pipeline.Notifications.Webhooks;
using ServerlessDeploy.Testing.Lambda;

namespace ServerlessDeploy.Functions.Tests.Settings;

public sealed class FunctionSettingsReaderTests
{
    [Fact]
    public void Every_variable_set_gives_the_typed_settings()
    {
        var variables = Variables.Complete("deployer");
        variables["GIT_TOKEN_PARAMETER"] = "/serverless-deploy/github-token";
        variables["GITHUB_HOSTS"] = " github.example.com , GHE.Corp.Example";
        variables["EVENT_BUS_NAME"] = "deploys";
        variables["CHAT_WEBHOOK_PARAMETERS"] = " slack=/sd/slack , Teams=/sd/teams,discord=/sd/discord";
        variables["GIT_CACHE_DIR"] = "/tmp/git-cache";
        variables["GIT_COMMIT_AUTHOR_NAME"] = "Release Bot";
        variables["GIT_COMMIT_AUTHOR_EMAIL"] = "bot@example.com";
        variables["GIT_COMMIT_MESSAGE_TEMPLATE"] = "chore: bump {app}\n\n{changes}";

        var settings = Read(variables);

        Assert.Equal(
            new FunctionSettings(
                HandlerName.Deployer,
                "https://sqs.eu-west-1.amazonaws.com/123456789012/intake",
                "https://sqs.eu-west-1.amazonaws.com/123456789012/deploy.fifo",
                "serverless-deploy-state",
                "/serverless-deploy/github-webhook-secret",
                "https://github.com/octo-org/gitops-config.git",
                "main",
                "apps"),
            settings with { Clusters = [], ChatWebhooks = [], GitTokenParameter = null, GitHubHosts = [], EventBusName = "default", Region = null, GitCacheDirectory = FunctionSettings.DefaultGitCacheDirectory, ImageUpdates = Pipeline.Images.ImageUpdateSettings.Default, WakeUps = null });
        Assert.Equal(new Pipeline.Images.ImageUpdateSettings(new Core.Sources.CommitIdentity("Release Bot", "bot@example.com"), "chore: bump {app}\n\n{changes}"), settings.ImageUpdates);
        var cluster = Assert.Single(settings.Clusters);
        Assert.Equal(("prod", new Uri("https://abcdef.gr7.eu-west-1.eks.amazonaws.com"), "eu-west-1", (string?)null), (cluster.Name, cluster.Endpoint, cluster.Region, cluster.RoleArn));
        Assert.Equal("/serverless-deploy/github-token", settings.GitTokenParameter);
        Assert.Equal(["github.example.com", "ghe.corp.example"], settings.GitHubHosts);
        Assert.Equal("deploys", settings.EventBusName);
        Assert.Equal(
            [new(ChatService.Slack, "/sd/slack"), new(ChatService.Teams, "/sd/teams"), new(ChatService.Discord, "/sd/discord")],
            settings.ChatWebhooks);
        Assert.Equal("eu-west-1", settings.Region);
        Assert.Equal("/tmp/git-cache", settings.GitCacheDirectory);
        Assert.Equal(
            new WakeUpSettings(
                "https://sqs.eu-west-1.amazonaws.com/123456789012/wake-up",
                "arn:aws:sqs:eu-west-1:123456789012:wake-up",
                "ServerlessDeploy-wake-ups",
                "arn:aws:iam::123456789012:role/ServerlessDeploy-WakeUpsSchedulerRole-ABC"),
            settings.WakeUps);
    }

    [Fact]
    public void Optional_variables_take_their_defaults()
    {
        var settings = Read(Only("router", "DEPLOY_QUEUE_URL", "CONFIG_REPO_URL", "TABLE_NAME", "AWS_REGION"));

        Assert.Equal(("main", "apps", "default", "/tmp/serverless-deploy/git"), (settings.ConfigBranch, settings.AppsPath, settings.EventBusName, settings.GitCacheDirectory));
        Assert.Null(settings.GitTokenParameter);
        Assert.Empty(settings.GitHubHosts);
        Assert.Empty(settings.ChatWebhooks);
        Assert.Empty(settings.Clusters);
        Assert.Equal("", settings.IntakeQueueUrl);
        Assert.Equal(Pipeline.Images.ImageUpdateSettings.Default, settings.ImageUpdates);
        Assert.Null(settings.WakeUps);
    }

    [Theory]
    [InlineData("webhook", "INTAKE_QUEUE_URL, WEBHOOK_SECRET_PARAMETER, AWS_REGION")]
    [InlineData("router", "DEPLOY_QUEUE_URL, TABLE_NAME, CONFIG_REPO_URL, AWS_REGION")]
    [InlineData("deployer", "DEPLOY_QUEUE_URL, TABLE_NAME, CONFIG_REPO_URL, CLUSTERS, WAKEUP_QUEUE_URL, WAKEUP_QUEUE_ARN, SCHEDULE_GROUP_NAME, SCHEDULER_ROLE_ARN, AWS_REGION")]
    [InlineData("codepipeline", "TABLE_NAME, CONFIG_REPO_URL, CLUSTERS, AWS_REGION")]
    public void Each_handler_names_every_variable_it_cannot_start_without(string handler, string missing)
    {
        var error = Assert.Throws<FunctionSettingsException>(() => Read(Only(handler)));

        Assert.Equal($"The function cannot start: missing environment variable(s): {missing}.", error.Message);
    }

    [Theory]
    [InlineData("router")]
    [InlineData("codepipeline")]
    [InlineData("webhook")]
    public void Only_the_deployer_needs_the_wake_up_variables(string handler)
    {
        var variables = Variables.Complete(handler);
        foreach (var name in new[] { "WAKEUP_QUEUE_URL", "WAKEUP_QUEUE_ARN", "SCHEDULE_GROUP_NAME", "SCHEDULER_ROLE_ARN" })
        {
            variables.Remove(name);
        }

        Assert.Null(Read(variables).WakeUps);
    }

    [Fact]
    public void A_deployer_without_one_wake_up_variable_names_it()
    {
        var variables = Variables.Complete("deployer");
        variables["SCHEDULER_ROLE_ARN"] = " ";

        var error = Assert.Throws<FunctionSettingsException>(() => Read(variables));

        Assert.Equal("The function cannot start: missing environment variable(s): SCHEDULER_ROLE_ARN.", error.Message);
    }

    [Theory]
    [InlineData("WAKEUP_QUEUE_URL", "file:///tmp/wake-up.jsonl", "WAKEUP_QUEUE_URL is a file:// queue, but wake-ups need an SQS queue (Scheduler delivers the long ones by its ARN)")]
    [InlineData("WAKEUP_QUEUE_URL", "https://sqs.eu-west-1.amazonaws.com/123456789012/wake-up.fifo", "WAKEUP_QUEUE_URL is a FIFO queue, but wake-ups need a standard queue (FIFO queues refuse per-message delays)")]
    [InlineData("WAKEUP_QUEUE_URL", "http://sqs.eu-west-1.amazonaws.com/123456789012/wake-up", "WAKEUP_QUEUE_URL is 'http://sqs.eu-west-1.amazonaws.com/123456789012/wake-up'; expected an SQS queue URL (https://sqs.<region>.amazonaws.com/<account>/<queue>)")]
    [InlineData("WAKEUP_QUEUE_URL", "https://sqs.eu-west-1.amazonaws.com/wake-up", "WAKEUP_QUEUE_URL is 'https://sqs.eu-west-1.amazonaws.com/wake-up'; expected an SQS queue URL (https://sqs.<region>.amazonaws.com/<account>/<queue>)")]
    [InlineData("WAKEUP_QUEUE_ARN", "arn:aws:sqs:eu-west-1:123456789012:wake-up.fifo", "WAKEUP_QUEUE_ARN is a FIFO queue, but wake-ups need a standard queue (FIFO queues refuse per-message delays)")]
    [InlineData("WAKEUP_QUEUE_ARN", "wake-up", "WAKEUP_QUEUE_ARN is 'wake-up'; expected an SQS queue ARN (arn:aws:sqs:<region>:<account>:<queue>)")]
    [InlineData("WAKEUP_QUEUE_ARN", "arn:aws:sqs:eu-west-1:123456789012:other", "WAKEUP_QUEUE_ARN names queue other in account 123456789012, but WAKEUP_QUEUE_URL names queue wake-up in account 123456789012; both must name the wake-up queue")]
    [InlineData("WAKEUP_QUEUE_ARN", "arn:aws:sqs:eu-west-1:210987654321:wake-up", "WAKEUP_QUEUE_ARN names queue wake-up in account 210987654321, but WAKEUP_QUEUE_URL names queue wake-up in account 123456789012; both must name the wake-up queue")]
    [InlineData("SCHEDULE_GROUP_NAME", "wake ups/prod", "SCHEDULE_GROUP_NAME is 'wake ups/prod'; expected a schedule group name of at most 64 characters of [0-9a-zA-Z-_.]")]
    [InlineData("SCHEDULER_ROLE_ARN", "arn:aws:iam::123456789012:user/deployer", "SCHEDULER_ROLE_ARN is 'arn:aws:iam::123456789012:user/deployer'; expected an IAM role ARN (arn:aws:iam::<account>:role/<name>)")]
    public void A_wrong_wake_up_variable_is_named_with_what_was_expected(string name, string value, string expected)
    {
        var variables = Variables.Complete("deployer");
        variables[name] = value;

        var error = Assert.Throws<FunctionSettingsException>(() => Read(variables));

        Assert.Equal($"The function cannot start: {expected}.", error.Message);
    }

    [Fact]
    public void A_wrong_wake_up_variable_is_named_for_any_handler_that_is_given_it()
    {
        var variables = Variables.Complete("router");
        variables["SCHEDULE_GROUP_NAME"] = new string('g', 65);

        var error = Assert.Throws<FunctionSettingsException>(() => Read(variables));

        Assert.StartsWith("The function cannot start: SCHEDULE_GROUP_NAME is 'ggg", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_webhook_on_local_files_needs_no_region()
    {
        var variables = Only("webhook");
        variables["INTAKE_QUEUE_URL"] = "file:///tmp/intake.jsonl";
        variables["WEBHOOK_SECRET_PARAMETER"] = "file:///tmp/webhook.secret";

        Assert.Null(Read(variables).Region);
    }

    [Fact]
    public void The_render_cache_bucket_is_read_and_absent_when_unset()
    {
        var variables = Variables.Complete("deployer");
        Assert.Null(Read(variables).RenderCacheBucket);

        variables["RENDER_CACHE_BUCKET"] = " sdeploy-rendercache-1a2b3c ";
        Assert.Equal("sdeploy-rendercache-1a2b3c", Read(variables).RenderCacheBucket);
    }

    [Theory]
    [InlineData("Render-Cache")]
    [InlineData("s3://render-cache")]
    [InlineData("rc")]
    [InlineData("render-cache-")]
    public void A_render_cache_bucket_that_is_no_bucket_name_is_named(string bucket)
    {
        var variables = Variables.Complete("deployer");
        variables["RENDER_CACHE_BUCKET"] = bucket;

        var error = Assert.Throws<FunctionSettingsException>(() => Read(variables));

        Assert.Equal(
            $"The function cannot start: RENDER_CACHE_BUCKET is '{bucket}'; it must be an S3 bucket name: 3 to 63 lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit.",
            error.Message);
    }

    [Fact]
    public void Missing_and_invalid_variables_come_in_one_error()
    {
        var variables = Variables.Complete("deployer");
        variables.Remove("TABLE_NAME");
        variables["CONFIG_REPO_URL"] = "  ";
        variables["DEPLOY_QUEUE_URL"] = "file:///tmp/deploy.jsonl";
        variables["CHAT_WEBHOOK_PARAMETERS"] = "slack=/sd/slack,irc=/sd/irc";
        variables["GIT_CACHE_DIR"] = "cache";
        variables.Remove("WAKEUP_QUEUE_ARN");
        variables["WAKEUP_QUEUE_URL"] = "https://sqs.eu-west-1.amazonaws.com/123456789012/wake-up.fifo";

        var error = Assert.Throws<FunctionSettingsException>(() => Read(variables));

        Assert.Equal(
            "The function cannot start: missing environment variable(s): TABLE_NAME, CONFIG_REPO_URL, WAKEUP_QUEUE_ARN; "
            + "CHAT_WEBHOOK_PARAMETERS entry 'irc=/sd/irc' is not slack|teams|discord=<ssm parameter name>; "
            + "WAKEUP_QUEUE_URL is a FIFO queue, but wake-ups need a standard queue (FIFO queues refuse per-message delays); "
            + "GIT_CACHE_DIR is 'cache'; it must be an absolute folder (in Lambda, under /tmp); "
            + "DEPLOY_QUEUE_URL is a file:// queue, but the deployer needs an SQS queue (it changes message visibility).",
            error.Message);
    }

    [Fact]
    public void GitHub_hosts_that_are_not_bare_host_names_are_named_by_position_without_their_value()
    {
        var variables = Variables.Complete("router");
        variables["GITHUB_HOSTS"] = "github.example.com,https://x-access-token:ghp_secret@ghe.example.com,ghe.example.com:8443";

        var error = Assert.Throws<FunctionSettingsException>(() => Read(variables));

        Assert.Equal(
            "The function cannot start: "
            + "GITHUB_HOSTS entry 2 is not a host name such as github.example.com (no scheme, user, port or path); "
            + "GITHUB_HOSTS entry 3 is not a host name such as github.example.com (no scheme, user, port or path).",
            error.Message);
    }

    [Fact]
    public void An_unknown_handler_names_the_ones_there_are()
    {
        var variables = Variables.Complete("Function::Handler");

        var error = Assert.Throws<FunctionSettingsException>(() => Read(variables));

        Assert.Equal("The function cannot start: _HANDLER is 'Function::Handler'; expected one of: webhook, router, deployer, codepipeline.", error.Message);
    }

    [Theory]
    [InlineData("{not json", "CLUSTERS is not JSON (")]
    [InlineData("[]", "CLUSTERS must be a non-empty JSON array of {\"name\",\"endpoint\",\"caData\",\"region\",\"roleArn\"?,\"clusterRead\"?}")]
    [InlineData("""{"name":"prod"}""", "CLUSTERS must be a non-empty JSON array")]
    [InlineData("""["prod"]""", "CLUSTERS[0] is not an object")]
    [InlineData("""[{"name":"prod","region":"eu-west-1"}]""", "CLUSTERS[0] lacks endpoint, caData")]
    [InlineData("""[{"name":"prod","endpoint":"eks","caData":"eA==","region":"eu-west-1"}]""", "CLUSTERS[0] (prod): endpoint is not an absolute URL")]
    [InlineData("""[{"name":"prod","endpoint":"https://eks","caData":"not base64!","region":"Ireland","roleArn":"deployer"}]""",
        "CLUSTERS[0] (prod): region \"Ireland\" is not a region name such as eu-west-1; CLUSTERS[0] (prod): caData is not base64 of a PEM certificate; CLUSTERS[0] (prod): roleArn \"deployer\" is not an IAM role ARN")]
    [InlineData("""[{"name":"prod","endpoint":"https://eks","caData":"eA==","region":"eu-west-1","clusterRead":"no"}]""", "CLUSTERS[0] (prod): clusterRead is not true or false.")]
    [InlineData("""[{"name":"prod","endpoint":"https://eks","caData":"eA==","region":"eu-west-1","clusterRead":1}]""", "CLUSTERS[0] (prod): clusterRead is not true or false.")]
    public void Cluster_problems_name_the_entry_and_field(string clusters, string expected)
    {
        var variables = Variables.Complete("deployer");
        variables["CLUSTERS"] = clusters;

        var error = Assert.Throws<FunctionSettingsException>(() => Read(variables));

        Assert.StartsWith($"The function cannot start: {expected}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", true)]
    [InlineData(""","clusterRead":null""", true)]
    [InlineData(""","clusterRead":true""", true)]
    [InlineData(""","clusterRead":false""", false)]
    public void Cluster_read_is_on_unless_the_entry_turns_it_off(string field, bool expected)
    {
        var variables = Variables.Complete("deployer");
        variables["CLUSTERS"] = Variables.Clusters(("prod", "https://a.example.com")).Replace("}]", field + "}]", StringComparison.Ordinal);

        Assert.Equal(expected, Assert.Single(Read(variables).Clusters).ClusterRead);
    }

    [Fact]
    public void A_cluster_named_twice_is_refused()
    {
        var variables = Variables.Complete("deployer");
        variables["CLUSTERS"] = Variables.Clusters(("prod", "https://a.example.com"), ("prod", "https://b.example.com"));

        var error = Assert.Throws<FunctionSettingsException>(() => Read(variables));

        Assert.Equal("The function cannot start: CLUSTERS names cluster prod more than once.", error.Message);
    }

    [Fact]
    public void A_cluster_problem_never_echoes_the_CA_data()
    {
        var variables = Variables.Complete("deployer");
        variables["CLUSTERS"] = Variables.Clusters(("prod", "https://a.example.com")).Replace("eu-west-1", "Ireland", StringComparison.Ordinal);
        var caData = System.Text.Json.JsonDocument.Parse(variables["CLUSTERS"]).RootElement[0].GetProperty("caData").GetString()!;

        var error = Assert.Throws<FunctionSettingsException>(() => Read(variables));

        Assert.DoesNotContain(caData[..40], error.Message, StringComparison.Ordinal);
    }

    private static FunctionSettings Read(Dictionary<string, string> variables) =>
        FunctionSettingsReader.Read(new DictionaryRuntimeEnvironment(variables));

    private static Dictionary<string, string> Only(string handler, params string[] names)
    {
        var complete = Variables.Complete(handler);
        return complete.Where(v => v.Key == "_HANDLER" || names.Contains(v.Key)).ToDictionary();
    }
}
