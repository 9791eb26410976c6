namespace FedChain.Learning.Simulation;

/// <summary>How many misbehaving sites a simulation adds (<c>simulate --free-riders K --noisy N --label-flip M</c>).</summary>
public sealed record MisbehaviourCounts(int FreeRiders = 0, int NoiseSenders = 0, int LabelFlippers = 0)
{
    public int Total => FreeRiders + NoiseSenders + LabelFlippers;

    public void Validate()
    {
        if (FreeRiders < 0 || NoiseSenders < 0 || LabelFlippers < 0) throw new ArgumentException($"misbehaving site counts cannot be negative (free riders {FreeRiders}, noisy {NoiseSenders}, label flippers {LabelFlippers})");
    }
}
