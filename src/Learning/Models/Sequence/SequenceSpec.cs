namespace FedChain.Learning.Models.Sequence;

/// <summary>
/// How a row's feature vector forms a sequence: the first <see cref="Steps"/> x <see cref="Channels"/>
/// features are the time steps, oldest first, <see cref="Channels"/> values per step; any features
/// after them are static and join the last hidden state before the head.
/// </summary>
/// <param name="Steps">Time steps per row (T).</param>
/// <param name="Channels">Values per step (C).</param>
/// <param name="Hidden">GRU/LSTM: hidden state size; temporal CNN: filters per layer.</param>
/// <param name="Layers">Temporal CNN: convolution layers, layer l dilated by 2^l.</param>
/// <param name="KernelSize">Temporal CNN: taps per filter.</param>
public sealed record SequenceSpec(int Steps, int Channels, int Hidden, int Layers = 2, int KernelSize = 2)
{
    /// <summary>Features after the sequence.</summary>
    public int StaticCount(int features) => features - Steps * Channels;

    public void Validate(int features)
    {
        if (Steps < 1 || Channels < 1 || Hidden < 1) throw new ArgumentException($"model sequence steps, channels and hidden must be above 0, got {Steps}, {Channels}, {Hidden}");
        if (Layers < 1 || KernelSize < 1) throw new ArgumentException($"model sequence layers and kernelSize must be above 0, got {Layers}, {KernelSize}");
        if (StaticCount(features) < 0) throw new ArgumentException($"model sequence of {Steps} steps x {Channels} channels needs {Steps * Channels} features; the schema has {features}");
    }
}
