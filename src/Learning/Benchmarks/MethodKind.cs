namespace FedChain.Learning.Benchmarks;

/// <summary>How a benchmark method trains.</summary>
public enum MethodKind
{
    /// <summary>Every site's train rows in one place.</summary>
    Pooled,
    /// <summary>One site's train rows only.</summary>
    Local,
    /// <summary>A federated plan, run through <see cref="Simulation.FederatedSimulation"/>.</summary>
    Federated,
}
