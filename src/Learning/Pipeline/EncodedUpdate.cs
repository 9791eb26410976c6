using FedChain.Learning.Training;

namespace FedChain.Learning.Pipeline;

/// <summary>What a member commits for a round: the words (fixed-point, compressed when the plan says), its sample count, and the state it carries on.</summary>
/// <param name="State">The member's state after the round (with compression's residual).</param>
/// <param name="Clipped">Coordinates that hit the quantisation clip bound.</param>
public sealed record EncodedUpdate(uint[] Words, long SampleCount, ClientState State, int Clipped);
