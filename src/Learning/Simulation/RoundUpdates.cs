using FedChain.Learning.Aggregation;
using FedChain.Learning.Pipeline;
using FedChain.Learning.Training;

namespace FedChain.Learning.Simulation;

/// <summary>One simulated round's inputs and result, in site order.</summary>
/// <param name="GlobalBefore">The global model the sites trained from.</param>
/// <param name="StateBefore">The server state the round's rule started from.</param>
/// <param name="Inputs">The server stages' inputs: the round's sum and, unless the plan hides them, each site's committed fixed-point update; null on the float path.</param>
/// <param name="GlobalAfter">The round's new global model.</param>
/// <param name="Members">Members of the plan (N), as the round's aggregation was given it.</param>
/// <param name="Committed">The words each site committed (its fixed-point update, compressed when the plan says); null on the float path.</param>
public sealed record RoundUpdates(
    int Round,
    float[] GlobalBefore,
    ServerState StateBefore,
    IReadOnlyList<string> Sites,
    IReadOnlyList<ClientUpdate> Updates,
    RoundInputs? Inputs,
    float[] GlobalAfter,
    int Members,
    IReadOnlyList<uint[]>? Committed = null);
