namespace FedChain.Learning.Analysis.Regression;

/// <summary>A model's information matrix cannot be inverted, so its coefficients are not identified.</summary>
public sealed class SingularInformationException(string message) : Exception(message);
