using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.Api;
using ServerlessDeploy.LocalCluster.Resources;

namespace ServerlessDeploy.LocalCluster.Admission;

/// <summary>What happens to a body before it is stored: kind defaults, then field validation per the request's directive.</summary>
internal sealed class Admission(KindDefaults defaults, Func<JsonObject, ResourceType, IReadOnlyList<string>> unknownFields)
{
    public void OnCreate(ResourceType type, JsonObject body, WriteOptions options)
    {
        ValidateFields(type, body, options);
        defaults.OnCreate(type, body);
    }

    public void OnUpdate(ResourceType type, JsonObject body, WriteOptions options) => ValidateFields(type, body, options);

    private void ValidateFields(ResourceType type, JsonObject body, WriteOptions options)
    {
        if (options.FieldValidation == "Ignore")
        {
            return;
        }

        var unknown = unknownFields(body, type);
        if (unknown.Count == 0)
        {
            return;
        }

        if (options.FieldValidation == "Strict")
        {
            var listed = string.Join(", ", unknown.Select(f => $"unknown field \"{f}\""));
            throw Errors.BadRequest($"strict decoding error: {listed}");
        }

        options.Warnings.AddRange(unknown.Select(f => $"unknown field \"{f}\""));
    }
}
