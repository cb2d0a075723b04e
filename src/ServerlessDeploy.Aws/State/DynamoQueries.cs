using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace ServerlessDeploy.Aws.State;

/// <summary>Reads every page of a query: DynamoDB stops a page at 1 MB (or the request's limit) and hands back where to go on.</summary>
internal static class DynamoQueries
{
    public static async Task<List<Dictionary<string, AttributeValue>>> AllPagesAsync(
        this IAmazonDynamoDB dynamo, QueryRequest request, CancellationToken cancellationToken)
    {
        var items = new List<Dictionary<string, AttributeValue>>();
        do
        {
            var page = await dynamo.QueryAsync(request, cancellationToken);
            items.AddRange(page.Items ?? []);
            request.ExclusiveStartKey = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (request.ExclusiveStartKey is not null);

        return items;
    }
}
