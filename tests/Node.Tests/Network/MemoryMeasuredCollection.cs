namespace FedChain.Node.Tests.Network;

/// <summary>
/// Tests that measure the process's managed memory (GC.GetTotalMemory counts every thread), so they run
/// alone: xunit runs a collection with parallelisation disabled after the others, by itself.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasuredCollection
{
    public const string Name = "memory measured";
}
