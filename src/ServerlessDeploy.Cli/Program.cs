using ServerlessDeploy.Cli;

var parse = SdeployCommand.Build(Console.Out, Console.Error).Parse(args);
if (parse.Errors.Count > 0)
{
    // Bad flags are bad input: exit 2, as for every other invalid input.
    foreach (var error in parse.Errors)
    {
        await Console.Error.WriteLineAsync(error.Message);
    }

    return 2;
}

ServerlessDeploy.Cli.Commands.Ui.InterruptSignal.RestoreFor(parse);
return await parse.InvokeAsync();
