namespace FedChain.Node.Tests.EndToEnd;

/// <summary>
/// Tests that start `fedchain node` processes on anvil (and the demo, which does too). Their deadlines
/// are real seconds (a commit window, a restart inside it), so they run one class at a time and alone:
/// xunit runs a collection with parallelisation disabled after the others, by itself.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsortiumCollection
{
    public const string Name = "consortium";
}
