using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.S3;
using Constructs;

namespace ServerlessDeploy.Infra.Deployer;

/// <summary>
/// The deployer's render cache: a private, encrypted, SSL-only bucket whose entries expire after <see cref="ExpiryDays"/>
/// days (an entry still in use is rendered again then, once). The deployer may read, write and list under
/// <see cref="Prefix"/> only, and is told the bucket in RENDER_CACHE_BUCKET. Listing is granted so that S3 answers a key
/// that is not there with 404 (a miss) rather than 403.
/// </summary>
public sealed class RenderCache : Construct
{
    /// <summary>Where the entries are in the bucket; the functions write under the same prefix (PipelineStages.RenderCachePrefix).</summary>
    public const string Prefix = "render-cache/";

    public const string Variable = "RENDER_CACHE_BUCKET";

    public const int ExpiryDays = 30;

    /// <summary>Exactly the calls the S3 render cache makes on an entry.</summary>
    public static readonly string[] EntryActions = ["s3:GetObject", "s3:PutObject"];

    public Bucket Bucket { get; }

    public RenderCache(Construct scope, string id, DeployerFunction deployer) : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(deployer);
        Bucket = new Bucket(this, "Bucket", new BucketProps
        {
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            ObjectOwnership = ObjectOwnership.BUCKET_OWNER_ENFORCED,
            Encryption = BucketEncryption.S3_MANAGED,
            EnforceSSL = true,
            LifecycleRules =
            [
                new LifecycleRule
                {
                    Id = "expire-render-cache-entries",
                    Prefix = Prefix,
                    Expiration = Duration.Days(ExpiryDays),
                    AbortIncompleteMultipartUploadAfter = Duration.Days(1),
                },
            ],
            // As the state table: the stack's data outlives the stack; the lifecycle rule empties it.
            RemovalPolicy = RemovalPolicy.RETAIN,
        });
        deployer.Role.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = EntryActions,
            Resources = [Bucket.ArnForObjects(Prefix + "*")],
        }));
        deployer.Role.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = ["s3:ListBucket"],
            Resources = [Bucket.BucketArn],
            Conditions = new Dictionary<string, object>
            {
                ["StringLike"] = new Dictionary<string, object> { ["s3:prefix"] = Prefix + "*" },
            },
        }));
        deployer.Function.AddEnvironment(Variable, Bucket.BucketName);
    }
}
