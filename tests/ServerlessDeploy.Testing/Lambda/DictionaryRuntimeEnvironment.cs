using ServerlessDeploy.Lambda.Runtime;

namespace ServerlessDeploy.Testing.Lambda;

/// <summary>An environment made of a dictionary, so tests never touch real variables.</summary>
public sealed class DictionaryRuntimeEnvironment(IReadOnlyDictionary<string, string> variables) : IRuntimeEnvironment
{
    public string? GetVariable(string name) => variables.TryGetValue(name, out var value) ? value : null;
}
