using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.JsonPatch.SystemTextJson;
using ServerlessDeploy.LocalCluster.Api;

namespace ServerlessDeploy.LocalCluster.Patching;

/// <summary>RFC 6902 JSON patch, applied with ASP.NET Core's JsonPatch on the JSON form of the object.</summary>
internal static class JsonPatch
{
    public static JsonObject Apply(JsonObject target, string patch)
    {
        JsonPatchDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<JsonPatchDocument>(patch);
        }
        catch (JsonException e)
        {
            throw Errors.BadRequest($"the server rejected our request due to an error in our request: invalid JSON patch: {e.Message}");
        }

        var result = (JsonObject)target.DeepClone();
        string? failure = null;
        document?.ApplyTo(result, error => failure ??= error.ErrorMessage);
        if (failure is not null)
        {
            throw new StatusException(422, "Invalid", $"the server rejected our request due to an error in our request: {failure}");
        }

        return result;
    }
}
