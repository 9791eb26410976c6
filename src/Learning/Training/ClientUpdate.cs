namespace FedChain.Learning.Training;

/// <summary>
/// One site's contribution to a round. <see cref="Vector"/> is n_i * (w_local - w_global), followed
/// for SCAFFOLD by n_i * (c_i_new - c_i) (docs/ARCHITECTURE.md, "Update vectors").
/// </summary>
public sealed record ClientUpdate(float[] Vector, long SampleCount, ClientState State, double MeanLoss);
