namespace ServerlessDeploy.LocalCluster.OpenApi;

/// <summary>One JSON field of a model type: its wire name, its shape, and the merge semantics declared for it when it is a list.</summary>
internal sealed record ModelProperty(string JsonName, FieldShape Shape, ListSemantics? List);
