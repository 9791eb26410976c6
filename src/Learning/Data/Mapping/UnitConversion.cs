namespace FedChain.Learning.Data.Mapping;

/// <summary>An affine unit conversion, target = <see cref="Scale"/> * source + <see cref="Offset"/> (only temperature has an offset).</summary>
public sealed record UnitConversion(double Scale, double Offset)
{
    public static UnitConversion Identity { get; } = new(1, 0);

    public bool IsIdentity => Scale == 1 && Offset == 0;

    public double Apply(double value) => Scale * value + Offset;

    /// <summary>This conversion followed by <paramref name="next"/>.</summary>
    public UnitConversion Then(UnitConversion next) => new(next.Scale * Scale, next.Scale * Offset + next.Offset);

    public UnitConversion Inverse() => new(1 / Scale, -Offset / Scale);
}
