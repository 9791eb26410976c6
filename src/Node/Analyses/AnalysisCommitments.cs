using FedChain.Contracts.Ledger;
using FedChain.Node.Rounds;
using FedChain.Node.SecureRounds;

namespace FedChain.Node.Analyses;

/// <summary>
/// Whether a committed blob of an analysis round may enter its sum (the checks of
/// <see cref="CommitmentCheck"/>, with the analysis's kinds): round 0 of a secure-aggregation plan
/// commits the member's shares blob, every data round a vector of the round's public length, plain
/// or masked. Nodes and the auditor run this same check on the same bytes.
/// </summary>
public static class AnalysisCommitments
{
    public static EnvelopeKind Expected(bool secure, int setupRounds, uint round) =>
        round < setupRounds ? EnvelopeKind.SecAggShares : secure ? EnvelopeKind.MaskedAnalysisVector : EnvelopeKind.AnalysisVector;

    /// <param name="dataRounds">Rounds whose keys and shares round 0 carries.</param>
    /// <param name="vectorLength">The round's length from the public state (ignored in round 0).</param>
    /// <returns>The accepted blob, or null with <paramref name="problem"/> saying why it is left out.</returns>
    public static AcceptedBlob? Check(byte[] planHash, bool secure, int setupRounds, int dataRounds, LedgerEvents.Committed commitment, byte[] blob, int vectorLength, out string? problem) =>
        CommitmentCheck.Check(planHash, commitment, blob, Expected(secure, setupRounds, commitment.Round), envelope =>
        {
            try
            {
                if (envelope.Kind == EnvelopeKind.SecAggShares) SecAggBodies.ReadShares(envelope.Body, dataRounds);
                else AnalysisVectors.Read(envelope.Body, vectorLength);
                return null;
            }
            catch (Exception e) when (e is InvalidDataException or FormatException)
            {
                return e.Message;
            }
        }, out problem);
}
