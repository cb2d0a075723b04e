using Amazon.Runtime;

namespace ServerlessDeploy.Testing.Signing;

/// <summary>The example keys of the AWS documentation, for signing requests to the recording server.</summary>
public static class TestCredentials
{
    public const string AccessKey = "AKIAIOSFODNN7EXAMPLE";
    public const string SecretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    public const string Region = "eu-west-1";

    public static AWSCredentials Basic => new BasicAWSCredentials(AccessKey, SecretKey);
}
