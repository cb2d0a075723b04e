namespace ServerlessDeploy.Core.Triggers;

/// <summary>What a webhook delivery came to, in the domain's terms; a host maps it to its own answer (an HTTP status).</summary>
public enum WebhookVerdict
{
    /// <summary>A push that becomes a trigger.</summary>
    Accepted,

    /// <summary>A delivery that concerns nothing to deploy (another event type, a tag, a deleted branch).</summary>
    Ignored,

    /// <summary>GitHub's <c>ping</c>, answered so the hook shows as working.</summary>
    Pong,

    /// <summary>Not signed with the secret: never read further.</summary>
    Unauthorized,

    /// <summary>Larger than <see cref="GitHubWebhook.MaxBodyBytes"/>: never read further.</summary>
    TooLarge,

    /// <summary>Signed, but unreadable: no event header, not JSON, a push payload missing what it needs.</summary>
    Malformed,

    /// <summary>A readable push that names no commit (before/after not a commit id), so it cannot concern any app.</summary>
    Rejected,
}
