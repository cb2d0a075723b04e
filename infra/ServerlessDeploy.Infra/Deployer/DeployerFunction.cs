using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Constructs;
using ServerlessDeploy.Infra.Settings;

namespace ServerlessDeploy.Infra.Deployer;

/// <summary>
/// One handler of the functions binary on <c>provided.al2023</c> (x86_64): its own role (or a role it shares with a
/// handler that needs the same rights), which may write only its own log groups (no AWSLambdaBasicExecutionRole,
/// whose statements name no resource).
/// </summary>
public sealed class DeployerFunction : Construct
{
    public Function Function { get; }
    public Role Role { get; }
    public LogGroup LogGroup { get; }

    public DeployerFunction(Construct scope, string id, string handler, FunctionSizing sizing, Code code,
        IDictionary<string, string> environment, ILayerVersion[] layers, Role? sharedRole = null) : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(sizing);
        Role = sharedRole ?? new Role(this, "Role", new RoleProps
        {
            AssumedBy = new ServicePrincipal("lambda.amazonaws.com"),
            Description = $"ServerlessDeploy {handler} function",
        });
        LogGroup = new LogGroup(this, "Logs", new LogGroupProps
        {
            Retention = RetentionDays.ONE_MONTH,
            RemovalPolicy = RemovalPolicy.DESTROY,
        });
        LogGroup.GrantWrite(Role);
        Function = new Function(this, "Function", new FunctionProps
        {
            Runtime = Runtime.PROVIDED_AL2023,
            Architecture = Architecture.X86_64,
            Handler = handler,
            Code = code,
            MemorySize = sizing.MemoryMb,
            Timeout = Duration.Seconds(sizing.TimeoutSeconds),
            ReservedConcurrentExecutions = sizing.ReservedConcurrency,
            Environment = environment,
            Layers = layers,
            Role = Role,
            LogGroup = LogGroup,
        });
    }
}
