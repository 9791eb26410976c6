namespace FedChain.Node.Tests.Support;

/// <summary>
/// Tests that run four node hosts in the test process (<see cref="InProcessConsortium"/>): their nodes
/// train at once on the process's threads, so they run alone, not beside other classes that train too
/// (one full run under load saw libtorch refuse a Scalar in a host's SGD step while others trained).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class InProcessCollection
{
    public const string Name = "in-process consortium";
}
