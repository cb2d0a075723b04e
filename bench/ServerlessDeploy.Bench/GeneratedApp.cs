namespace ServerlessDeploy.Bench;

/// <summary>A plain-YAML Application of N resources (Deployments, Services and ConfigMaps in equal parts) in a temporary folder.</summary>
internal sealed class GeneratedApp : IDisposable
{
    public GeneratedApp(int size)
    {
        Root = Directory.CreateTempSubdirectory($"sdeploy-bench-{size}-").FullName;
        var manifests = Path.Combine(Root, "manifests");
        Directory.CreateDirectory(manifests);
        foreach (var (file, yaml) in Files(size))
        {
            File.WriteAllText(Path.Combine(manifests, file), yaml);
        }

        ApplicationFile = Path.Combine(Root, "app.yaml");
        File.WriteAllText(ApplicationFile, """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata:
              name: bench
            spec:
              source:
                repoURL: .
                path: manifests
              destination:
                server: https://kubernetes.default.svc
                namespace: bench
            """);
    }

    public string Root { get; }

    public string ApplicationFile { get; }

    public string Manifests => Path.Combine(Root, "manifests");

    /// <summary>The app's manifest files (name, YAML): the namespace bench, then N resources, a third each of every kind.</summary>
    public static IEnumerable<(string File, string Yaml)> Files(int size)
    {
        yield return ("00-namespace.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: bench\n");
        for (var i = 0; i < size; i++)
        {
            yield return ($"r{i:D5}.yaml", (i % 3) switch
            {
                0 => Deployment(i),
                1 => Service(i),
                _ => ConfigMap(i),
            });
        }
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private static string Deployment(int i) => $"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: app-{i}
          namespace: bench
        spec:
          replicas: 1
          selector:
            matchLabels: {"{"}app: app-{i}{"}"}
          template:
            metadata:
              labels: {"{"}app: app-{i}{"}"}
            spec:
              containers:
                - name: app
                  image: registry.example.com/app:1.0.{i}
                  ports:
                    - containerPort: 8080
        """;

    private static string Service(int i) => $"""
        apiVersion: v1
        kind: Service
        metadata:
          name: svc-{i}
          namespace: bench
        spec:
          selector: {"{"}app: app-{i}{"}"}
          ports:
            - port: 80
              targetPort: 8080
        """;

    private static string ConfigMap(int i) => $"""
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: config-{i}
          namespace: bench
        data:
          index: "{i}"
          greeting: hello from resource {i}
        """;
}
