// The jsii runtime behind Amazon.CDK.Lib is one Node process per test process, and its client is not safe for
// concurrent use: two test classes synthesizing at once read each other's answers. So these tests run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
