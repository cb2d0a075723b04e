using Amazon.CDK.Assertions;
using ServerlessDeploy.Infra.Settings;

namespace ServerlessDeploy.Infra.Tests;

/// <summary>
/// The CodeCommit rule passes on the pushes of the watched repositories only (the config repository and those named in
/// codeCommitRepositories), every repository's with "*", and is left out when no CodeCommit repository is watched.
/// </summary>
public sealed class CodeCommitRuleTests(
    CodeCommitRuleTests.NamedFixture named, CodeCommitRuleTests.AllFixture all, CodeCommitRuleTests.GitHubConfigFixture gitHub)
    : IClassFixture<CodeCommitRuleTests.NamedFixture>, IClassFixture<CodeCommitRuleTests.AllFixture>, IClassFixture<CodeCommitRuleTests.GitHubConfigFixture>
{
    /// <summary>The config repository in CodeCommit (gitops-config, also named in the list) and two app repositories.</summary>
    public sealed class NamedFixture() : StackFixture(context => context[InfraSettings.CodeCommitRepositoriesKey] = "shop-web, gitops-config, shop-api");

    public sealed class AllFixture() : StackFixture(context => context[InfraSettings.CodeCommitRepositoriesKey] = "*");

    public sealed class GitHubConfigFixture() : StackFixture(context => context[InfraSettings.ConfigRepositoryUrlKey] = "https://github.com/acme/gitops");

    private static readonly string[] ReferenceChanges = ["referenceCreated", "referenceUpdated"];

    private static Dictionary<string, object> Props(params (string Key, object Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value);

    private static Dictionary<string, object> CodeCommitPattern(object detail) => Props(("EventPattern", Props(
        ("source", new[] { "aws.codecommit" }),
        ("detail-type", new[] { "CodeCommit Repository State Change" }),
        ("detail", detail))));

    [Fact]
    public void The_rule_matches_the_config_repository_and_the_named_ones_by_the_repositoryName_the_events_carry()
    {
        named.Template.HasResourceProperties("AWS::Events::Rule", CodeCommitPattern(Props(
            ("event", ReferenceChanges),
            ("repositoryName", new[] { "gitops-config", "shop-web", "shop-api" }))));
    }

    [Fact]
    public void Star_matches_every_repository_as_before()
    {
        all.Template.HasResourceProperties("AWS::Events::Rule", CodeCommitPattern(Props(
            ("event", ReferenceChanges),
            ("repositoryName", Match.Absent()))));
    }

    [Fact]
    public void Without_a_CodeCommit_repository_to_watch_there_is_no_CodeCommit_rule()
    {
        gitHub.Template.ResourceCountIs("AWS::Events::Rule", 1);
        gitHub.Template.HasResourceProperties("AWS::Events::Rule", Props(("EventPattern", Props(("source", new[] { "aws.ecr" })))));
    }

    [Fact]
    public void Router_and_deployer_may_pull_each_watched_repository()
    {
        foreach (var role in new[] { "Router", "Deployer" })
        {
            var pulled = PolicyStatements.All(named.Template)
                .Where(s => s.Role == named.LogicalId($"Functions/{role}/Role") && PolicyStatements.Actions(s.Statement).Contains("codecommit:GitPull"))
                .SelectMany(s => PolicyStatements.LiteralResources(s.Statement))
                .Order(StringComparer.Ordinal);
            Assert.Equal(
                ["arn:aws:codecommit:eu-west-1:111111111111:gitops-config", "arn:aws:codecommit:eu-west-1:111111111111:shop-api", "arn:aws:codecommit:eu-west-1:111111111111:shop-web"],
                pulled);
        }
    }
}
