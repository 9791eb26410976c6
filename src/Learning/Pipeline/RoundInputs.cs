using FedChain.Learning.Aggregation;
using FedChain.Learning.Contribution;

namespace FedChain.Learning.Pipeline;

/// <summary>
/// What the server-side stages of round r start from: the model and server state the round trained
/// from, the round's sum, and the individual updates in roster order when the plan lets them be seen
/// (null under secure aggregation).
/// </summary>
/// <param name="Members">Members of the plan (N), as the round's aggregation passes it to SCAFFOLD.</param>
public sealed record RoundInputs(int Round, float[] GlobalBefore, ServerState StateBefore, RoundSum Sum, IReadOnlyList<MemberUpdate>? Updates, int Members);
