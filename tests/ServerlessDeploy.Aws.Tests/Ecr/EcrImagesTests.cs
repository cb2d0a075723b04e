using ServerlessDeploy.Aws.Ecr;
using ServerlessDeploy.Aws.Json;
using ServerlessDeploy.State;
using ServerlessDeploy.Testing.Http;
using ServerlessDeploy.Testing.Signing;

namespace ServerlessDeploy.Aws.Tests.Ecr;

public sealed class EcrImagesTests : IAsyncLifetime
{
    private const string Image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/shop";
    private RecordingServer _server = null!;

    public async Task InitializeAsync() => _server = await RecordingServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Every_tag_of_every_page_becomes_a_catalog_entry_with_its_digest_and_push_time()
    {
        _server
            .Answer(200, """{"imageDetails":[{"imageDigest":"sha256:aa","imageTags":["1.0.0","stable"],"imagePushedAt":1795435200.5}],"nextToken":"page-2"}""")
            .Answer(200, """{"imageDetails":[{"imageDigest":"sha256:bb","imageTags":["1.2.0"],"imagePushedAt":1795438800}]}""");

        var tags = await new EcrImages(Client()).TagsAsync(Image, CancellationToken.None);

        var pushed = new DateTimeOffset(2026, 11, 23, 12, 0, 0, 500, TimeSpan.Zero);
        Assert.Equal(
            [new CatalogImage(Image, "1.0.0", "sha256:aa", pushed), new CatalogImage(Image, "stable", "sha256:aa", pushed), new CatalogImage(Image, "1.2.0", "sha256:bb", pushed.AddSeconds(3599.5))],
            tags);
        Assert.All(_server.Requests, r => Assert.Equal("AmazonEC2ContainerRegistry_V20150921.DescribeImages", r.Header("X-Amz-Target")));
        Assert.Equal("123456789012", _server.Requests[0].Json["registryId"]!.GetValue<string>());
        Assert.Equal("team/shop", _server.Requests[0].Json["repositoryName"]!.GetValue<string>());
        Assert.Equal("TAGGED", _server.Requests[0].Json["filter"]!["tagStatus"]!.GetValue<string>());
        Assert.Null(_server.Requests[0].Json["nextToken"]);
        Assert.Equal("page-2", _server.Requests[1].Json["nextToken"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_missing_repository_is_an_error_naming_it()
    {
        _server.Answer(400, """{"__type":"RepositoryNotFoundException","message":"The repository with name 'team/shop' does not exist"}""");

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => new EcrImages(Client()).TagsAsync(Image, CancellationToken.None));

        Assert.Equal("RepositoryNotFoundException", error.ErrorCode);
        Assert.Contains("team/shop", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("docker.io/library/nginx")]
    [InlineData("12345.dkr.ecr.eu-west-1.amazonaws.com/shop")]
    [InlineData("shop")]
    public void A_name_that_is_not_an_ECR_image_is_refused(string image) =>
        Assert.Throws<ArgumentException>(() => EcrImages.Parse(image));

    private AwsJsonClient Client() =>
        new(new AwsJsonClientOptions(AwsJsonService.Ecr, TestCredentials.Region, _server.Url), _server.Http, TestCredentials.Basic);
}
