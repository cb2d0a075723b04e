using System.Text.Json;
using Amazon.CDK.Assertions;
using ServerlessDeploy.Functions.Composition;
using ServerlessDeploy.Functions.Settings;
using ServerlessDeploy.Infra.Deployer;

namespace ServerlessDeploy.Infra.Tests;

/// <summary>The render cache bucket: private, encrypted, SSL only, entries expiring; the deployer alone reads and writes under its prefix.</summary>
public sealed class RenderCacheTests(StackFixture fixture) : IClassFixture<StackFixture>
{
    private readonly Template _template = fixture.Template;

    private string Bucket => fixture.LogicalId("RenderCache/Bucket");

    private static Dictionary<string, object> Props(params (string Key, object Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value);

    [Fact]
    public void The_bucket_is_private_encrypted_retained_and_expires_entries_after_30_days()
    {
        _template.ResourceCountIs("AWS::S3::Bucket", 1);
        _template.HasResourceProperties("AWS::S3::Bucket", Props(
            ("BucketEncryption", Props(("ServerSideEncryptionConfiguration", new object[]
            {
                Props(("ServerSideEncryptionByDefault", Props(("SSEAlgorithm", "AES256")))),
            }))),
            ("PublicAccessBlockConfiguration", Props(
                ("BlockPublicAcls", true), ("BlockPublicPolicy", true), ("IgnorePublicAcls", true), ("RestrictPublicBuckets", true))),
            ("OwnershipControls", Props(("Rules", new object[] { Props(("ObjectOwnership", "BucketOwnerEnforced")) }))),
            ("LifecycleConfiguration", Props(("Rules", new object[]
            {
                Props(
                    ("Id", "expire-render-cache-entries"),
                    ("Prefix", "render-cache/"),
                    ("ExpirationInDays", 30),
                    ("AbortIncompleteMultipartUpload", Props(("DaysAfterInitiation", 1))),
                    ("Status", "Enabled")),
            })))));
        _template.HasResource("AWS::S3::Bucket", Props(("DeletionPolicy", "Retain"), ("UpdateReplacePolicy", "Retain")));
    }

    [Fact]
    public void The_bucket_denies_insecure_transport()
    {
        _template.HasResourceProperties("AWS::S3::BucketPolicy", Props(
            ("Bucket", Props(("Ref", Bucket))),
            ("PolicyDocument", Props(("Statement", Match.ArrayWith(new object[]
            {
                Match.ObjectLike(Props(
                    ("Effect", "Deny"),
                    ("Action", "s3:*"),
                    ("Condition", Props(("Bool", Props(("aws:SecureTransport", "false")))))))
            }))))));
    }

    [Fact]
    public void Only_the_deployer_is_told_the_bucket()
    {
        _template.HasResourceProperties("AWS::Lambda::Function", Handler("deployer", Props(("Ref", Bucket))));
        foreach (var handler in new[] { "webhook", "router", "codepipeline" })
        {
            _template.HasResourceProperties("AWS::Lambda::Function", Handler(handler, Match.Absent()));
        }
    }

    private static Dictionary<string, object> Handler(string handler, object bucket) =>
        Props(("Handler", handler), ("Environment", Props(("Variables", Match.ObjectLike(Props(("RENDER_CACHE_BUCKET", bucket)))))));

    [Fact]
    public void The_deployer_gets_and_puts_entries_under_the_prefix_and_lists_only_that_prefix()
    {
        var s3 = PolicyStatements.All(_template).Where(s => PolicyStatements.Actions(s.Statement).Any(a => a.StartsWith("s3:", StringComparison.Ordinal))).ToList();

        Assert.All(s3, s => Assert.Equal(fixture.LogicalId("Functions/Deployer/Role"), s.Role));
        var entries = Assert.Single(s3, s => PolicyStatements.Actions(s.Statement).Contains("s3:GetObject"));
        Assert.Equal(["s3:GetObject", "s3:PutObject"], PolicyStatements.Actions(entries.Statement));
        Assert.Equal([$"{{intrinsic}}/render-cache/*"], PolicyStatements.ResourceTexts(entries.Statement));
        Assert.Contains(Bucket, entries.Statement.GetProperty("Resource").GetRawText(), StringComparison.Ordinal);
        var listing = Assert.Single(s3, s => PolicyStatements.Actions(s.Statement).Contains("s3:ListBucket"));
        Assert.Equal(["s3:ListBucket"], PolicyStatements.Actions(listing.Statement));
        Assert.Equal($$"""{"Fn::GetAtt":["{{Bucket}}","Arn"]}""", JsonSerializer.Serialize(listing.Statement.GetProperty("Resource")));
        Assert.Equal("""{"StringLike":{"s3:prefix":"render-cache/*"}}""", JsonSerializer.Serialize(listing.Statement.GetProperty("Condition")));
        Assert.Equal(2, s3.Count);
    }

    [Fact]
    public void The_stack_and_the_functions_agree_on_the_variable_and_the_prefix()
    {
        Assert.Equal(FunctionSettingsReader.RenderCacheBucket, RenderCache.Variable);
        Assert.Equal(PipelineStages.RenderCachePrefix, RenderCache.Prefix);
        _template.HasOutput("RenderCacheBucketName", Props(("Value", Props(("Ref", Bucket)))));
    }
}
