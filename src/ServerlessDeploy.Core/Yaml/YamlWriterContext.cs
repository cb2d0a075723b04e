using YamlDotNet.Serialization;

namespace ServerlessDeploy.Core.Yaml;

/// <summary>
/// YamlDotNet's compile-time metadata for what <see cref="YamlWriter"/> writes (<see cref="YamlWriterShapes"/>), so
/// writing YAML needs no reflection and works under Native AOT. Public only because the generator declares its part
/// of the class public.
/// </summary>
[YamlStaticContext]
public sealed partial class YamlWriterContext : StaticContext;
