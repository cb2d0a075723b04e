namespace ServerlessDeploy.Lambda.Runtime.Tests;

/// <summary>An environment made of a dictionary, so tests never touch real variables.</summary>
internal sealed class DictionaryRuntimeEnvironment(IReadOnlyDictionary<string, string> variables) : IRuntimeEnvironment
{
    public string? GetVariable(string name) => variables.TryGetValue(name, out var value) ? value : null;
}
