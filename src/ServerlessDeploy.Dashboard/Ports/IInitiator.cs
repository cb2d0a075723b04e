using Microsoft.AspNetCore.Http;

namespace ServerlessDeploy.Dashboard.Ports;

/// <summary>
/// Who asks for an action, recorded as its initiator as Argo CD records the user: the local user when the CLI serves the
/// dashboard, the signed-in user behind a function URL.
/// </summary>
public interface IInitiator
{
    string NameOf(HttpContext context);
}
