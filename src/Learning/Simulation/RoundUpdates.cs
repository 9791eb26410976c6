using FedChain.Learning.Aggregation;
using FedChain.Learning.Training;

namespace FedChain.Learning.Simulation;

/// <summary>One simulated round's inputs and result, in site order.</summary>
/// <param name="GlobalBefore">The global model the sites trained from.</param>
/// <param name="StateBefore">The server state the round's rule started from.</param>
/// <param name="Quantised">Each site's fixed-point update as the network would commit it; null on the float path.</param>
/// <param name="GlobalAfter">The round's new global model.</param>
/// <param name="Members">Members of the plan (N), as the round's aggregation was given it.</param>
public sealed record RoundUpdates(
    int Round,
    float[] GlobalBefore,
    ServerState StateBefore,
    IReadOnlyList<string> Sites,
    IReadOnlyList<ClientUpdate> Updates,
    IReadOnlyList<uint[]>? Quantised,
    float[] GlobalAfter,
    int Members);
