namespace ServerlessDeploy.Core.Images.WriteBack;

/// <summary>One image reference changed in a file, at a 1-based line; the facts a commit message reports.</summary>
public sealed record ImageChange(string File, int Line, string OldReference, string NewReference);
