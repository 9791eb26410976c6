namespace FedChain.Learning.Analysis.Engine;

/// <summary>
/// One analysis as a round-based protocol: <see cref="Start"/> gives the first public state; in
/// each step every site computes <see cref="Contribute"/> from its own rows and that state; the
/// members sum the contributions (in the 64-bit ring, under secure aggregation where the plan
/// asks); <see cref="Advance"/> turns the sum into the next public state. Both functions are pure:
/// the same plan, roster and sums give the same states, bit for bit, in one process or on every
/// node of the network.
/// </summary>
public abstract class FederatedAnalysis
{
    /// <summary>The first public state (its request is step 1's).</summary>
    public abstract AnalysisState Start();

    /// <summary>A site's statistics for the state's request, one array per block (length <see cref="StatisticBlock.Length"/>).</summary>
    public abstract double[][] Contribute(AnalysisState state, SiteInput site);

    /// <summary>The next public state from the decoded sums of the state's request.</summary>
    public abstract AnalysisState Advance(AnalysisState state, StepSums sums);

    /// <summary>The most steps this analysis can take under its plan (it may finish earlier).</summary>
    public abstract int MaxSteps { get; }
}
