namespace ServerlessDeploy.Dashboard.Actions;

/// <summary>Why an action was not submitted: a form naming something the app does not have, or a pipeline not configured.</summary>
public sealed record ActionRefusal(string App, string Problem);
