namespace ServerlessDeploy.Functions.Tests.Published;

/// <summary>The tests of the published binary share one publish.</summary>
[CollectionDefinition(Name)]
public sealed class PublishedFunctionsCollection : ICollectionFixture<PublishedFunctions>
{
    public const string Name = "published functions";
}
