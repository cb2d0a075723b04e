namespace ServerlessDeploy.Core.Images.WriteBack;

/// <summary>One key and its value in a mapping.</summary>
internal sealed record SpanEntry(SpanNode Key, SpanNode Value)
{
    public bool HasKey(string name) => Key is SpanScalar scalar && scalar.Value == name;
}
