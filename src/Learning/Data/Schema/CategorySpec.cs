namespace FedChain.Learning.Data.Schema;

/// <summary>One allowed value of a categorical column.</summary>
/// <param name="Code">The value as written in the file. Numeric codes also match their other spellings ("1" matches "1.0").</param>
/// <param name="Meaning">What the code stands for, for people reading the schema.</param>
public sealed record CategorySpec(string Code, string? Meaning = null);
