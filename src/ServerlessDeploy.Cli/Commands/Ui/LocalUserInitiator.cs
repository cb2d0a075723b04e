using Microsoft.AspNetCore.Http;
using ServerlessDeploy.Cli.Commands.App;
using ServerlessDeploy.Dashboard.Ports;

namespace ServerlessDeploy.Cli.Commands.Ui;

/// <summary>Locally, whoever runs `sdeploy ui` asks for every action: $USER, as the CLI's --remote requests record it.</summary>
internal sealed class LocalUserInitiator(Func<string, string?> environment) : IInitiator
{
    public string NameOf(HttpContext context) => AppSyncRemote.Requester(environment);
}
