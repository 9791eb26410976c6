namespace FedChain.Node.Tests.EndToEnd;

/// <summary>
/// Tests that run a consortium of `fedchain node` processes on anvil. Their deadlines are real
/// seconds (a commit window, a restart inside it), so they run one class at a time instead of
/// sharing the machine's two cores with each other.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ConsortiumCollection
{
    public const string Name = "consortium";
}
