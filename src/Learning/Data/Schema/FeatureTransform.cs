namespace FedChain.Learning.Data.Schema;

/// <summary>
/// A fixed per-row function a numeric feature goes through before it enters the model's input vector.
/// It is part of the schema, so every site and the simulation apply it the same way and the plan's hash
/// covers it; analyses read the column as recorded.
/// </summary>
public enum FeatureTransform
{
    /// <summary>log(1 + x), for right-skewed counts and concentrations (x must be above -1: the column's min says so).</summary>
    Log1p,
}
