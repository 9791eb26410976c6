using System.Text.Json.Serialization;

namespace FedChain.Learning.Quantisation;

/// <summary>Fixed-point encoding of update vectors (docs/ARCHITECTURE.md, "Update vectors").</summary>
/// <param name="FixedPointBits">f: a value x is sent as round(x * 2^f). 16 bits give a step of 1.5e-5 per unit of n_i * delta.</param>
/// <param name="MaxMembers">The most updates ever summed; each coordinate is clipped to 2^31 / (2^f * MaxMembers) so the sum cannot wrap.</param>
public sealed record QuantisationSettings(int FixedPointBits = 16, int MaxMembers = 16)
{
    public void Validate()
    {
        if (FixedPointBits is < 0 or > 30) throw new ArgumentException($"quantisation fixedPointBits must be in [0, 30], got {FixedPointBits}");
        if (MaxMembers is < 1 or > 1 << 16) throw new ArgumentException($"quantisation maxMembers must be in [1, 65536], got {MaxMembers}");
    }

    /// <summary>The largest magnitude of one quantised coordinate: floor((2^31 - 1) / MaxMembers).</summary>
    [JsonIgnore]
    public int IntegerBound => (int)(int.MaxValue / MaxMembers);

    /// <summary>The clip bound in real units: values beyond +-this are clipped before summing.</summary>
    [JsonIgnore]
    public double RealBound => IntegerBound / Math.Pow(2, FixedPointBits);
}
