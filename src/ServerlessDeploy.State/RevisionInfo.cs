namespace ServerlessDeploy.State;

/// <summary>Who made the deployed commit and what it says, so a reader shows it without opening Git.</summary>
public sealed record RevisionInfo(string Author, string Message);
