using System.Text.Json.Nodes;
using ServerlessDeploy.LocalCluster.Api;
using ServerlessDeploy.LocalCluster.OpenApi;
using ServerlessDeploy.LocalCluster.Resources;

namespace ServerlessDeploy.LocalCluster.Admission;

/// <summary>What happens to a body before it is stored: kind defaults, then field validation per the request's directive.</summary>
internal sealed class Admission(KindDefaults defaults)
{
    public void OnCreate(ResourceType type, JsonObject body, WriteOptions options)
    {
        ValidateFields(type, body, options);
        defaults.OnCreate(type, body);
    }

    public void OnUpdate(ResourceType type, JsonObject body, WriteOptions options)
    {
        ValidateFields(type, body, options);
        KindDefaults.OnEveryWrite(type, body);
    }

    private static void ValidateFields(ResourceType type, JsonObject body, WriteOptions options)
    {
        if (options.FieldValidation == "Ignore")
        {
            return;
        }

        var unknown = UnknownFieldFinder.Find(body, type);
        if (unknown.Count == 0)
        {
            return;
        }

        if (options.FieldValidation == "Strict")
        {
            throw Errors.BadRequest($"{type.Kind} in version \"{type.Version}\" cannot be handled as a {type.Kind}: {UnknownFieldFinder.StrictDecodingError(unknown)}");
        }

        options.Warnings.AddRange(unknown.Select(UnknownFieldFinder.Describe));
    }
}
