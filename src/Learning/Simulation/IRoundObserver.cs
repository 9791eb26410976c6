namespace FedChain.Learning.Simulation;

/// <summary>Sees every round of a simulation once its updates are in (contribution scoring plugs in here).</summary>
public interface IRoundObserver
{
    void Observe(RoundUpdates round);
}
