namespace ServerlessDeploy.Git;

/// <summary>
/// HTTPS credentials for a repository: a username and a password or token. Printing one never shows the password.
/// </summary>
public sealed record GitCredentials(string Username, string Password)
{
    /// <summary>The user Git hosts expect with an access token (GitHub App and fine-grained tokens).</summary>
    public const string TokenUser = "x-access-token";

    /// <summary>A token used as the password of <see cref="TokenUser"/>.</summary>
    public static GitCredentials FromToken(string token) => new(TokenUser, token);

    public override string ToString() => $"GitCredentials {{ Username = {Username}, Password = *** }}";
}
