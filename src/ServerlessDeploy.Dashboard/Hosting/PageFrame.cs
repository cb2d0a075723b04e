namespace ServerlessDeploy.Dashboard.Hosting;

/// <summary>What the layout around every page needs: the page's title and where it sits in the navigation.</summary>
public sealed record PageFrame(string Title, string? App = null);
