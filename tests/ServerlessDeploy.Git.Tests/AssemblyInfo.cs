// The suite checks Unix file modes and symbolic links; it runs where the deployer runs.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
