namespace FedChain.Node.Tests.Support;

/// <summary>
/// Tests that run four node hosts in the test process (<see cref="InProcessConsortium"/>): their nodes
/// train at once on the process's threads, so they run alone, not beside other classes that train too
/// (a loaded run once saw a GC free a TorchSharp Scalar mid-call in a host's SGD step, since fixed by
/// Models/TorchScalars and Training/FlatOptimizer; running alone also keeps their windows wide).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class InProcessCollection
{
    public const string Name = "in-process consortium";
}
