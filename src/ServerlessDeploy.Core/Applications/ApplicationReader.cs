using System.Text.Json.Nodes;

namespace ServerlessDeploy.Core.Applications;

/// <summary>Reads an Argo CD Application manifest into an <see cref="Application"/>, or says which fields are wrong.</summary>
public static class ApplicationReader
{
    public static ApplicationParseResult Read(JsonObject manifest, string? sourceFile = null)
    {
        var errors = new List<string>();
        var root = new SpecNode(manifest, "", errors);
        var apiVersion = root.String("apiVersion");
        var kind = root.String("kind");
        if (apiVersion != "argoproj.io/v1alpha1" || kind != "Application")
        {
            return new ApplicationParseResult(null, [$"not an Application: apiVersion {apiVersion ?? "<none>"}, kind {kind ?? "<none>"} (want argoproj.io/v1alpha1 Application)"]);
        }

        var metadata = root.Object("metadata");
        var name = metadata.String("name", required: true) ?? "";
        var annotations = metadata.StringMap("annotations");
        ApplicationAnnotations.Check(metadata, annotations);
        var finalizers = metadata.Strings("finalizers");
        ApplicationFinalizers.Check(metadata, finalizers);
        var spec = root.Object("spec");
        if (!spec.Exists)
        {
            spec.Error("", "required");
        }

        var project = spec.String("project") ?? "default";
        spec.Unsupported("sources", "multiple sources; use spec.source");
        var source = SourceReader.Read(spec.Object("source"));
        var destination = ReadDestination(spec.Object("destination"));
        var syncPolicy = SyncPolicyReader.Read(spec.Object("syncPolicy"));
        var ignore = spec.Objects("ignoreDifferences").Select(SyncPolicyReader.ReadIgnoreDifference).ToList();
        spec.Unsupported("info", "informational fields");
        spec.Unsupported("revisionHistoryLimit", "history is kept by the state store (last 10 syncs)");
        spec.RejectUnknown();
        root.Raw("status");
        root.RejectUnknown();

        var application = new Application(name, project, source, destination, syncPolicy, ignore, annotations, finalizers, sourceFile);
        return new ApplicationParseResult(errors.Count == 0 ? application : null, errors);
    }

    private static ApplicationDestination ReadDestination(SpecNode destination)
    {
        if (!destination.Exists)
        {
            destination.Error("", "required");
        }

        var server = destination.String("server");
        var name = destination.String("name");
        if (server is not null && name is not null)
        {
            destination.Error("", "can't have both name and server defined");
        }
        else if (destination.Exists && server is null && name is null)
        {
            destination.Error("server", "server or name is required");
        }

        var ns = destination.String("namespace") ?? "";
        destination.RejectUnknown();
        return new ApplicationDestination(server, name, ns);
    }
}
