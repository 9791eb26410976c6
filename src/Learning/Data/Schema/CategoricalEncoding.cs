namespace FedChain.Learning.Data.Schema;

/// <summary>How a categorical feature becomes numbers.</summary>
public enum CategoricalEncoding
{
    /// <summary>One 0/1 indicator per category, except the first (pandas get_dummies drop_first, as FLamby does).</summary>
    OneHotDropFirst,
    /// <summary>One 0/1 indicator per category.</summary>
    OneHot,
    /// <summary>The category's position in the list, 0-based.</summary>
    Ordinal,
}
