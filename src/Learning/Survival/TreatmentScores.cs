namespace FedChain.Learning.Survival;

/// <summary>One family's C-indices for one seed.</summary>
public sealed record TreatmentScores(double RotterdamTest, double GbsgTest, double RotterdamOnGbsg, double GbsgOnRotterdam, double Validation);
