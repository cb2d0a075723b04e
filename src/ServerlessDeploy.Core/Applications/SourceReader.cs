using System.Text.RegularExpressions;

namespace ServerlessDeploy.Core.Applications;

/// <summary>Reads spec.source: repository, revision, path, and the Helm, Kustomize or directory options.</summary>
internal static partial class SourceReader
{
    public static ApplicationSource Read(SpecNode source)
    {
        if (!source.Exists)
        {
            source.Error("", "required");
        }

        var repoUrl = source.String("repoURL", required: source.Exists) ?? "";
        if (SshUrl().IsMatch(repoUrl))
        {
            source.Error("repoURL", $"ssh URLs are not supported yet ({repoUrl}); use an https URL");
        }

        var revision = source.String("targetRevision") ?? "HEAD";
        var path = source.String("path") ?? ".";
        source.Unsupported("chart", "Helm repository charts; vendor the chart into Git and point path at it");
        source.Unsupported("plugin", "config management plugins");
        source.Unsupported("ref", "multiple-source references");
        var helm = source.Object("helm");
        var kustomize = source.Object("kustomize");
        var directory = source.Object("directory");
        source.RejectUnknown();
        return new ApplicationSource(repoUrl, revision, path, helm.Exists ? ReadHelm(helm) : null,
            kustomize.Exists ? ReadKustomize(kustomize) : null, directory.Exists ? ReadDirectory(directory) : null);
    }

    private static HelmSource ReadHelm(SpecNode helm)
    {
        var releaseName = helm.String("releaseName");
        var valueFiles = helm.Strings("valueFiles");
        var values = helm.String("values");
        var valuesObject = helm.Raw("valuesObject");
        var parameters = helm.Objects("parameters").Select(p =>
        {
            var parameter = new HelmParameter(p.String("name", required: true) ?? "", p.String("value") ?? "", p.Bool("forceString"));
            p.RejectUnknown();
            return parameter;
        }).ToList();
        helm.Unsupported("fileParameters", "Helm file parameters");
        helm.Unsupported("version", "choosing the Helm version (Helm 4 is used)");
        helm.Unsupported("passCredentials", "Helm repository credentials (charts are read from Git)");
        var skipCrds = helm.Bool("skipCrds");
        var ignoreMissing = helm.Bool("ignoreMissingValueFiles");
        helm.RejectUnknown();
        return new HelmSource(releaseName, valueFiles, values, valuesObject?.ToJsonString(), parameters, skipCrds, ignoreMissing);
    }

    private static KustomizeSource ReadKustomize(SpecNode kustomize)
    {
        var result = new KustomizeSource(kustomize.Strings("images"), kustomize.String("namePrefix"), kustomize.String("nameSuffix"), kustomize.StringMap("commonLabels"));
        kustomize.Unsupported("commonAnnotations", "common annotations");
        kustomize.Unsupported("patches", "inline patches; put them in kustomization.yaml");
        kustomize.Unsupported("replicas", "replica overrides; put them in kustomization.yaml");
        kustomize.Unsupported("version", "choosing the kustomize version (kubectl's kustomize 5.7 is used)");
        kustomize.RejectUnknown();
        return result;
    }

    private static DirectorySource ReadDirectory(SpecNode directory)
    {
        var result = new DirectorySource(directory.Bool("recurse"), directory.String("include"), directory.String("exclude"));
        directory.Unsupported("jsonnet", "Jsonnet");
        directory.RejectUnknown();
        return result;
    }

    [GeneratedRegex(@"^(ssh://|[\w.-]+@[\w.-]+:)")]
    private static partial Regex SshUrl();
}
