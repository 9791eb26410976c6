namespace FedChain.Learning.Training;

/// <summary>What a site keeps between rounds: SCAFFOLD's client control variate c_i (null before its first round).</summary>
public sealed record ClientState(float[]? Control = null)
{
    public static ClientState Initial { get; } = new();
}
