namespace ServerlessDeploy.Functions.Hosting;

/// <summary>The handlers the one binary carries, named as the function's Handler setting (Lambda passes it in <c>_HANDLER</c>).</summary>
internal enum HandlerName
{
    Webhook,
    Router,
    Deployer,
    CodePipeline,
}
