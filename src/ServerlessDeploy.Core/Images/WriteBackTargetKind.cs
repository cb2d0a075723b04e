namespace ServerlessDeploy.Core.Images;

/// <summary>The file a Git write-back edits instead of the default <c>.argocd-source-&lt;app&gt;.yaml</c>.</summary>
public enum WriteBackTargetKind
{
    /// <summary>The <c>images:</c> list of a kustomization.yaml.</summary>
    Kustomization,

    /// <summary>The configured Helm image keys in a values file.</summary>
    HelmValues,
}
