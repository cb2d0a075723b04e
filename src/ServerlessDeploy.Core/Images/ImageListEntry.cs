namespace ServerlessDeploy.Core.Images;

/// <summary>One <c>[&lt;alias&gt;=]&lt;image&gt;[:&lt;constraint&gt;]</c> of the image-list annotation.</summary>
internal sealed record ImageListEntry(string? Alias, string Name, string? Constraint)
{
    /// <summary>The alias the image is known by; an image listed without one is known by its name.</summary>
    public string Key => Alias ?? Name;
}
