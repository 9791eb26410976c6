namespace FedChain.Learning.Training;

/// <summary>
/// One site's contribution to a round. <see cref="Vector"/> is n_i * (w_local - w_global), followed
/// for SCAFFOLD by n_i * (c_i_new - c_i) (docs/ARCHITECTURE.md, "Update vectors"). With DP on, n_i
/// is the member's declared count, not its current one, and <see cref="Privacy"/> says what the
/// round spent.
/// </summary>
/// <param name="SampleCount">n_i: the weight to commit on-chain.</param>
/// <param name="MeanLoss">Mean local training loss; NaN with DP on (it would not be private).</param>
/// <param name="Privacy">With DP on, the epsilon spent; null otherwise.</param>
public sealed record ClientUpdate(float[] Vector, long SampleCount, ClientState State, double MeanLoss, RoundPrivacy? Privacy = null);
