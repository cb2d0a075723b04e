using ServerlessDeploy.Cli;

return await SdeployCommand.Build(Console.Out, Console.Error).Parse(args).InvokeAsync();
